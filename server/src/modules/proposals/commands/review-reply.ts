import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { reviewReplyInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { assignments, replyLetters } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { completeRepliesIfDone } from './complete-replies.ts';
import { notifyUnits } from './handling-notices.ts';
import { currentReply, loadAssignmentForAction } from './load-assignment.ts';
import { indexProposal } from '../../search/commands/index-proposal.ts';

/**
 * 督查室审核: the supervision office approves the signed reply — it is sent, possibly with a changed 答复类别
 * (the audit row keeps both) — or returns it to the unit with a comment. The last required reply moves the
 * proposal to `evaluating`.
 */
export async function reviewReply(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof reviewReplyInput>,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const actions = input.approve
      ? ['approve_reply' as const]
      : ['approve_reply' as const, 'return_to_drafter' as const];
    const { assignment: a, proposal: p } = await loadAssignmentForAction(tx, ctx.actor, id, actions, {
      now,
      expectedVersion: input.expectedVersion,
    });
    if (!input.approve && !input.comment.trim()) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'comment', message: '退回修改须写明审核意见' }]);
    }
    const letter = await currentReply(tx, a, 'approve_reply');
    const resultClass = input.resultClass ?? letter.resultClass;
    if (input.approve && input.resultClass) {
      const rules = await loadRules(tx, a.committeeId);
      if (!rules.resultClasses.some((c) => c.code === input.resultClass)) {
        const codes = rules.resultClasses.map((c) => `${c.code}（${c.label}）`).join('、');
        throw new AppError('VALIDATION_FAILED', [{ path: 'resultClass', message: `答复类别应为：${codes}` }]);
      }
    }
    const next = input.approve ? 'sent' : 'reply_drafted';
    await tx
      .update(replyLetters)
      .set({
        supervisionStatus: input.approve ? 'approved' : 'returned',
        supervisionComment: input.comment,
        ...(input.approve ? { sentAt: now, resultClass } : {}),
        version: sql`${replyLetters.version} + 1`,
        updatedAt: now,
      })
      .where(eq(replyLetters.id, letter.id));
    await tx
      .update(assignments)
      .set({
        state: next,
        ...(input.approve ? { completedAt: now } : {}),
        version: sql`${assignments.version} + 1`,
        updatedAt: now,
      })
      .where(eq(assignments.id, id));
    const proposalChange = input.approve ? await completeRepliesIfDone(tx, p, now) : null;
    // A sent letter becomes searchable for every reader of the proposal.
    await indexProposal(tx, p.id);
    await recordAudit(tx, auditSource(ctx), {
      action: input.approve ? 'assignment.reply_sent' : 'assignment.reply_returned',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      before: { state: a.state, resultClass: letter.resultClass },
      after: {
        state: next,
        resultClass: input.approve ? resultClass : letter.resultClass,
        replyLetterId: letter.id,
        by: 'supervision_office',
        comment: input.comment,
        proposal: proposalChange,
      },
    });
    if (!input.approve) {
      await notifyUnits(tx, a.committeeId, [a.handlerUnitId], ['handler_clerk'], {
        kind: 'reply_returned',
        title: `答复被督查室退回：${p.title}`.slice(0, 60),
        body: `督查室退回了对提案“${p.title}”的答复：${input.comment}`,
        link: `/assignments/${id}`,
      });
    }
  });
}
