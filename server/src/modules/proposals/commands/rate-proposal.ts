import { eq, sql } from 'drizzle-orm';
import type { FeedbackInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { proposalLabels } from '@tongxin/common/proposals/enums.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { currentRound, handlesProposal, raterOf, ratingVerdict } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { assignments, proposals, proposerFeedback } from '../schema.ts';
import { usersWithRole } from './handling-notices.ts';
import { loadForAction } from './load-for-action.ts';

const field = (message: string) =>
  new AppError('VALIDATION_FAILED', [{ path: 'onBehalfOfMemberId', message }]);

/**
 * 评价 (P17): a signer rates the reply of the current round, once, within the feedback window. The lead
 * proposer's (or the collective's) rating decides: 满意/基本满意 closes the proposal; 不满意 keeps it in
 * `evaluating` and the proposals office decides on 重新办理. Co-signers' ratings count in the statistics.
 * Proposal staff enter each signer's paper 征询意见表 (once per signer and round, like an online one); a
 * handler unit never rates.
 */
export async function rateProposal(
  ctx: RequestContext,
  id: string,
  input: FeedbackInput,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal: p, signers, rel } = await loadForAction(tx, ctx.actor, id, 'rate');
    const asg = await tx.select().from(assignments).where(eq(assignments.proposalId, id));
    if (handlesProposal(ctx.actor, asg)) throw new AppError('FORBIDDEN');
    const rater = raterOf(ctx.actor, p, rel, signers, input.onBehalfOfMemberId);
    if (rater === 'forbidden') throw new AppError('FORBIDDEN');
    if (rater === 'needs_member') throw field('代录纸质评价，请选择是哪位提案人的评价');
    if (rater === 'not_a_signer') throw field('只能为领衔提案人或已确认的联名人代录评价');
    const feedback = await tx.select().from(proposerFeedback).where(eq(proposerFeedback.proposalId, id));
    const round = currentRound(asg);
    const verdict = ratingVerdict(p, rater, feedback, round, shanghaiDate(now));
    if (verdict === 'wrong_state') throw new AppError('WRONG_STATE', { state: p.state, action: 'rate' });
    if (verdict === 'deadline_passed') throw new AppError('DEADLINE_PASSED', { deadline: p.feedbackDueOn });
    if (verdict === 'already_rated') throw new AppError('ALREADY_RATED');
    // The rating belongs to the signer (`memberId`, null = the collective); the account that entered it —
    // the signer's own, or the staff member typing a paper form — is recorded beside it. The unique index
    // per (proposal, round, signer) stops a second one even when two arrive at the same moment.
    const inserted = await tx
      .insert(proposerFeedback)
      .values({
        committeeId: p.committeeId,
        proposalId: id,
        round,
        memberId: rater.memberId,
        raterUserId: ctx.actor.userId,
        overall: input.overall,
        consultedBeforeReply: input.consultedBeforeReply ?? null,
        handlerAttitude: input.handlerAttitude ?? null,
        agreesWithResult: input.agreesWithResult ?? null,
        replyOnPoint: input.replyOnPoint ?? null,
        visitHappened: input.visitHappened ?? null,
        comment: input.comment,
        recordedByStaff: rater.byStaff,
        submittedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: proposerFeedback.id });
    if (inserted.length === 0) throw new AppError('ALREADY_RATED');
    const closes = rater.decisive && input.overall !== 'dissatisfied';
    if (closes) {
      await tx
        .update(proposals)
        .set({
          state: 'closed',
          closeReason: 'rated',
          closedAt: now,
          version: sql`${proposals.version} + 1`,
          updatedAt: now,
        })
        .where(eq(proposals.id, id));
    }
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.rated',
      targetType: 'proposal',
      targetId: id,
      targetLabel: p.title,
      before: { state: p.state },
      after: {
        round,
        overall: input.overall,
        memberId: rater.memberId,
        decisive: rater.decisive,
        recordedByStaff: rater.byStaff,
        enteredByUserId: ctx.actor.userId,
        state: closes ? 'closed' : p.state,
        ...(closes ? { closeReason: 'rated' } : {}),
      },
    });
    if (rater.decisive && input.overall === 'dissatisfied') {
      await notify(tx, p.committeeId, await usersWithRole(tx, p.committeeId, ['proposal_staff']), {
        kind: 'rating_dissatisfied',
        title: `提案人对答复不满意：${p.title}`.slice(0, 60),
        body:
          round === 1
            ? `领衔提案人对提案“${p.title}”的答复评价为“不满意”，请研究是否安排重新办理。`
            : `重新办理后，领衔提案人对提案“${p.title}”的答复仍“不满意”，请会同督查室协商后办结。`,
        link: `/proposals/${id}`,
      });
    } else if (closes) {
      await notify(tx, p.committeeId, await usersWithRole(tx, p.committeeId, ['proposal_staff']), {
        kind: 'proposal_closed',
        title: `提案已办结：${p.title}`.slice(0, 60),
        body: `领衔提案人对提案“${p.title}”的答复评价为“${proposalLabels.satisfaction[input.overall]}”，提案已办结。`,
        link: `/proposals/${id}`,
      });
    }
  });
}
