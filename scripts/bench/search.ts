/**
 * The search benchmark of `npm run bench` (section `search` of docs/benchmarks.md): on each engine, with
 * `--search-proposals` (200,000) proposals of the shared corpus (search-data.ts):
 *
 *   1. bulk load, then the index build: the rebuild's batches (`reindexBatch`, 1,000 proposals each);
 *   2. search p50/p95 through `searchProposals`, realistic queries (two-character words like 养老, phrases,
 *      several words), as a member and as proposal staff;
 *   3. similar proposals p50/p95 through `similarProposals`, for a title and for a 2,000-character body
 *      (what a member drafting sees);
 *   4. recall: for a sample of the corpus's near-duplicate pairs, the share whose twin is in the top 5 of
 *      `similarProposals` for the other's text (as staff; the proposal itself excluded), and how often a
 *      hard negative gets into the top 5;
 *   5. memory: peak RSS and heap of this process (on PGlite the database lives in it), database and index
 *      sizes.
 * Steps 2 and 3 run `--search-trials` times, interleaved; each timing is the median of the trials' p50 and p95.
 * Targets on PostgreSQL (issue 4): search p95 < 100 ms, similar < 150 ms.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { CorpusPair } from '../../server/src/modules/demo/corpus/corpus.ts';
import { createRng } from '../../server/src/modules/demo/prng.ts';
import { reindexBatch } from '../../server/src/modules/search/commands/reindex-committee.ts';
import { rowsOf } from '../../server/src/modules/search/queries/corpus-stats.ts';
import { searchProposals } from '../../server/src/modules/search/queries/search-proposals.ts';
import { similarProposals } from '../../server/src/modules/search/queries/similar-proposals.ts';
import type { Actor } from '../../server/src/platform/authz/actor.ts';
import { type Database, type Db, openPglite, openPostgres } from '../../server/src/platform/db/connect.ts';
import { type PgCluster, startPgCluster } from '../pg-cluster.ts';
import {
  overTrials,
  percentile,
  renderSearchSection,
  type SearchRun,
  searchQueries,
  timing,
} from './search-report.ts';
import { generateSearchData, type SearchBenchData } from './search-data.ts';

export type Engine = 'pglite' | 'postgres';

export interface SearchBenchOptions {
  engines: Engine[];
  searchProposals: number;
  /** PGlite's count when it differs (a 200,000 run on PGlite takes long on a shared machine). */
  searchPgliteProposals?: number;
  /** Rounds over the query list. */
  searchRuns: number;
  /** Similar-proposal calls per kind (title, body). */
  searchSamples: number;
  /**
   * Times every timing is taken (interleaved: all kinds once, then again): each trial has its own p50/p95,
   * and the run reports their medians, so one burst of load on a shared machine does not decide a target.
   */
  searchTrials: number;
  /** Near-duplicate pairs checked for recall. */
  searchRecall: number;
  write: boolean;
}

/** Peak RSS and heap of this process, sampled every 100 ms. */
function memoryProbe() {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return { rss, heap };
    },
  };
}

async function buildIndex(db: Db, committeeId: string, log: (l: string) => void) {
  const started = performance.now();
  const batches: number[] = [];
  let after: string | undefined;
  do {
    const t = performance.now();
    const progress = await db.transaction((tx) => reindexBatch(tx, committeeId, after));
    batches.push(performance.now() - t);
    if (batches.length % 20 === 0) log(`    indexed ${progress.done}/${progress.total}`);
    after = progress.next ?? undefined;
  } while (after);
  return { seconds: (performance.now() - started) / 1000, batch: timing(batches) };
}

/** One trial of the query list as one actor: every call's time, and per query, its times. */
async function timeSearch(
  db: Db,
  actor: Actor,
  runs: number,
): Promise<{ times: number[]; hits: number[]; broad: boolean[]; each: number[][] }> {
  for (const q of searchQueries) await searchProposals(db, actor, { q, page: 1, pageSize: 20 });
  const times: number[] = [];
  const hits: number[] = [];
  const broad: boolean[] = [];
  const each: number[][] = searchQueries.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [k, q] of searchQueries.entries()) {
      const s = performance.now();
      const res = await searchProposals(db, actor, { q, page: 1, pageSize: 20 });
      const took = performance.now() - s;
      times.push(took);
      each[k]!.push(took);
      if (r === 0) {
        hits.push(res.total);
        broad.push(res.broad);
      }
    }
  }
  return { times, hits, broad, each };
}

