import { and, eq, sql } from 'drizzle-orm';
import type { ReplyDraftInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { assignments, replyLetters } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { loadAssignmentForAction } from './load-assignment.ts';
import { indexProposal } from '../../search/commands/index-proposal.ts';

/**
 * 起草答复: the lead, sole or split unit writes (or edits) its reply of the current round — 文号, body,
 * 答复类别 (one of the committee's result classes), contact — and the task is `reply_drafted`. A returned
 * reply keeps the reviewer's comment until it is submitted again.
 */
export async function saveReplyDraft(
  ctx: RequestContext,
  id: string,
  input: ReplyDraftInput,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { assignment: a, proposal: p } = await loadAssignmentForAction(tx, ctx.actor, id, 'draft_reply', {
      now,
      expectedVersion: input.expectedVersion,
    });
    const rules = await loadRules(tx, a.committeeId);
    if (!rules.resultClasses.some((c) => c.code === input.resultClass)) {
      const codes = rules.resultClasses.map((c) => `${c.code}（${c.label}）`).join('、');
      throw new AppError('VALIDATION_FAILED', [{ path: 'resultClass', message: `答复类别应为：${codes}` }]);
    }
    const content = {
      docNumber: input.docNumber,
      body: input.body,
      resultClass: input.resultClass,
      contactName: input.contactName,
      contactPhone: input.contactPhone,
      ...(input.publishMode ? { publishMode: input.publishMode } : {}),
    };
    const [existing] = await tx
      .select({ id: replyLetters.id })
      .from(replyLetters)
      .where(
        and(
          eq(replyLetters.assignmentId, id),
          eq(replyLetters.round, a.round),
          eq(replyLetters.kind, 'reply'),
        ),
      )
      .for('update');
    if (existing) {
      await tx
        .update(replyLetters)
        .set({ ...content, version: sql`${replyLetters.version} + 1`, updatedAt: now })
        .where(eq(replyLetters.id, existing.id));
    } else {
      await tx.insert(replyLetters).values({
        ...content,
        committeeId: a.committeeId,
        proposalId: p.id,
        assignmentId: id,
        kind: 'reply',
        round: a.round,
        draftedByUserId: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
    }
    await tx
      .update(assignments)
      .set({ state: 'reply_drafted', version: sql`${assignments.version} + 1`, updatedAt: now })
      .where(eq(assignments.id, id));
    await indexProposal(tx, p.id);
    await recordAudit(tx, auditSource(ctx), {
      action: 'assignment.reply_drafted',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      before: { state: a.state },
      after: {
        state: 'reply_drafted',
        round: a.round,
        docNumber: input.docNumber,
        resultClass: input.resultClass,
        created: !existing,
      },
    });
  });
}
