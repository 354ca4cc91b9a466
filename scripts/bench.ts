/**
 * `npm run bench`: two sections of docs/benchmarks.md, each written between its own markers.
 *
 *   members    GET /api/org/members?sectorId=<id>&page=1&pageSize=20 with 10,000 members in 25 sectors, on
 *              both engines, against a bare-Fastify ceiling (`<!-- bench:members:start -->` … `:end -->`).
 *   proposals  50,000 generated proposals with full histories: submission with 100 concurrent members,
 *              the staff list with filters, bulk assignment of 500, statistics (scripts/bench/proposals.ts,
 *              `<!-- bench:proposals:start -->` … `:end -->`).
 *   search     200,000 proposals of the shared corpus: index build, search and similar-proposal latency,
 *              recall of the corpus's near-duplicates, memory (scripts/bench/search.ts,
 *              `<!-- bench:search:start -->` … `:end -->`). Options: --search-proposals=200000
 *              --search-pglite-proposals=(the same unless told) --search-runs=5 --search-samples=100
 *              --search-trials=3 --search-recall=200. Each engine's run is saved in docs/bench-runs/search-<engine>.json;
 *              with --engines=one, the other engine's column comes from its saved run.
 *
 * The real app (`buildApp`) listens on loopback in this process — as in production, PGlite runs on the
 * app's own thread — and the load generators (autocannon, scripts/bench/load.ts; the submitters,
 * scripts/bench/proposals-submit.ts) run in child processes.
 *
 * Options: --only=members|proposals  --engines=pglite,postgres  --connections=10  --duration=10  --warmup=3
 *          --members=10000  --proposals=50000  --submitters=100  --per-submitter=5  --explain  --no-write
 *          --steps=submission,list,bulk,stats (proposals: only those steps after the generation; then the
 *          results are printed, not written)
 */
import { benchSignIn, listenBenchApp } from './bench/bench-app.ts';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { type Database, openPglite, openPostgres } from '../server/src/platform/db/connect.ts';
import type { LoadResult, LoadSpec } from './bench/load.ts';
import { type BenchStep, benchProposals, benchSteps } from './bench/proposals.ts';
import { benchSearch } from './bench/search.ts';
import { seedMembers } from './bench/seed-members.ts';
import { type PgCluster, startPgCluster } from './pg-cluster.ts';

const root = path.resolve(import.meta.dirname, '..');
const docsFile = path.join(root, 'docs', 'benchmarks.md');
const startMarker = '<!-- bench:members:start -->';
const endMarker = '<!-- bench:members:end -->';

type Engine = 'pglite' | 'postgres';
const sections = ['members', 'proposals', 'search'] as const;
type Section = (typeof sections)[number];

interface Options {
  only: Section[];
  engines: Engine[];
  connections: number;
  duration: number;
  warmup: number;
  members: number;
  proposals: number;
  submitters: number;
  perSubmitter: number;
  explain: boolean;
  write: boolean;
  steps: BenchStep[];
  searchProposals: number;
  searchPgliteProposals?: number;
  searchRuns: number;
  searchSamples: number;
  searchTrials: number;
  searchRecall: number;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    only: [...sections],
    engines: ['pglite', 'postgres'],
    connections: 10,
    duration: 10,
    warmup: 3,
    members: 10_000,
    proposals: 50_000,
    submitters: 100,
    perSubmitter: 5,
    explain: false,
    write: true,
    steps: [...benchSteps],
    searchProposals: 200_000,
    searchRuns: 5,
    searchSamples: 100,
    searchTrials: 3,
    searchRecall: 200,
  };
  for (const arg of argv) {
    const [key, value = ''] = arg.replace(/^--/, '').split('=');
    if (key === 'only') {
      const wanted = value.split(/[,|]/).filter(Boolean);
      const unknown = wanted.filter((w) => !(sections as readonly string[]).includes(w));
      if (unknown.length > 0 || wanted.length === 0) {
        throw new Error(
          `unknown section ${unknown.join(', ') || '(none)'}; sections are ${sections.join(', ')}`,
        );
      }
      o.only = wanted as Section[];
    } else if (key === 'engines')
      o.engines = value.split(',').filter((e): e is Engine => e === 'pglite' || e === 'postgres');
    else if (key === 'connections') o.connections = Number(value);
    else if (key === 'duration') o.duration = Math.min(10, Number(value));
    else if (key === 'warmup') o.warmup = Number(value);
    else if (key === 'members') o.members = Number(value);
    else if (key === 'proposals') o.proposals = Number(value);
    else if (key === 'submitters') o.submitters = Number(value);
    else if (key === 'per-submitter') o.perSubmitter = Number(value);
    else if (key === 'explain') o.explain = true;
    else if (key === 'no-write') o.write = false;
    else if (key === 'search-proposals') o.searchProposals = Number(value);
    else if (key === 'search-pglite-proposals') o.searchPgliteProposals = Number(value);
    else if (key === 'search-runs') o.searchRuns = Number(value);
    else if (key === 'search-samples') o.searchSamples = Number(value);
    else if (key === 'search-trials') o.searchTrials = Math.max(1, Number(value));
    else if (key === 'search-recall') o.searchRecall = Number(value);
    else if (key === 'steps') {
      const wanted = value.split(',').filter(Boolean);
      const unknown = wanted.filter((w) => !(benchSteps as readonly string[]).includes(w));
      if (unknown.length > 0 || wanted.length === 0) {
        throw new Error(`unknown step ${unknown.join(', ') || '(none)'}; steps are ${benchSteps.join(', ')}`);
      }
      o.steps = wanted as BenchStep[];
    } else throw new Error(`unknown option ${arg}`);
  }
  return o;
}