/**
 * A clerk of the unit that handled the most proposals and of the median unit: their search is narrowed to
 * their own proposals within the index (search-candidates.ts), a different path from a member's.
 */
async function unitClerks(db: Db, d: SearchBenchData): Promise<{ actor: Actor; proposals: number }[]> {
  const units = rowsOf<{ unit: string; n: number }>(
    await db.execute(sql`select handler_unit_id as unit, count(*)::int as n from assignments
      where committee_id = ${d.committeeId} and state <> 'reassigned'
      group by handler_unit_id order by n desc, handler_unit_id`),
  );
  return [units[0], units[Math.floor(units.length / 2)]]
    .filter((u) => u !== undefined)
    .map((u) => ({
      proposals: u.n,
      actor: {
        ...d.staff,
        // Not the staff's id: every bench proposal was entered by staff, and a clerk owns none.
        userId: randomUUID(),
        username: `clerk-${u.n}`,
        displayName: `clerk-${u.n}`,
        grants: [{ role: 'handler_clerk', scopeId: u.unit }],
        sessionId: `bench-clerk-${u.n}`,
      } as Actor,
    }));
}

/** Corpus indexes spread over the whole corpus, `n` of them, that pass `keep`. */
function spread(count: number, n: number, keep: (i: number) => boolean): number[] {
  const out: number[] = [];
  const step = Math.max(1, Math.floor(count / (n * 3)));
  for (let i = 7; i < count && out.length < n; i += step) if (keep(i)) out.push(i);
  return out;
}

async function timeSimilar(db: Db, d: SearchBenchData, samples: number) {
  const bodyOf = (i: number) => {
    const p = d.corpus.proposal(i);
    return `${p.situation}\n${p.analysis}\n${p.suggestions}`;
  };
  const titles = spread(d.corpus.count, samples, () => true);
  const long = spread(d.corpus.count, samples, (i) => bodyOf(i).length >= 2_000);
  const run = async (input: (i: number) => { title?: string; body?: string }, indexes: number[]) => {
    await similarProposals(db, d.member, { ...input(indexes[0]!), limit: 5 });
    const times: number[] = [];
    for (const i of indexes) {
      const s = performance.now();
      await similarProposals(db, d.member, { ...input(i), limit: 5 });
      times.push(performance.now() - s);
    }
    return times;
  };
  return {
    title: await run((i) => ({ title: d.corpus.proposal(i).title }), titles),
    body: await run((i) => ({ body: bodyOf(i).slice(0, 2_000) }), long),
  };
}

/** Share of near-duplicate pairs whose twin is in the top 5; and of hard negatives that get in. */
async function recall(db: Db, d: SearchBenchData, n: number) {
  const truth = d.corpus.groundTruth();
  // A seeded random sample: a fixed stride would keep only one of the interleaved kinds of pair.
  const sample = (kind: CorpusPair['kind']) =>
    createRng(7).sample(
      truth.filter((p) => p.kind === kind),
      n,
    );
  const top5 = async (i: number, withBody: boolean) => {
    const p = d.corpus.proposal(i);
    const body = withBody ? `${p.situation}\n${p.analysis}\n${p.suggestions}` : undefined;
    const found = await similarProposals(db, d.staff, {
      title: p.title,
      body,
      limit: 5,
      excludeProposalId: d.ids[i],
    });
    return found.map((f) => f.id);
  };
  const byKind = new Map<string, { found: number; n: number }>();
  const count = (key: string, hit: boolean) => {
    const c = byKind.get(key) ?? { found: 0, n: 0 };
    c.n += 1;
    if (hit) c.found += 1;
    byKind.set(key, c);
  };
  for (const pair of sample('paraphrase')) {
    const hit = (await top5(pair.index, true)).includes(d.ids[pair.twinOf]!);
    count('all', hit);
    count(pair.variant!, hit);
    count(pair.sameSession ? 'same session' : 'earlier session', hit);
    count('title only', (await top5(pair.index, false)).includes(d.ids[pair.twinOf]!));
  }
  for (const pair of sample('hard_negative').slice(0, Math.ceil(n / 2))) {
    count('hard negatives in top 5', (await top5(pair.twinOf, true)).includes(d.ids[pair.index]!));
  }
  return Object.fromEntries(byKind);
}

