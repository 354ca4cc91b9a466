import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { cosignInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { assignments, replyCosigns } from '../schema.ts';
import { notifyUnits } from './handling-notices.ts';
import { currentReply, loadAssignmentForAction } from './load-assignment.ts';

/**
 * 会签: a co unit's clerk, on the co unit's own task, agrees to the lead unit's reply or asks for changes.
 * When every live co unit has answered, the lead's reply goes to its leader for 签发.
 */
export async function cosignReply(
  ctx: RequestContext,
  coAssignmentId: string,
  input: z.infer<typeof cosignInput>,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { assignment: co, proposal: p } = await loadAssignmentForAction(
      tx,
      ctx.actor,
      coAssignmentId,
      'cosign',
      { now, expectedVersion: input.expectedVersion },
    );
    if (input.decision === 'amended' && !input.comment.trim()) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'comment', message: '提出修改的，请写明修改意见' }]);
    }
    const [lead] = await tx
      .select()
      .from(assignments)
      .where(
        and(
          eq(assignments.proposalId, p.id),
          eq(assignments.mode, 'lead'),
          ne(assignments.state, 'reassigned'),
        ),
      )
      .for('update');
    if (!lead) throw new AppError('WRONG_STATE', { state: co.state, action: 'cosign' });
    const letter = await currentReply(tx, lead, 'cosign');
    await tx.insert(replyCosigns).values({
      committeeId: co.committeeId,
      replyLetterId: letter.id,
      assignmentId: co.id,
      decision: input.decision,
      comment: input.comment,
      decidedByUserId: ctx.actor.userId,
      decidedAt: now,
    });
    await tx
      .update(assignments)
      .set({ version: sql`${assignments.version} + 1`, updatedAt: now })
      .where(eq(assignments.id, co.id));
    const [open] = await tx
      .select({ id: assignments.id })
      .from(assignments)
      .where(
        and(
          eq(assignments.proposalId, p.id),
          eq(assignments.mode, 'co'),
          ne(assignments.state, 'reassigned'),
          sql`not exists (select 1 from ${replyCosigns} c where c.reply_letter_id = ${letter.id} and c.assignment_id = ${assignments.id})`,
        ),
      )
      .limit(1);
    const complete = !open;
    if (complete) {
      await tx
        .update(assignments)
        .set({ state: 'leader_signoff', version: sql`${assignments.version} + 1`, updatedAt: now })
        .where(eq(assignments.id, lead.id));
    }
    await recordAudit(tx, auditSource(ctx), {
      action: 'assignment.reply_cosigned',
      targetType: 'assignment',
      targetId: co.id,
      targetLabel: p.title,
      after: {
        decision: input.decision,
        comment: input.comment,
        replyLetterId: letter.id,
        leadAssignmentId: lead.id,
        leadState: complete ? 'leader_signoff' : lead.state,
      },
    });
    if (input.decision === 'amended') {
      await notifyUnits(tx, co.committeeId, [lead.handlerUnitId], ['handler_clerk'], {
        kind: 'reply_cosign',
        title: `会办单位提出修改意见：${p.title}`.slice(0, 60),
        body: `会办单位对提案“${p.title}”的答复提出修改意见：${input.comment}`,
        link: `/assignments/${lead.id}`,
      });
    }
    if (complete) {
      await notifyUnits(tx, co.committeeId, [lead.handlerUnitId], ['handler_leader'], {
        kind: 'reply_signoff',
        title: `请签发答复：${p.title}`.slice(0, 60),
        body: `对提案“${p.title}”的答复已完成会签，请审核签发。`,
        link: `/assignments/${lead.id}`,
      });
    }
  });
}
