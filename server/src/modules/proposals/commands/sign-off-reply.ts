import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { signOffInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { assignments, replyLetters } from '../schema.ts';
import { notifyUnits, usersWithRole } from './handling-notices.ts';
import { currentReply, loadAssignmentForAction } from './load-assignment.ts';

/**
 * 签发: the unit's leader approves the reply (it goes to the supervision office for review) or returns it
 * to the clerk with a comment.
 */
export async function signOffReply(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof signOffInput>,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const actions = input.approve
      ? ['sign_off' as const]
      : ['sign_off' as const, 'return_to_drafter' as const];
    const { assignment: a, proposal: p } = await loadAssignmentForAction(tx, ctx.actor, id, actions, {
      now,
      expectedVersion: input.expectedVersion,
    });
    if (!input.approve && !input.comment.trim()) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'comment', message: '退回修改须写明修改意见' }]);
    }
    const letter = await currentReply(tx, a, 'sign_off');
    const next = input.approve ? 'supervision_review' : 'reply_drafted';
    await tx
      .update(replyLetters)
      .set({
        ...(input.approve
          ? { signedByUserId: ctx.actor.userId, signedAt: now, supervisionStatus: 'pending' as const }
          : {}),
        version: sql`${replyLetters.version} + 1`,
        updatedAt: now,
      })
      .where(eq(replyLetters.id, letter.id));
    await tx
      .update(assignments)
      .set({ state: next, version: sql`${assignments.version} + 1`, updatedAt: now })
      .where(eq(assignments.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: input.approve ? 'assignment.reply_signed_off' : 'assignment.reply_returned',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      before: { state: a.state },
      after: { state: next, replyLetterId: letter.id, by: 'unit_leader', comment: input.comment },
    });
    if (input.approve) {
      await notify(tx, a.committeeId, await usersWithRole(tx, a.committeeId, ['supervision_office']), {
        kind: 'reply_review',
        title: `请审核答复：${p.title}`.slice(0, 60),
        body: `承办单位已签发对提案“${p.title}”的答复，请审核。`,
        link: `/assignments/${id}`,
      });
    } else {
      await notifyUnits(tx, a.committeeId, [a.handlerUnitId], ['handler_clerk'], {
        kind: 'reply_returned',
        title: `答复被退回修改：${p.title}`.slice(0, 60),
        body: `分管领导退回了对提案“${p.title}”的答复：${input.comment}`,
        link: `/assignments/${id}`,
      });
    }
  });
}
