import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { openTestDatabase, testEngine, withDatabase } from '../../test/db.ts';
import { type Database, openPostgres } from '../db/connect.ts';
import { DatabaseJobRunner, type DatabaseJobRunnerOptions } from './db-runner.ts';
import { purgeDoneJobs } from './housekeeping.ts';
import { enqueueJob, nextRunOf } from './jobs.ts';
import { jobs } from './schema.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quiet: DatabaseJobRunnerOptions = { pollMs: 25, log: () => {} };

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(25);
  }
}

describe('database job runner', () => {
  let database: Database & { name: string };
  /** A second connection pool to the same database: a second server instance (PGlite has one process). */
  let second: Database;
  before(async () => {
    database = await openTestDatabase();
    second =
      testEngine() === 'postgres'
        ? await openPostgres(withDatabase(process.env.TEST_PG_URL!, database.name), 5)
        : database;
  });
  after(async () => {
    if (second !== database) await second.close();
    await database.close();
  });
  const db = () => database.db;
  const rowsNamed = (name: string) => db().select().from(jobs).where(eq(jobs.name, name));

  it('runs each of 200 jobs exactly once with two runners on one database', async () => {
    const seen = new Map<number, string[]>();
    const make = (label: string, on: Database) => {
      const runner = new DatabaseJobRunner(on.db, { ...quiet, concurrency: 5, workerId: label });
      runner.on('count', async (data) => {
        const n = data.n as number;
        seen.set(n, [...(seen.get(n) ?? []), label]);
        await sleep(2);
      });
      return runner;
    };
    const a = make('a', database);
    const b = make('b', second);
    for (let i = 0; i < 200; i += 50) {
      await db()
        .insert(jobs)
        .values(Array.from({ length: 50 }, (_, k) => ({ name: 'count', data: { n: i + k } })));
    }
    await Promise.all([a.start(), b.start()]);
    await until(() => seen.size === 200);
    await sleep(200); // a duplicate would show up now
    await Promise.all([a.stop(), b.stop()]);
    assert.equal(seen.size, 200);
    assert.deepEqual(
      [...seen.values()].filter((by) => by.length !== 1),
      [],
    );
    const byRunner = (label: string) => [...seen.values()].filter((by) => by[0] === label).length;
    assert.ok(byRunner('a') > 0 && byRunner('b') > 0, `a ${byRunner('a')}, b ${byRunner('b')}`);
    const rows = await rowsNamed('count');
    assert.equal(rows.length, 200);
    assert.ok(rows.every((r) => r.doneAt !== null && r.attempts === 1 && r.lastError === null));
  });

  it('runs a job enqueued before a restart in the next runner', async () => {
    const ran: string[] = [];
    const first = new DatabaseJobRunner(db(), quiet);
    first.on('restart', async () => {
      ran.push('first');
    });
    await first.start();
    await first.schedule('restart', { x: 1 }, { runAt: new Date(Date.now() + 600) });
    await first.stop();
    assert.equal(ran.length, 0);
    const [pending] = await rowsNamed('restart');
    assert.equal(pending?.doneAt, null);

    const next = new DatabaseJobRunner(second.db, quiet);
    next.on('restart', async (data) => {
      ran.push(`next:${data.x}`);
    });
    await next.start();
    await until(() => ran.length > 0);
    await next.stop();
    assert.deepEqual(ran, ['next:1']);
  });

  it('claims a job again when its runner died, and the dead runner cannot finish it', async () => {
    let release: () => void = () => {};
    const hung = new Promise<void>((r) => {
      release = r;
    });
    const runs: string[] = [];
    const dying = new DatabaseJobRunner(db(), { ...quiet, leaseSeconds: 1, stopTimeoutMs: 20 });
    dying.on('lease', async () => {
      runs.push('dying');
      await hung;
    });
    await dying.start();
    await dying.schedule('lease');
    await until(() => runs.length === 1);
    await dying.stop(); // gives up waiting: the handler is left hanging, its lease no longer renewed

    const survivor = new DatabaseJobRunner(second.db, { ...quiet, leaseSeconds: 1 });
    survivor.on('lease', async () => {
      runs.push('survivor');
    });
    await survivor.start();
    await until(async () => (await rowsNamed('lease'))[0]?.doneAt !== null);
    release();
    await sleep(100);
    await survivor.stop();
    assert.deepEqual(runs, ['dying', 'survivor']);
    const [row] = await rowsNamed('lease');
    assert.equal(row?.attempts, 2);
    assert.equal(row?.lockedBy, survivor.workerId);
  });

  it('retries a failing job with backoff, and gives up after the last attempt', async () => {
    let flaky = 0;
    const runner = new DatabaseJobRunner(db(), { ...quiet, backoffSeconds: 0.05, maxAttempts: 3 });
    runner.on('flaky', async () => {
      flaky++;
      if (flaky < 3) throw new Error(`boom ${flaky}`);
    });
    runner.on('broken', async () => {
      throw new Error('always broken');
    });
    await runner.start();
    await runner.schedule('flaky');
    await runner.schedule('broken');
    await until(async () => (await rowsNamed('flaky'))[0]?.doneAt != null);
    await until(async () => (await rowsNamed('broken'))[0]?.doneAt != null);
    await runner.stop();
    const [ok] = await rowsNamed('flaky');
    assert.equal(ok?.attempts, 3);
    assert.equal(ok?.lastError, null);
    const [broken] = await rowsNamed('broken');
    assert.equal(broken?.attempts, 3);
    assert.match(broken?.lastError ?? '', /always broken/);
  });

  it('keeps one pending run of a recurring job with two runners, and runs each slot once', async () => {
    const ticks: number[] = [];
    const make = (on: Database) => {
      const runner = new DatabaseJobRunner(on.db, quiet);
      runner.every('tick', 1, async () => {
        ticks.push(Math.floor(Date.now() / 1000));
      });
      return runner;
    };
    const a = make(database);
    const b = make(second);
    await Promise.all([a.start(), b.start()]);
    const pending = async () =>
      (
        await db()
          .select()
          .from(jobs)
          .where(and(eq(jobs.singletonKey, 'every:tick'), isNull(jobs.doneAt)))
      ).length;
    assert.equal(await pending(), 1);
    await sleep(3300);
    await Promise.all([a.stop(), b.stop()]);
    assert.ok(ticks.length >= 2 && ticks.length <= 4, `ticks: ${ticks}`);
    assert.equal(new Set(ticks).size, ticks.length, `a second ran twice: ${ticks}`);
    assert.equal(await pending(), 1);
  });

  it('enqueues once per singleton key, and only when the transaction commits', async () => {
    assert.equal(await enqueueJob(db(), 'single', {}, { singletonKey: 'k1' }), true);
    assert.equal(await enqueueJob(db(), 'single', {}, { singletonKey: 'k1' }), false);
    await assert.rejects(
      db().transaction(async (tx) => {
        await enqueueJob(tx, 'rolled-back');
        throw new Error('the write failed');
      }),
    );
    assert.equal((await rowsNamed('single')).length, 1);
    assert.equal((await rowsNamed('rolled-back')).length, 0);
  });

  it('purges finished jobs after the retention period', async () => {
    await db()
      .insert(jobs)
      .values([
        { name: 'old', doneAt: sql`now() - interval '20 days'` },
        { name: 'old', doneAt: sql`now() - interval '1 day'` },
        { name: 'old' },
      ]);
    assert.equal(await purgeDoneJobs(db(), 14), 1);
    assert.equal((await rowsNamed('old')).length, 2);
  });
});

describe('schedules', () => {
  it('aligns intervals to the clock, so every instance agrees on the next run', () => {
    const next = nextRunOf(600);
    assert.equal(next(new Date('2026-03-02T01:03:10Z')).toISOString(), '2026-03-02T01:10:00.000Z');
    assert.equal(next(new Date('2026-03-02T01:10:00Z')).toISOString(), '2026-03-02T01:20:00.000Z');
  });

  it('reads cron in Beijing time', () => {
    const next = nextRunOf('0 8 * * 1-5');
    // Sunday 2026-03-01 09:00 in Beijing → Monday 08:00 Beijing = 00:00 UTC.
    assert.equal(next(new Date('2026-03-01T01:00:00Z')).toISOString(), '2026-03-02T00:00:00.000Z');
  });

  it('refuses a bad schedule when it is registered', () => {
    assert.throws(() => nextRunOf('61 * * * *'));
    assert.throws(() => nextRunOf(0));
  });
});
