import crypto from 'node:crypto';
import os from 'node:os';
import { and, asc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import {
  enqueueJob,
  type JobData,
  type JobHandler,
  type JobRunner,
  nextRunOf,
  recurringKey,
  type ScheduleOptions,
} from './jobs.ts';
import { jobs } from './schema.ts';

export interface DatabaseJobRunnerOptions {
  /** How often an idle runner looks for due jobs. */
  pollMs?: number;
  /** Jobs this runner handles at the same time. */
  concurrency?: number;
  /** A claimed job whose runner stopped renewing its lease this long ago is claimed again (a crash). */
  leaseSeconds?: number;
  /** Runs of a failing job before it is given up (done, with `last_error`). */
  maxAttempts?: number;
  /** First retry delay; doubled on each further attempt, at most an hour. */
  backoffSeconds?: number;
  /** How long `stop()` waits for running handlers. */
  stopTimeoutMs?: number;
  workerId?: string;
  log?: (message: string, err?: unknown) => void;
}

type JobRow = typeof jobs.$inferSelect;

const maxBackoffSeconds = 3600;

/**
 * The jobs runner over the `jobs` table, for PGlite and PostgreSQL alike (why not pg-boss: `jobs.ts`).
 * A poll loop claims due jobs with `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)`, so two
 * instances never claim the same row; a running job's lease is renewed while its handler runs; a job whose
 * runner died is claimed again once its lease is stale. Failures back off exponentially and are retried up
 * to `maxAttempts` times. A recurring job, when done, enqueues its next run under a singleton key in the
 * same transaction, so however many instances run, one next run exists.
 */
export class DatabaseJobRunner implements JobRunner {
  readonly workerId: string;
  private readonly db: Db;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly leaseSeconds: number;
  private readonly maxAttempts: number;
  private readonly backoffSeconds: number;
  private readonly stopTimeoutMs: number;
  private readonly log: (message: string, err?: unknown) => void;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring = new Map<string, (after: Date) => Date>();
  private readonly inflight = new Map<string, Promise<void>>();
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private wakePending = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private abort = new AbortController();

  constructor(db: Db, options: DatabaseJobRunnerOptions = {}) {
    this.db = db;
    this.pollMs = options.pollMs ?? 1000;
    this.concurrency = options.concurrency ?? 4;
    this.leaseSeconds = options.leaseSeconds ?? 300;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffSeconds = options.backoffSeconds ?? 10;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
    this.workerId =
      options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
    this.log = options.log ?? ((message, err) => console.warn(`[jobs] ${message}`, err ?? ''));
  }

  on(name: string, handler: JobHandler): void {
    if (this.running) throw new Error(`register job "${name}" before start()`);
    if (this.handlers.has(name)) throw new Error(`job "${name}" already has a handler`);
    this.handlers.set(name, handler);
  }

  every(name: string, when: number | string, handler: JobHandler): void {
    const next = nextRunOf(when);
    this.on(name, handler);
    this.recurring.set(name, next);
  }

  async schedule(name: string, data: JobData = {}, opts: ScheduleOptions = {}): Promise<void> {
    await enqueueJob(this.db, name, data, opts);
    if (!opts.runAt || opts.runAt.getTime() <= Date.now()) this.wake();
  }

  async start(): Promise<void> {
    if (this.running) return;
    const now = new Date();
    for (const name of this.recurring.keys()) await this.scheduleNext(this.db, name, now, true);
    this.abort = new AbortController();
    this.running = true;
    this.heartbeat = setInterval(() => void this.renewLeases(), (this.leaseSeconds * 1000) / 3);
    this.heartbeat.unref();
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.wake();
    await this.loopDone;
    // Handlers see the signal and wind down; what they leave unfinished is retried by the next runner.
    this.abort.abort();
    if (this.inflight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      Promise.allSettled(this.inflight.values()).then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), this.stopTimeoutMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      this.log(
        `stopped with ${this.inflight.size} job(s) still running; they run again when their lease ends`,
      );
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const free = this.concurrency - this.inflight.size;
      let claimed = 0;
      if (free > 0 && this.handlers.size > 0) {
        try {
          const rows = await this.claim(free);
          claimed = rows.length;
          for (const row of rows) this.launch(row);
        } catch (err) {
          if (this.running) this.log('could not claim jobs', err);
        }
      }
      // A partial batch means the queue is drained; a full one waits for a free slot (a finish wakes us).
      if (claimed === 0 || claimed === free) await this.sleep(this.pollMs);
    }
  }

  private claim(limit: number): Promise<JobRow[]> {
    const due = this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          isNull(jobs.doneAt),
          lte(jobs.runAt, sql`now()`),
          or(
            isNull(jobs.lockedAt),
            lt(jobs.lockedAt, sql`now() - make_interval(secs => ${this.leaseSeconds})`),
          ),
          // Only names this instance can run (an older instance in a rolling upgrade leaves new ones alone).
          inArray(jobs.name, [...this.handlers.keys()]),
        ),
      )
      .orderBy(asc(jobs.runAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    return this.db
      .update(jobs)
      .set({ lockedAt: sql`now()`, lockedBy: this.workerId, attempts: sql`${jobs.attempts} + 1` })
      .where(inArray(jobs.id, due))
      .returning();
  }

  private launch(row: JobRow): void {
    const handler = this.handlers.get(row.name);
    const run = (async () => {
      let failure: unknown = null;
      try {
        if (!handler) throw new Error(`no handler for job "${row.name}"`);
        const data = (row.data ?? {}) as JobData;
        await handler(data, {
          id: row.id,
          name: row.name,
          attempt: row.attempts,
          db: this.db,
          signal: this.abort.signal,
        });
      } catch (err) {
        failure = err ?? new Error('job failed');
      }
      try {
        await this.finish(row, failure);
      } catch (err) {
        // The lease runs out and another run picks the job up again.
        this.log(`could not record the end of job ${row.name} ${row.id}`, err);
      }
    })().finally(() => {
      this.inflight.delete(row.id);
      this.wake();
    });
    this.inflight.set(row.id, run);
  }

  private async finish(row: JobRow, failure: unknown): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Only while the lease is still ours: a runner presumed dead must not finish a job claimed again.
      const mine = and(eq(jobs.id, row.id), eq(jobs.lockedBy, this.workerId), isNull(jobs.doneAt));
      const isRecurring = row.singletonKey === recurringKey(row.name) && this.recurring.has(row.name);
      if (failure === null) {
        const done = await tx
          .update(jobs)
          .set({ doneAt: sql`now()`, lockedAt: null, lastError: null })
          .where(mine)
          .returning({ id: jobs.id });
        if (done.length > 0 && isRecurring) await this.scheduleNext(tx, row.name, new Date());
        return;
      }
      const lastError = errorText(failure);
      if (row.attempts >= this.maxAttempts) {
        const given = await tx
          .update(jobs)
          .set({ doneAt: sql`now()`, lockedAt: null, lastError })
          .where(mine)
          .returning({ id: jobs.id });
        if (given.length > 0) {
          this.log(`job ${row.name} ${row.id} failed ${row.attempts} times; giving up`, failure);
          if (isRecurring) await this.scheduleNext(tx, row.name, new Date());
        }
        return;
      }
      const delay = Math.min(this.backoffSeconds * 2 ** (row.attempts - 1), maxBackoffSeconds);
      await tx
        .update(jobs)
        .set({
          runAt: sql`now() + make_interval(secs => ${delay})`,
          lockedAt: null,
          lockedBy: null,
          lastError,
        })
        .where(mine);
    });
  }

  /**
   * Enqueues the next run of a recurring job unless one is pending. At start-up, a pending run later than
   * the schedule now says (the interval was shortened) is moved forward.
   */
  private async scheduleNext(db: Db, name: string, after: Date, atStart = false): Promise<void> {
    const next = this.recurring.get(name);
    if (!next) return;
    const runAt = next(after);
    const key = recurringKey(name);
    const added = await enqueueJob(db, name, {}, { runAt, singletonKey: key });
    if (!added && atStart) {
      await db
        .update(jobs)
        .set({ runAt })
        .where(
          and(eq(jobs.singletonKey, key), isNull(jobs.doneAt), isNull(jobs.lockedAt), gt(jobs.runAt, runAt)),
        );
    }
  }

  private async renewLeases(): Promise<void> {
    if (this.inflight.size === 0) return;
    try {
      await this.db
        .update(jobs)
        .set({ lockedAt: sql`now()` })
        .where(and(inArray(jobs.id, [...this.inflight.keys()]), eq(jobs.lockedBy, this.workerId)));
    } catch (err) {
      this.log('could not renew job leases', err);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakePending || !this.running) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      this.wakeUp = done;
    });
  }

  private wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.wakePending = true;
  }
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return text.slice(0, 2000);
}
