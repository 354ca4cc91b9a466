/**
 * The proposal benchmarks of `npm run bench` (section `proposals` of docs/benchmarks.md), on both engines,
 * against the real app (`buildApp`) on loopback with 50,000 generated proposals (proposals-generate.ts):
 *
 *   1. generation time and database size;
 *   2. submission: 100 members, each signed in with their own session, draft → submit 5 times at once
 *      (proposals-submission.ts); p50/p99 and a check that no acknowledged submission is lost;
 *   3. the staff list with filters, and a title search, under autocannon (proposals-list.ts);
 *   4. 交办会: one bulk assignment of 500 filed proposals, three times on fresh sets;
 *   5. the statistics of the largest session and of a full year, 10 sequential runs each
 *      (4 and 5: proposals-assign-stats.ts).
 *
 * Targets (the issue's, on PostgreSQL): list p95 under 100 ms, statistics under 1 s. `--steps=list` (or any
 * of submission,list,bulk,stats) runs only those steps after the generation and prints instead of writing.
 */
import { benchSignIn, listenBenchApp } from './bench-app.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadActor } from '../../server/src/modules/auth/queries/load-actor.ts';
import { type Database, openPglite, openPostgres } from '../../server/src/platform/db/connect.ts';
import { sessionIdOf } from '../../server/src/platform/security/password.ts';
import { type PgCluster, startPgCluster } from '../pg-cluster.ts';
import { benchBulkAssignment, benchStats } from './proposals-assign-stats.ts';
import { databaseSize, generateProposalData } from './proposals-generate.ts';
import { benchLists } from './proposals-list.ts';
import { endMarker, renderSection, startMarker } from './proposals-report.ts';
import {
  type BenchTools,
  benchSteps,
  type Engine,
  type EngineRun,
  type ProposalBenchOptions,
  rowsOf,
  type StepContext,
  type StepResults,
} from './proposals-results.ts';
import { benchSubmission } from './proposals-submission.ts';

export type { BenchStep, Engine, ProposalBenchOptions } from './proposals-results.ts';
export { benchSteps } from './proposals-results.ts';

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) total += dirBytes(p);
    else if (entry.isFile()) total += fs.statSync(p).size;
  }
  return total;
}

/** The measured steps in order (the list runs before the 交办会 changes the latest session). */
async function runSteps(ctx: StepContext): Promise<Partial<StepResults>> {
  const wanted = (step: (typeof benchSteps)[number]) => ctx.options.steps.includes(step);
  return {
    ...(wanted('submission') ? { submission: await benchSubmission(ctx) } : {}),
    ...(wanted('list') ? await benchLists(ctx) : {}),
    ...(wanted('bulk') ? { bulk: await benchBulkAssignment(ctx) } : {}),
    ...(wanted('stats') ? await benchStats(ctx) : {}),
  };
}

async function benchEngine(
  engine: Engine,
  o: ProposalBenchOptions,
  tools: BenchTools,
): Promise<Partial<EngineRun>> {
  console.log(`\n${engine}:`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-bench-proposals-'));
  const cleanDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  process.on('exit', cleanDir);
  let cluster: PgCluster | null = null;
  let database: Database | null = null;
  try {
    if (engine === 'postgres') {
      cluster = await startPgCluster();
      database = await openPostgres(cluster.url);
    } else {
      database = await openPglite(dataDir);
    }
    const db = database.db;
    const [{ v: version } = { v: '?' }] = await rowsOf<{ v: string }>(
      db,
      sql`select current_setting('server_version') as v`,
    );

    // ── 1. generation ──
    console.log(`  generating ${o.proposals.toLocaleString('en-US')} proposals (PostgreSQL ${version}):`);
    let t = performance.now();
    const data = await generateProposalData(db, { proposals: o.proposals, log: console.log });
    const generationSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    // The steady state of each engine: PostgreSQL's autovacuum vacuums and analyzes a freshly loaded table
    // within a minute; the embedded engine has no autovacuum, and the app's housekeeping job runs ANALYZE.
    await db.execute(engine === 'postgres' ? sql`vacuum analyze` : sql`analyze`);
    const analyzeSeconds = (performance.now() - t) / 1000;
    const dbBytes = await databaseSize(db);
    const dataDirBytes = engine === 'pglite' ? dirBytes(path.join(dataDir, 'pgdata')) : null;
    // Of the data directory, the write-ahead log: segments are kept for reuse up to max_wal_size (1 GB).
    const walBytes = engine === 'pglite' ? dirBytes(path.join(dataDir, 'pgdata', 'pg_wal')) : null;
    console.log(
      `  generated in ${generationSeconds.toFixed(1)} s (+ ${analyzeSeconds.toFixed(1)} s ${engine === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'}); ` +
        `database ${(dbBytes / 2 ** 20).toFixed(0)} MiB` +
        (dataDirBytes
          ? `, data directory ${(dataDirBytes / 2 ** 20).toFixed(0)} MiB ` +
            `(of which pg_wal ${((walBytes ?? 0) / 2 ** 20).toFixed(0)} MiB)`
          : ''),
    );

    const { app, base } = await listenBenchApp(db, dataDir);
    try {
      const staffCookie = await benchSignIn(base, data.staffUsername, data.password);
      const staffToken = staffCookie.slice('tongxin_session='.length);
      const actor = await loadActor(db, sessionIdOf(staffToken), app.config.sessionIdleMinutes);
      if (!actor) throw new Error('the staff session did not load');
      const call = async (method: string, url: string, body?: unknown) => {
        const res = await fetch(`${base}${url}`, {
          method,
          headers: { cookie: staffCookie, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        return { status: res.status, text: await res.text() };
      };
      const results = await runSteps({
        engine,
        db,
        cluster,
        app,
        base,
        data,
        staffCookie,
        actor,
        options: o,
        tools,
        call,
      });
      return {
        engine,
        version,
        data,
        generationSeconds,
        analyzeSeconds,
        dbBytes,
        dataDirBytes,
        walBytes,
        ...results,
      };
    } finally {
      await app.close();
    }
  } finally {
    await database?.close();
    await cluster?.stop();
    cleanDir();
    process.off('exit', cleanDir);
  }
}

export async function benchProposals(o: ProposalBenchOptions, tools: BenchTools): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const loadBefore = os.loadavg();
  const started = performance.now();
  console.log(
    `proposal bench: ${o.proposals.toLocaleString('en-US')} proposals, steps ${o.steps.join(', ')}; ` +
      `${o.submitters} submitters × ${o.perSubmitter}, list ${o.connections} connections × ${o.duration} s`,
  );
  const runs: Partial<EngineRun>[] = [];
  for (const engine of o.engines) runs.push(await benchEngine(engine, o, tools));
  console.log(`\nproposal bench took ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  if (benchSteps.some((step) => !o.steps.includes(step))) {
    console.log('steps narrowed: docs/benchmarks.md not written');
    return;
  }
  const section = renderSection(runs as EngineRun[], o, date, loadBefore, os.loadavg());
  if (o.write) {
    tools.writeSection(section, startMarker, endMarker);
    console.log('wrote the proposals section of docs/benchmarks.md');
  } else {
    console.log(`\n${section}`);
  }
}
