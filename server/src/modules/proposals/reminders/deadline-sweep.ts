import { and, eq, isNull, lt, lte } from 'drizzle-orm';
import { loadCalendar } from '../../../platform/calendar/queries/load-calendar.ts';
import { addWorkingDays, shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import type { JobRunner } from '../../../platform/jobs/jobs.ts';
import { committees } from '../../../platform/tenancy/schema.ts';
import { plenarySessions } from '../../org/schema.ts';
import { closeUnratedProposals } from '../commands/close-unrated-proposals.ts';
import { dropUnconfirmedCosigners } from '../commands/drop-unconfirmed-cosigners.ts';
import { proposalSigners, proposals } from '../schema.ts';
import { remindAssignments } from './assignment-reminders.ts';
import { remindFeedback } from './feedback-reminders.ts';

export const deadlineSweepJob = 'proposals.deadline-sweep';
/** How often the sweep runs (seconds). Reminders are deduplicated, so running often costs little. */
export const deadlineSweepEverySeconds = 600;
/** "Due soon" for a handler unit: within this many working days. */
export const assignmentSoonWorkingDays = 5;
/** "Rate soon" for the proposers: within this many working days. */
export const feedbackSoonWorkingDays = 3;

export interface SweepResult {
  committees: number;
  /** Proposals whose unconfirmed co-signers dropped (session deadline, or a recess invitation's own). */
  cosignDeadlines: number;
  closedNotRated: number;
  dueSoon: number;
  overdue: number;
  feedbackDueSoon: number;
  /** New notifications (reminders already sent are not counted again). */
  notifications: number;
}

/**
 * The deadline sweep (domain.md §3.1–§3.3), per committee and on its working-day calendar:
 * (c) at a session's proposal deadline (大会提案) or at the end of an invitation's own answering period
 * (平时提案), unconfirmed co-signers drop and proposals with no open invitation left are submitted;
 * (d) evaluating proposals past their feedback window without a decisive rating close as not rated;
 * (a)(b) handler units are reminded before and after their due day; (e) proposers before the feedback
 * window ends. Every reminder has a dedupe key, so running it twice, or on two instances at once, sends
 * each once. `now` is injectable for tests.
 */
export async function runDeadlineSweep(
  db: Db,
  opts: { now?: Date; signal?: AbortSignal } = {},
): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const today = shanghaiDate(now);
  const result: SweepResult = {
    committees: 0,
    cosignDeadlines: 0,
    closedNotRated: 0,
    dueSoon: 0,
    overdue: 0,
    feedbackDueSoon: 0,
    notifications: 0,
  };
  for (const { id } of await db.select({ id: committees.id }).from(committees)) {
    opts.signal?.throwIfAborted();
    const calendar = await loadCalendar(db, id);
    result.committees++;

    const waiting = await db
      .select({ id: proposals.id })
      .from(proposals)
      .innerJoin(plenarySessions, eq(plenarySessions.id, proposals.sessionId))
      .where(
        and(
          eq(proposals.committeeId, id),
          eq(proposals.state, 'cosigning'),
          eq(proposals.timing, 'plenary'),
          lte(plenarySessions.proposalDeadline, now),
        ),
      );
    // 平时提案: invitations whose own answering period is over (the day after their last day, in Beijing).
    const lapsed = await db
      .selectDistinct({ id: proposals.id })
      .from(proposals)
      .innerJoin(proposalSigners, eq(proposalSigners.proposalId, proposals.id))
      .where(
        and(
          eq(proposals.committeeId, id),
          eq(proposals.state, 'cosigning'),
          eq(proposals.timing, 'recess'),
          eq(proposalSigners.role, 'cosigner'),
          isNull(proposalSigners.confirmedAt),
          isNull(proposalSigners.declinedAt),
          isNull(proposalSigners.droppedAt),
          lt(proposalSigners.cosignDueOn, today),
        ),
      );
    for (const p of [...waiting, ...lapsed]) {
      if (await dropUnconfirmedCosigners(db, p.id, now)) result.cosignDeadlines++;
    }

    result.closedNotRated += (await closeUnratedProposals(db, id, today, now)).length;

    const units = await remindAssignments(
      db,
      id,
      today,
      addWorkingDays(today, assignmentSoonWorkingDays, calendar),
    );
    result.dueSoon += units.dueSoon;
    result.overdue += units.overdue;
    result.notifications += units.notifications;

    const feedback = await remindFeedback(
      db,
      id,
      today,
      addWorkingDays(today, feedbackSoonWorkingDays, calendar),
    );
    result.feedbackDueSoon += feedback.proposals;
    result.notifications += feedback.notifications;
  }
  return result;
}

/** Registers the sweep as a recurring job (every 10 minutes, on the clock). */
export function registerDeadlineSweep(runner: JobRunner, db: Db): void {
  runner.every(deadlineSweepJob, deadlineSweepEverySeconds, async (_data, job) => {
    await runDeadlineSweep(db, { signal: job.signal });
  });
}