/** Runs the load generator in its own process and returns its result. */
function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(import.meta.dirname, 'bench', 'load.ts'), JSON.stringify(spec)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const last = out.trim().split('\n').at(-1);
      if (code !== 0 || !last) return reject(new Error(`load generator exited ${code}: ${out}`));
      resolve(JSON.parse(last) as LoadResult);
    });
  });
}

/** Warm-up (discarded), then the measured run. */
async function measure(
  label: string,
  spec: Omit<LoadSpec, 'durationSeconds'>,
  o: Options,
): Promise<LoadResult> {
  if (o.warmup > 0) await load({ ...spec, durationSeconds: o.warmup });
  const r = await load({ ...spec, durationSeconds: o.duration });
  console.log(
    `  ${label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, ` +
      `p99 ${r.p99.toFixed(2)} ms (${r.requests} ok, ${r.non2xx} non-2xx, ${r.errors} errors)`,
  );
  if (r.non2xx > 0 || r.errors > 0)
    throw new Error(`${label}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
  return r;
}

interface EngineRun {
  engine: Engine;
  version: string;
  seedSeconds: number;
  result: LoadResult;
  body: string;
}

async function benchEngine(engine: Engine, o: Options): Promise<EngineRun> {
  console.log(`\n${engine}:`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-bench-'));
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
    // Both drivers answer `execute` with `{ rows }`.
    const versionResult = (await db.execute(
      sql`select current_setting('server_version') as v`,
    )) as unknown as {
      rows: { v: string }[];
    };
    const version = versionResult.rows[0]?.v ?? '?';

    let t = performance.now();
    const data = await seedMembers(db, o.members);
    await db.execute(sql`analyze`);
    const seedSeconds = (performance.now() - t) / 1000;
    console.log(`  seeded ${o.members} members in ${seedSeconds.toFixed(1)} s (PostgreSQL ${version})`);

    const { app, base } = await listenBenchApp(db, dataDir);
    try {
      const cookie = await benchSignIn(base, data.username, data.password);
      const url = `${base}/api/org/members?sectorId=${data.sectorId}&page=1&pageSize=20`;
      t = performance.now();
      const first = await fetch(url, { headers: { cookie } });
      const body = await first.text();
      console.log(`  first request ${(performance.now() - t).toFixed(1)} ms, ${body.length} characters`);
      const parsed = JSON.parse(body) as { items?: unknown[]; total?: number };
      if (first.status !== 200 || parsed.items?.length !== 20 || parsed.total !== data.sectorMembers) {
        throw new Error(`unexpected member list: HTTP ${first.status} ${body.slice(0, 300)}`);
      }
      const result = await measure(engine, { url, connections: o.connections, headers: { cookie } }, o);
      return { engine, version, seedSeconds, result, body };
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

/** A bare Fastify app with one route that returns the same JSON body: what the framework alone can do. */
async function benchCeiling(body: string, o: Options): Promise<LoadResult> {
  console.log('\nceiling (bare Fastify):');
  const payload = JSON.parse(body) as unknown;
  const app = Fastify({ logger: false });
  app.get('/api/org/members', async () => payload);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/org/members?sectorId=x&page=1&pageSize=20`;
    return await measure(
      'ceiling',
      { url, connections: o.connections, headers: { cookie: 'tongxin_session=x' } },
      o,
    );
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------- report

const ms = (n: number) => n.toFixed(2);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function renderSection(
  runs: EngineRun[],
  ceiling: LoadResult | null,
  o: Options,
  date: string,
  loadBefore: number[],
): string {
  const cpus = os.cpus();
  const pglite = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  const label = (r: EngineRun) =>
    r.engine === 'pglite'
      ? `PGlite ${pglite.version} (PostgreSQL ${r.version}, embedded, same thread as the app)`
      : `PostgreSQL ${r.version.split(' ')[0]} (loopback TCP, pool of 10, fsync off)`;
  const share = (r: LoadResult) => (ceiling ? `${Math.round((100 * r.rps) / ceiling.rps)} %` : '—');
  const row = (name: string, r: LoadResult) =>
    `| ${name} | ${int(r.rps)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${share(r)} |`;
  const bodyBytes = runs[0] ? Buffer.byteLength(runs[0].body) : 0;
  const lines = [
    startMarker,
    '## Member list API',
    '',
    `\`GET /api/org/members?sectorId=<id>&page=1&pageSize=20\` — ${int(o.members)} members in 25 sectors ` +
      `(${int(o.members / 25)} in the listed sector), signed in as a staff user (\`liaison_staff\`, session cookie), ` +
      `served by the real app (\`buildApp\`) over loopback HTTP. Every request authenticates the session, checks ` +
      `the policy, counts the sector and reads one page of 20 rows. Response body ${int(bodyBytes)} bytes.`,
    '',
    `Load: autocannon, ${o.connections} connections, ${o.duration} s measured after a ${o.warmup} s warm-up, ` +
      'in a separate process on the same machine (it competes with the server for the same cores). ' +
      'Latencies are per response, in milliseconds.',
    '',
    '| target | req/s | p50 | p95 | p99 | max | of ceiling |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...runs.map((r) => row(label(r), r.result)),
    ...(ceiling ? [row('ceiling: bare Fastify, one route returning the same JSON body', ceiling)] : []),
    '',
    `Seeding ${int(o.members)} members by direct inserts: ` +
      runs.map((r) => `${r.engine} ${r.seedSeconds.toFixed(1)} s`).join(', ') +
      '.',
    '',
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${int(os.totalmem() / 2 ** 30)} GiB, ` +
      `${os.type()} ${os.release()}, Node ${process.version}. Measured ${date}; load average before the run ` +
      `${loadBefore.map((n) => n.toFixed(2)).join(' / ')} (1/5/15 min). ` +
      'Single runs on a shared machine: treat differences under about 20 % as noise.',
    '',
    'Regenerate with `npm run bench` (scripts/bench.ts).',
    endMarker,
  ];
  return lines.join('\n');
}

function writeSection(section: string, start = startMarker, end = endMarker) {
  fs.mkdirSync(path.dirname(docsFile), { recursive: true });
  let text = fs.existsSync(docsFile)
    ? fs.readFileSync(docsFile, 'utf8')
    : '# Benchmarks\n\nMeasured on this machine by `npm run bench`. Each bench rewrites only its own section, ' +
      'between its `<!-- bench:… -->` markers; everything else in this file is kept.\n';
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from >= 0 && to > from) {
    text = text.slice(0, from) + section + text.slice(to + end.length);
  } else {
    text = `${text.trimEnd()}\n\n${section}\n`;
  }
  fs.writeFileSync(docsFile, text);
}

async function benchMembers(o: Options) {
  const date = new Date().toISOString().slice(0, 10);
  const loadBefore = os.loadavg();
  console.log(
    `member list bench: ${o.members} members, ${o.connections} connections, ${o.duration} s per run`,
  );
  const runs: EngineRun[] = [];
  for (const engine of o.engines) runs.push(await benchEngine(engine, o));
  const ceiling = runs[0] ? await benchCeiling(runs[0].body, o) : null;
  const section = renderSection(runs, ceiling, o, date, loadBefore);
  if (o.write) {
    writeSection(section);
    console.log(`\nwrote ${path.relative(root, docsFile)}`);
  } else {
    console.log(`\n${section}`);
  }
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  if (o.only.includes('members')) await benchMembers(o);
  if (o.only.includes('proposals')) {
    if (o.only.includes('members')) console.log('');
    await benchProposals(o, { load, writeSection });
  }
  if (o.only.includes('search')) await benchSearch(o, { writeSection });
}

await main();
process.exit(0);