async function sizes(db: Db) {
  const [row] = rowsOf<Record<string, string>>(
    await db.execute(sql`select
      pg_database_size(current_database())::bigint as database,
      pg_total_relation_size('proposals')::bigint as proposals,
      pg_total_relation_size('search_documents')::bigint as documents,
      pg_relation_size('search_documents_units_tsv_idx')::bigint as tsv_idx,
      pg_relation_size('search_documents_proposal_words_idx')::bigint as proposal_words_idx,
      pg_relation_size('search_documents_title_trgm_idx')::bigint as title_trgm_idx,
      pg_indexes_size('search_documents')::bigint as document_indexes,
      (select count(*) from search_documents)::bigint as rows`),
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}

async function benchEngine(engine: Engine, o: SearchBenchOptions): Promise<SearchRun> {
  const log = (line: string) => console.log(line);
  const count = engine === 'pglite' ? (o.searchPgliteProposals ?? o.searchProposals) : o.searchProposals;
  console.log(`\n${engine}: ${count.toLocaleString('en-US')} proposals`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-search-bench-'));
  let cluster: PgCluster | null = null;
  let database: Database | null = null;
  const memory = memoryProbe();
  try {
    if (engine === 'postgres') {
      cluster = await startPgCluster();
      database = await openPostgres(cluster.url);
    } else {
      database = await openPglite(dataDir);
    }
    const db = database.db;
    const [v] = rowsOf<{ v: string }>(await db.execute(sql`select current_setting('server_version') as v`));
    const data = await generateSearchData(db, count, log);
    log(
      `  demo committee ${data.seedSeconds.toFixed(1)} s; proposals written in ${data.loadSeconds.toFixed(1)} s`,
    );
    const index = await buildIndex(db, data.committeeId, log);
    log(`  index built in ${index.seconds.toFixed(1)} s (batch p50 ${index.batch.p50.toFixed(0)} ms)`);
    // As autovacuum leaves freshly loaded tables on a server, and the nightly housekeeping on PGlite:
    // statistics current and settled pages marked all-visible.
    await db.execute(sql`vacuum (analyze)`);
    const clerks = await unitClerks(db, data);
    const trials = {
      member: [] as number[][],
      staff: [] as number[][],
      units: clerks.map(() => [] as number[][]),
      title: [] as number[][],
      body: [] as number[][],
    };
    let first: {
      member: Awaited<ReturnType<typeof timeSearch>>;
      staff: Awaited<ReturnType<typeof timeSearch>>;
    };
    const staffEach: number[][] = searchQueries.map(() => []);
    const unitsBroad: number[] = [];
    for (let trial = 0; trial < o.searchTrials; trial++) {
      const member = await timeSearch(db, data.member, o.searchRuns);
      const staff = await timeSearch(db, data.staff, o.searchRuns);
      first ??= { member, staff };
      trials.member.push(member.times);
      trials.staff.push(staff.times);
      for (const [k, xs] of staff.each.entries()) staffEach[k]!.push(...xs);
      for (const [c, clerk] of clerks.entries()) {
        const u = await timeSearch(db, clerk.actor, o.searchRuns);
        trials.units[c]!.push(u.times);
        unitsBroad[c] = u.broad.filter(Boolean).length;
      }
      const similar = await timeSimilar(db, data, o.searchSamples);
      trials.title.push(similar.title);
      trials.body.push(similar.body);
      const [m, st, ti, bo] = [member.times, staff.times, similar.title, similar.body].map(timing);
      log(
        `  trial ${trial + 1}: search member p50 ${m!.p50.toFixed(1)} p95 ${m!.p95.toFixed(1)}, staff ${st!.p50.toFixed(1)} / ${st!.p95.toFixed(1)}; similar title ${ti!.p50.toFixed(1)} / ${ti!.p95.toFixed(1)}, body ${bo!.p50.toFixed(1)} / ${bo!.p95.toFixed(1)} ms`,
      );
    }
    const member = { t: overTrials(trials.member), ...first!.member };
    const staff = { t: overTrials(trials.staff), ...first!.staff };
    const units = clerks.map((clerk, c) => ({
      proposals: clerk.proposals,
      t: overTrials(trials.units[c]!),
      broad: unitsBroad[c]!,
    }));
    const similar = { title: overTrials(trials.title), body: overTrials(trials.body) };
    log(
      `  median of ${o.searchTrials} trials: search member p95 ${member.t.p95.toFixed(1)}, staff ${staff.t.p95.toFixed(1)}, units ${units.map((u) => u.t.p95.toFixed(1)).join(' / ')}; similar title ${similar.title.p95.toFixed(1)}, body ${similar.body.p95.toFixed(1)} ms`,
    );
    const t = performance.now();
    const recalled = await recall(db, data, o.searchRecall);
    const all = recalled.all;
    log(
      `  recall@5 ${all ? ((100 * all.found) / all.n).toFixed(1) : '?'} % of ${all?.n} pairs (${((performance.now() - t) / 1000).toFixed(0)} s)`,
    );
    const size = await sizes(db);
    const peak = memory.stop();
    return {
      engine,
      version: v?.v ?? '?',
      proposals: count,
      letters: data.letters,
      seedSeconds: data.seedSeconds,
      loadSeconds: data.loadSeconds,
      index,
      search: {
        member: member.t,
        staff: staff.t,
        hits: member.hits.map((h, i) => [h, staff.hits[i]!]),
        broad: member.broad.map((b, i) => [b, staff.broad[i]!]),
        perQuery: staffEach.map((xs) => percentile(xs, 50)),
        units,
      },
      similar,
      recall: recalled,
      memory: peak,
      sizes: size,
      loadAverage: os.loadavg(),
    };
  } finally {
    memory.stop();
    await database?.close();
    await cluster?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const allEngines: Engine[] = ['pglite', 'postgres'];
const savedDir = path.resolve(import.meta.dirname, '..', '..', 'docs', 'bench-runs');
const savedPath = (engine: Engine) => path.join(savedDir, `search-${engine}.json`);

/** Each engine's last written run, kept beside docs/benchmarks.md as the data its tables are made from. */
function saveRun(run: SearchRun) {
  fs.mkdirSync(savedDir, { recursive: true });
  fs.writeFileSync(savedPath(run.engine), `${JSON.stringify(run, null, 1)}\n`);
}

function savedRun(engine: Engine): SearchRun | undefined {
  const file = savedPath(engine);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SearchRun) : undefined;
}

export async function benchSearch(
  o: SearchBenchOptions,
  tools: { writeSection: (section: string, start: string, end: string) => void },
) {
  const date = new Date().toISOString().slice(0, 10);
  const loadBefore = os.loadavg();
  const runs: SearchRun[] = [];
  for (const engine of allEngines) {
    if (o.engines.includes(engine)) {
      const run = { ...(await benchEngine(engine, o)), date };
      runs.push(run);
      if (o.write) saveRun(run);
    } else {
      // An engine not run this time keeps its last saved column, so one engine can be re-measured alone.
      const saved = savedRun(engine);
      if (saved) runs.push(saved);
    }
  }
  const { section, start, end } = renderSearchSection(runs, o, date, loadBefore);
  if (o.write) {
    tools.writeSection(section, start, end);
    console.log('\nwrote docs/benchmarks.md (search)');
  } else {
    console.log(`\n${section}`);
  }
}
