import { eq, sql } from 'drizzle-orm';
import type { CloseInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { proposalLabels } from '@tongxin/common/proposals/enums.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { currentRound, followUpAllowed } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { assignments, proposalConsultations, proposals, proposerFeedback } from '../schema.ts';
import { raterUsers } from './handling-notices.ts';
import { loadForAction } from './load-for-action.ts';

/**
 * 协商办结 (P19): when the proposer is still 不满意 after 重新办理, the proposals office and the supervision
 * office consult with the proposer. The consultation is stored as a record of the proposal (date, form,
 * participants, outcome, who recorded it) and the proposal closes as `consulted`. A consultation cannot be
 * dated in the future: it is recorded after it took place.
 */
export async function closeProposal(
  ctx: RequestContext,
  id: string,
  input: CloseInput,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal: p, signers } = await loadForAction(tx, ctx.actor, id, 'close', input.expectedVersion);
    const asg = await tx.select().from(assignments).where(eq(assignments.proposalId, id));
    const feedback = await tx.select().from(proposerFeedback).where(eq(proposerFeedback.proposalId, id));
    const today = shanghaiDate(now);
    if (!followUpAllowed(p, { today, assignments: asg, feedback }, 'close')) {
      throw new AppError('CLOSE_NOT_ALLOWED');
    }
    if (input.heldOn > today) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'heldOn', message: `协商日期不能晚于今天（${today}），请在协商之后再办结` },
      ]);
    }
    const round = currentRound(asg);
    const [record] = await tx
      .insert(proposalConsultations)
      .values({
        committeeId: p.committeeId,
        proposalId: id,
        round,
        heldOn: input.heldOn,
        form: input.form,
        participants: input.participants,
        outcome: input.outcome,
        recordedByUserId: ctx.actor.userId,
        createdAt: now,
      })
      .returning({ id: proposalConsultations.id });
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
      after: {
        state: 'closed',
        closeReason: input.reason,
        consultation: {
          id: record?.id,
          round,
          heldOn: input.heldOn,
          form: input.form,
          participants: input.participants,
          outcome: input.outcome,
        },
      },
    });
    const form = proposalLabels.consultationForm[input.form];
    await notify(tx, p.committeeId, await raterUsers(tx, p, signers), {
      kind: 'proposal_closed',
      title: `提案已协商办结：${p.title}`.slice(0, 60),
      body: `您的提案“${p.title}”经 ${input.heldOn} ${form}协商后办结。协商结果：${input.outcome}`,
      link: `/proposals/${id}`,
    });
  });
}
