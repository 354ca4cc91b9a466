import { eq, sql } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { followUpAllowed } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { assignments, proposals, proposerFeedback } from '../schema.ts';
import { raterUsers } from './handling-notices.ts';
import { loadForAction } from './load-for-action.ts';

/**
 * 协商办结 (P19): when the proposer is still 不满意 after 重新办理, the proposals office and the supervision
 * office consult with the proposer; the outcome is recorded (the audit row keeps the comment) and the
 * proposal is closed as `consulted`.
 */
export async function closeProposal(
  ctx: RequestContext,
  id: string,
  input: { reason: 'consulted'; comment: string; expectedVersion: number },
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal: p, signers } = await loadForAction(tx, ctx.actor, id, 'close', input.expectedVersion);
    const asg = await tx.select().from(assignments).where(eq(assignments.proposalId, id));
    const feedback = await tx.select().from(proposerFeedback).where(eq(proposerFeedback.proposalId, id));
    if (!followUpAllowed(p, { today: shanghaiDate(now), assignments: asg, feedback }, 'close')) {
      throw new AppError('CLOSE_NOT_ALLOWED');
    }
    await tx
      .update(proposals)
      .set({
        state: 'closed',
        closeReason: input.reason,
        closedAt: now,
        version: sql`${proposals.version} + 1`,
        updatedAt: now,
      })
      .where(eq(proposals.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.closed',
      targetType: 'proposal',
      targetId: id,
      targetLabel: p.title,
      before: { state: p.state },
      after: { state: 'closed', closeReason: input.reason, consultation: input.comment },
    });
    await notify(tx, p.committeeId, await raterUsers(tx, p, signers), {
      kind: 'proposal_closed',
      title: `提案已协商办结：${p.title}`.slice(0, 60),
      body: `您的提案“${p.title}”经协商后办结。协商情况：${input.comment}`,
      link: `/proposals/${id}`,
    });
  });
}
