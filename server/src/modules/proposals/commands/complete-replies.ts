import { and, eq, ne, sql } from 'drizzle-orm';
import { allowedFrom, proposalTransitions } from '@tongxin/common/proposals/workflow.ts';
import { loadCalendar } from '../../../platform/calendar/queries/load-calendar.ts';
import { dueDate, shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { answersProposer } from '../assignments.policy.ts';
import type { ProposalRow } from '../proposals.policy.ts';
import { assignments, proposalSigners, proposals } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { raterUsers } from './handling-notices.ts';

/**
 * P15/P16: when every required reply (each live lead, sole or split unit) has been sent, the proposal
 * waits for its rating — `evaluating`, `repliedAt` (the first time), `feedbackDueOn` counted from today —
 * and every signer is invited to rate. Returns the proposal's change, for the caller's audit row.
 */
export async function completeRepliesIfDone(
  tx: Db,
  p: ProposalRow,
  now: Date,
): Promise<{ state: 'evaluating'; feedbackDueOn: string } | null> {
  if (!allowedFrom(proposalTransitions, 'replies_complete', p.state)) return null;
  const live = await tx
    .select({ mode: assignments.mode, state: assignments.state })
    .from(assignments)
    .where(and(eq(assignments.proposalId, p.id), ne(assignments.state, 'reassigned')));
  const required = live.filter(answersProposer);
  if (required.length === 0 || required.some((a) => a.state !== 'sent')) return null;
  const rules = await loadRules(tx, p.committeeId);
  const feedbackDueOn = dueDate(
    shanghaiDate(now),
    rules.durations.feedbackWindow,
    await loadCalendar(tx, p.committeeId),
  );
  await tx
    .update(proposals)
    .set({
      state: 'evaluating',
      repliedAt: p.repliedAt ?? now,
      feedbackDueOn,
      version: sql`${proposals.version} + 1`,
      updatedAt: now,
    })
    .where(eq(proposals.id, p.id));
  const signers = await tx.select().from(proposalSigners).where(eq(proposalSigners.proposalId, p.id));
  await notify(tx, p.committeeId, await raterUsers(tx, p, signers), {
    kind: 'reply_to_rate',
    title: `提案已答复，请评价：${p.title}`.slice(0, 60),
    body: `承办单位已答复您的提案“${p.title}”。请于 ${feedbackDueOn} 前对办理情况作出评价（满意、基本满意或不满意）。`,
    link: `/proposals/${p.id}`,
  });
  return { state: 'evaluating', feedbackDueOn };
}
