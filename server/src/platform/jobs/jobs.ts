import { Cron } from 'croner';
import type { Db } from '../db/connect.ts';
import { jobs } from './schema.ts';

/**
 * The one jobs interface of the platform (house style: "one jobs interface").
 *
 * Behind it: `DatabaseJobRunner` (`db-runner.ts`) over the migrated `jobs` table, on both engines.
 * pg-boss was considered for PostgreSQL mode and not taken, because:
 *  - embedded mode needs this runner anyway (pg-boss over PGlite is development-only: delayed jobs were not
 *    picked up), so pg-boss would be a second queue that only production runs and only one engine tests;
 *  - the two guarantees pg-boss is chosen for come from the same PostgreSQL features here, and the tests
 *    prove them on PostgreSQL with two runners: a job is claimed with `FOR UPDATE SKIP LOCKED` (each job
 *    runs once across instances), and the next run of a schedule is a row under the partial unique index
 *    on `singleton_key` (two instances never double-schedule);
 *  - a job is a row of a drizzle-migrated table, so `enqueueJob(tx, …)` commits or rolls back with the
 *    business write (a true outbox), and it is in the backups; pg-boss keeps its own `pgboss` schema and
 *    migrations outside ours, opens its own pool, and 10.x is a line we may not upgrade.
 * What pg-boss has that this runner does not (archive tables, dead-letter queues, a dashboard) is not
 * needed here: failed jobs keep `last_error`, and done rows are purged after a retention period.
 * Handlers must be idempotent: a process killed after a handler's effect but before "done" reruns the
 * job once its lease expires (at-least-once on a crash, exactly once otherwise).
 */
export interface JobRunner {
  /** Enqueues a job; with `singletonKey`, nothing is added while a job with that key is still pending. */
  schedule(name: string, data?: JobData, opts?: ScheduleOptions): Promise<void>;
  /** A recurring job: every N seconds (aligned to the clock) or a 5-field cron read in Asia/Shanghai. */
  every(name: string, when: number | string, handler: JobHandler): void;
  /** The handler of one-off jobs of this name. */
  on(name: string, handler: JobHandler): void;
  start(): Promise<void>;
  /** Stops claiming, waits for running handlers (up to a timeout), then returns. */
  stop(): Promise<void>;
}

export type JobData = Record<string, unknown>;

export interface ScheduleOptions {
  runAt?: Date;
  singletonKey?: string;
}

export interface JobContext {
  id: string;
  name: string;
  /** 1 on the first run. */
  attempt: number;
  db: Db;
  /** Aborted when the runner stops. */
  signal: AbortSignal;
}

export type JobHandler = (data: JobData, job: JobContext) => Promise<void>;

/** The time zone of cron schedules: the committees' working day is Beijing time. */
export const scheduleTimeZone = 'Asia/Shanghai';

/** The singleton key that holds the next run of a recurring job. */
export function recurringKey(name: string): string {
  return `every:${name}`;
}

/** Validates a schedule now (a typo fails at start-up, not at the first run) and returns its next-run function. */
export function nextRunOf(when: number | string): (after: Date) => Date {
  if (typeof when === 'number') {
    if (!Number.isInteger(when) || when < 1)
      throw new RangeError(`interval must be whole seconds ≥ 1: ${when}`);
    const ms = when * 1000;
    // Aligned to the epoch, so every instance computes the same next run for the same schedule.
    return (after) => new Date((Math.floor(after.getTime() / ms) + 1) * ms);
  }
  const cron = new Cron(when, { timezone: scheduleTimeZone });
  return (after) => {
    const next = cron.nextRun(after);
    if (!next) throw new RangeError(`cron "${when}" has no next run after ${after.toISOString()}`);
    return next;
  };
}

/**
 * Enqueues a job inside the caller's transaction: it exists only if the write that asked for it commits.
 * Returns false when a pending job with the same singleton key already exists.
 */
export async function enqueueJob(
  tx: Db,
  name: string,
  data: JobData = {},
  opts: ScheduleOptions = {},
): Promise<boolean> {
  const inserted = await tx
    .insert(jobs)
    // Without runAt the database's clock decides, the same clock the claim compares with.
    .values({
      name,
      data,
      singletonKey: opts.singletonKey ?? null,
      ...(opts.runAt ? { runAt: opts.runAt } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return inserted.length > 0;
}
