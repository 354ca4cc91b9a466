import { eq, inArray, sql } from 'drizzle-orm';
import { allowedFrom, assignmentTransitions } from '@tongxin/common/proposals/workflow.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { loadCalendar } from '../../../platform/calendar/queries/load-calendar.ts';
import { dueDate, shanghaiDate } from '../../../platform/calendar/working-days.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { answersProposer, currentRound, followUpAllowed, isLive } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { assignmentRounds, assignments, proposals, proposerFeedback } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { notifyUnits } from './handling-notices.ts';
import { loadForAction } from './load-for-action.ts';

/**
 * 重新办理 (P18): after the lead proposer's 不满意 with the first reply, the proposals office sends the
 * proposal back to its answering units: each starts round 2 with `rehandlingPeriod` to reply again. The
 * round starts now (`roundStartedAt`: extension limits count from it); round 1's dates move to
 * `assignment_rounds`.
 */
export async function rehandleProposal(
  ctx: RequestContext,
  id: string,
  input: { comment: string; expectedVersion: number },
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal: p } = await loadForAction(tx, ctx.actor, id, 'rehandle', input.expectedVersion);
    const asg = await tx.select().from(assignments).where(eq(assignments.proposalId, id)).for('update');
    const feedback = await tx.select().from(proposerFeedback).where(eq(proposerFeedback.proposalId, id));
    const today = shanghaiDate(now);
    if (!followUpAllowed(p, { today, assignments: asg, feedback }, 'rehandle')) {
      throw new AppError('REHANDLE_NOT_ALLOWED');
    }
    const rules = await loadRules(tx, p.committeeId);
    const dueOn = dueDate(today, rules.durations.rehandlingPeriod, await loadCalendar(tx, p.committeeId));
    const targets = asg.filter(
      (a) => isLive(a) && answersProposer(a) && allowedFrom(assignmentTransitions, 'rehandle', a.state),
    );
    const round = currentRound(asg) + 1;
    if (targets.length > 0) {
      // The finished round keeps its own dates (the on-time statistics judge the first reply by them).
      await tx.insert(assignmentRounds).values(
        targets.map((a) => ({
          committeeId: a.committeeId,
          assignmentId: a.id,
          round: a.round,
          startedAt: a.roundStartedAt,
          dueOn: a.dueOn,
          extendedDueOn: a.extendedDueOn,
          completedAt: a.completedAt,
        })),
      );
    }
    await tx
      .update(assignments)
      .set({
        state: 'rehandling',
        round,
        roundStartedAt: now,
        dueOn,
        extendedDueOn: null,
        completedAt: null,
        version: sql`${assignments.version} + 1`,
        updatedAt: now,
      })
      .where(
        inArray(
          assignments.id,
          targets.map((a) => a.id),
        ),
      );
    await tx
      .update(proposals)
      .set({
        state: 'rehandling',
        feedbackDueOn: null,
        version: sql`${proposals.version} + 1`,
        updatedAt: now,
      })
      .where(eq(proposals.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.rehandling_ordered',
      targetType: 'proposal',
      targetId: id,
      targetLabel: p.title,
      before: { state: p.state },
      after: {
        state: 'rehandling',
        round,
        dueOn,
        comment: input.comment,
        assignmentIds: targets.map((a) => a.id),
      },
    });
    for (const a of targets) {
      await notifyUnits(tx, p.committeeId, [a.handlerUnitId], ['handler_clerk', 'handler_leader'], {
        kind: 'rehandle',
        title: `提案须重新办理：${p.title}`.slice(0, 60),
        body: `提案人对提案“${p.title}”的答复不满意，请重新办理，并于 ${dueOn} 前再次答复。意见：${input.comment}`,
        link: `/assignments/${a.id}`,
      });
    }
  });
}
