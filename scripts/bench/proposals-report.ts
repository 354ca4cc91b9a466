/**
 * The proposals section of docs/benchmarks.md from the results of every engine: the table against the
 * issue's targets, the data, what is measured, the list queries' plans on PostgreSQL, and findings where a
 * target is missed (the slow part, and what would fix it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchProposalData } from './proposals-generate.ts';
import {
  bulkSize,
  type EngineRun,
  type ListRun,
  type ProposalBenchOptions,
  searchTerm,
  statsRuns,
  submitTimeLimitSeconds,
  targets,
} from './proposals-results.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const startMarker = '<!-- bench:proposals:start -->';
export const endMarker = '<!-- bench:proposals:end -->';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms0 = (n: number) => `${int(n)} ms`;
const ms1 = (n: number) => (n >= 100 ? ms0(n) : `${n.toFixed(1)} ms`);
const mib = (n: number) => `${int(n / 2 ** 20)} MiB`;
const verdict = (ok: boolean) => (ok ? 'pass' : '**fail**');

export function renderSection(
  runs: EngineRun[],
  o: ProposalBenchOptions,
  date: string,
  loadBefore: number[],
  loadAfter: number[],
): string {
  const cpus = os.cpus();
  const pglite = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  const label = (r: EngineRun) =>
    r.engine === 'pglite'
      ? `PGlite ${pglite.version} (PostgreSQL ${r.version.split(' ')[0]}, embedded)`
      : `PostgreSQL ${r.version.split(' ')[0]} (loopback, pool of 10)`;
  const data = runs[0]?.data;
  const cells = (f: (r: EngineRun) => string) => runs.map(f).join(' | ');
  const row = (name: string, target: string, f: (r: EngineRun) => string) =>
    `| ${name} | ${target} | ${cells(f)} |`;
  const withVerdict = (value: string, ok: boolean) => `${value} (${verdict(ok)})`;
  const head = ['| measurement | target (PostgreSQL) | ', runs.map(label).join(' | '), ' |'].join('');
  const rule = `|---|---|${runs.map(() => '--:|').join('')}`;
  const sub = (r: EngineRun) => r.submission;
  const planned = o.submitters * o.perSubmitter;
  /** A latency, with how many of the planned submissions it is over when some did not go through. */
  const timedOf = (r: EngineRun, n: number) =>
    sub(r).submitted === planned ? ms0(n) : `${ms0(n)} (over ${int(sub(r).submitted)} of ${int(planned)})`;
  const lines = [
    startMarker,
    '## Proposals',
    '',
    `${int(o.proposals)} generated proposals with full histories, then the proposal API of the real app (\`buildApp\`) ` +
      'over loopback HTTP. Targets from the issue, on PostgreSQL: **staff list p95 under 100 ms, statistics under ' +
      '1 s**; PGlite is judged against the same numbers for comparison.',
    '',
    head,
    rule,
    row('submission: `POST …/submit`, p50', '—', (r) => timedOf(r, sub(r).submitP50)),
    row('submission: `POST …/submit`, p99', '—', (r) => timedOf(r, sub(r).submitP99)),
    row('submission: draft + submit, p50', '—', (r) => timedOf(r, sub(r).pairP50)),
    row('submission: draft + submit, p99', '—', (r) => timedOf(r, sub(r).pairP99)),
    row('submission: throughput', '—', (r) => `${sub(r).perSecond.toFixed(1)} /s`),
    row('submission: acknowledged (200) and lost', '0 lost', (r) =>
      withVerdict(`${int(sub(r).acknowledged)} acknowledged, ${sub(r).lost} lost`, sub(r).lost === 0),
    ),
    row('submission: refused or not attempted', '0', (r) =>
      withVerdict(
        sub(r).failures + sub(r).skipped === 0
          ? '0'
          : [
              ...Object.entries(sub(r).failedStatuses).map(
                ([k, n]) => `${int(n)} × ${k.replace(/^(\w+) (\d+)$/, '$1 HTTP $2')}`,
              ),
              ...(sub(r).skipped
                ? [`${int(sub(r).skipped)} not started within ${submitTimeLimitSeconds} s`]
                : []),
              ...(sub(r).deadlocks ? [`${int(sub(r).deadlocks)} deadlocks in PostgreSQL`] : []),
            ].join(', '),
        sub(r).failures + sub(r).skipped === 0,
      ),
    ),
    row('staff list with filters: req/s', '—', (r) => int(r.listFilters.rps)),
    row(
      'staff list with filters: p50 / p99',
      '—',
      (r) => `${ms1(r.listFilters.p50)} / ${ms1(r.listFilters.p99)}`,
    ),
    row('staff list with filters: **p95**', '< 100 ms', (r) =>
      withVerdict(ms1(r.listFilters.p95), r.listFilters.p95 < targets.listP95Ms),
    ),
    row('staff list with filters: one request in-process, one at a time', '—', (r) =>
      ms1(r.listFilters.inProcessMs),
    ),
    row(`title search “${searchTerm}”: req/s`, '—', (r) => int(r.listSearch.rps)),
    row(
      `title search “${searchTerm}”: p50 / p99`,
      '—',
      (r) => `${ms1(r.listSearch.p50)} / ${ms1(r.listSearch.p99)}`,
    ),
    row(`title search “${searchTerm}”: **p95**`, '< 100 ms', (r) =>
      withVerdict(ms1(r.listSearch.p95), r.listSearch.p95 < targets.listP95Ms),
    ),
    row(`title search “${searchTerm}”: one request in-process, one at a time`, '—', (r) =>
      ms1(r.listSearch.inProcessMs),
    ),
    row(
      `交办会: bulk assignment of ${runs[0]?.bulk.size ?? bulkSize}, runs 1 / 2 / 3`,
      '—',
      (r) =>
        `${r.bulk.ms.map((m) => int(m)).join(' / ')} ms${r.bulk.verified ? '' : ' (**verification failed**)'}`,
    ),
    row(
      'statistics of the largest session: min / median',
      '—',
      (r) => `${ms0(r.statsSession.min)} / ${ms0(r.statsSession.median)}`,
    ),
    row('statistics of the largest session: **max**', '< 1 s', (r) =>
      withVerdict(ms0(r.statsSession.max), r.statsSession.max < targets.statsMs),
    ),
    row(
      `statistics of ${data?.statsYear ?? 'a year'}: min / median`,
      '—',
      (r) => `${ms0(r.statsYear.min)} / ${ms0(r.statsYear.median)}`,
    ),
    row(`statistics of ${data?.statsYear ?? 'a year'}: **max**`, '< 1 s', (r) =>
      withVerdict(ms0(r.statsYear.max), r.statsYear.max < targets.statsMs),
    ),
    '',
    `| data | ${runs.map(label).join(' | ')} |`,
    `|---|${runs.map(() => '--:|').join('')}`,
    `| generation (${int(o.proposals)} proposals, histories, audit trail) | ${cells((r) => `${r.generationSeconds.toFixed(1)} s`)} |`,
    `| of which proposals (text) / audit trail | ${cells((r) => `${(r.data.steps.proposals ?? 0).toFixed(1)} s / ${(Object.entries(r.data.steps).find(([k]) => k.startsWith('audit'))?.[1] ?? 0).toFixed(1)} s`)} |`,
    `| then ANALYZE (PGlite) / VACUUM ANALYZE (PostgreSQL) | ${cells((r) => `${r.analyzeSeconds.toFixed(1)} s`)} |`,
    `| database size (\`pg_database_size\`) | ${cells((r) => mib(r.dbBytes))} |`,
    `| PGlite data directory on disk | ${cells((r) => (r.dataDirBytes === null ? '—' : `${mib(r.dataDirBytes)}, of which write-ahead log ${mib(r.walBytes ?? 0)} (kept for reuse up to \`max_wal_size\`, 1 GB)`))} |`,
    '',
  ];
  if (data) {
    const rows = data.rows;
    lines.push(
      '**The data.** The demo committee (800 members of the 14th term, copied into a 13th term; 46 handler ' +
        `units), one login per member, unit clerk, unit leader and liaison (${int(rows.users ?? 0)} users), and ` +
        `${int(o.proposals)} proposals over eight sessions, ${data.sessions.map((s) => `${s.label} ${int(s.proposals)}`).join(', ')} ` +
        '(plus a few hundred drafts). Proposer kinds ~75 % individual, ~5 % joint (1–5 co-signers), ~20 % ' +
        'collective; five categories; 300–3,000 characters of 情况/分析/建议 from phrase banks (seeded PRNG). ' +
        'The older sessions are closed out (~85 % filed and numbered, every filed one assigned, answered, rated ' +
        'or closed); the latest is mid-handling: filed and waiting for the 交办会, assigned, handling, awaiting ' +
        'ratings, re-handled. Rows: ' +
        Object.entries(rows)
          .filter(([k]) => !['members', 'users'].includes(k))
          .map(([k, v]) => `${k} ${int(v)}`)
          .join(', ') +
        '. Written in chunks of 1,000 rows (`json_to_recordset`, one parameter per statement) inside ' +
        'transactions; the audit trail (one row per transition: drafted, submitted, each review stage, ' +
        'filed, assigned, received, reply drafted/signed/sent, co-signed, rated, re-handled, closed …) by ' +
        '`INSERT … SELECT` from those rows.',
      '',
      '**What is measured.**',
      `*Submission*: ${o.submitters} members, each signed in with their own session, each doing draft ` +
        `(\`POST /api/proposals\`, ~1,300 characters) → \`POST /api/proposals/:id/submit\` ${o.perSubmitter} times ` +
        `in a row, all at once (${int(o.submitters * o.perSubmitter)} timed submissions after one untimed pair ` +
        'each), from a separate process, into a session whose plenary window is open today. Lost check: every ' +
        'submission answered 200 (warm-up included) must be in the database as `submitted`, in that session, ' +
        'with the intake number the response showed, and no number twice.',
      `*Staff list*: \`GET /api/proposals?box=all&sessionId=<latest>&state=filed,assigned,handling&category=society&page=1&pageSize=20\` ` +
        `(${int(runs[0]?.listFilters.total ?? 0)} matching of the session's ${int(data.sessions.at(-1)?.proposals ?? 0)}) ` +
        `and \`GET /api/proposals?box=all&q=${searchTerm}&page=1&pageSize=20\` over all ${int(o.proposals)} ` +
        `(${int(runs[0]?.listSearch.total ?? 0)} matching), as proposal staff; autocannon with ${o.connections} ` +
        `connections, ${o.duration} s after a ${o.warmup} s warm-up, in a separate process.`,
      `*交办会*: \`POST /api/assignments/bulk\` with ${runs[0]?.bulk.size ?? bulkSize} filed, unassigned proposals of the latest ` +
        'session (two in three 独办, one in three 主办 + 会办), three times on fresh sets; afterwards the ' +
        'assignments, the `assigned` states and one audit row per proposal are checked in the database.',
      `*Statistics*: \`GET /api/proposal-stats?sessionId=\` of the largest session (${data.largestSession.label}, ` +
        `${int(runs[0]?.statsSession.received ?? 0)} received) and \`?year=${data.statsYear}\` ` +
        `(${int(runs[0]?.statsYear.received ?? 0)} received), ${statsRuns} sequential runs each after one ` +
        'warm-up. In-process split of one call: ' +
        runs
          .map((r) => `${r.engine}: session — ${r.statsSession.breakdown}; year — ${r.statsYear.breakdown}`)
          .join('; ') +
        '.',
      '',
    );
  }
  lines.push(...listQueries(runs), ...findings(runs, data, o.connections, loadBefore, loadAfter));
  lines.push(
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${int(os.totalmem() / 2 ** 30)} GiB, ` +
      `${os.type()} ${os.release()}, Node ${process.version}; PostgreSQL with fsync off (a throwaway cluster). ` +
      `Measured ${date}; load average before the run ${loadBefore.map((n) => n.toFixed(2)).join(' / ')}, ` +
      `after it ${loadAfter.map((n) => n.toFixed(2)).join(' / ')} (1/5/15 min; other work shares the machine). ` +
      'The server, the database and the load generator share the same cores; single runs on a shared machine: ' +
      'treat differences under about 20 % as noise.',
    '',
    'Regenerate with `npm run bench -- --only=proposals` (scripts/bench/proposals.ts).',
    endMarker,
  );
  return lines.join('\n');
}

/** The scan of `proposals` in a plan, in words: which access path, rows kept and rows filtered away. */
function scanOf(plan: string): string {
  const lines = plan.split('\n');
  const i = lines.findIndex((l) => / on proposals\b/.test(l) && /actual time/.test(l));
  if (i < 0) return 'no scan of proposals';
  const node =
    /(Seq Scan|Index Only Scan using \S+|Index Scan using \S+|Bitmap Heap Scan)/.exec(lines[i]!)?.[1] ??
    'scan';
  const rows = Number(/actual time=\S+ rows=(\d+)/.exec(lines[i]!)?.[1] ?? 0);
  const removed = lines
    .slice(i + 1, i + 6)
    .map((l) => Number(/Rows Removed by Filter: (\d+)/.exec(l)?.[1] ?? Number.NaN))
    .find((n) => !Number.isNaN(n));
  // A bitmap heap scan names its index on the line below (the Bitmap Index Scan).
  const bitmapIndex =
    node === 'Bitmap Heap Scan'
      ? /Bitmap Index Scan on (\S+)/.exec(lines.slice(i + 1).join('\n'))?.[1]
      : undefined;
  const sorted = /Sort Key:/.test(lines.slice(0, i).join('\n')) ? ', then sorted' : '';
  return (
    `${node}${bitmapIndex ? ` (${bitmapIndex})` : ''}: ${int(rows)} rows` +
    `${removed === undefined ? '' : `, ${int(removed)} read and filtered away`}${sorted}`
  );
}

/** Where one list request spends its time on PostgreSQL: every statement's EXPLAIN (ANALYZE), always. */
function listQueries(runs: EngineRun[]): string[] {
  const pgRun = runs.find((r) => r.engine === 'postgres');
  if (!pgRun?.listFilters.plans || !pgRun.listSearch.plans) return [];
  const describe = (name: string, run: ListRun) => {
    const [page, ...rest] = run.plans!.statements;
    const count = rest.find((st) => /^select count\(\*\) from "proposals"/.test(st.sql));
    return (
      `${name}: ${run.plans!.statements.length} statements, ${run.plans!.totalMs.toFixed(1)} ms in the database — ` +
      `the page ${page?.ms.toFixed(1)} ms (${scanOf(page?.plan ?? '')})` +
      (count
        ? `, the count ${count.ms.toFixed(1)} ms (${scanOf(count.plan)})`
        : ', no count (a short page)') +
      `; ${run.inProcessMs.toFixed(1)} ms per request in-process, one at a time`
    );
  };
  return [
    '**The list queries on PostgreSQL** (EXPLAIN (ANALYZE, BUFFERS) of every statement one request sends, ' +
      'captured from `listProposals`). ' +
      `${describe('Filtered list', pgRun.listFilters)}. ${describe(`Title search “${searchTerm}”`, pgRun.listSearch)}. ` +
      'The page and its total are separate statements (a window count made the page visit and sort every ' +
      'match), the page selects the listed columns only (not the 情况/分析/建议 texts), and a short first page ' +
      'is its own total. Indexes (server/src/modules/proposals/schema.ts): `proposals_committee_updated_idx` ' +
      '`(committee_id, updated_at desc nulls first, id desc nulls first)` — the lists’ order, so an unfiltered ' +
      'page stops after 20 rows (NULLS FIRST as in `ORDER BY … DESC`, or the planner cannot use it); ' +
      '`proposals_committee_session_state_idx` `(committee_id, session_id, state, category, created_by_user_id, ' +
      'updated_at, id)` — a session’s queue: the count, and the choice of the page’s 20 ids (chosen first, then ' +
      'only those rows are read), come from the index alone; `proposals_title_grams_idx`, a GIN index on ' +
      '`title_grams(title)` (every character and character pair of the lower-cased title, migration 0006): ' +
      'pg_trgm has no trigram for a two-character term such as “养老”, so `ILIKE` scanned every proposal; the ' +
      'grams narrow the rows and the `ILIKE` beside them decides, so the result is exactly the `ILIKE`’s. The ' +
      'full-text index (`search_documents`) answers a different question — words as jieba cuts them, without ' +
      'stop words and single characters — so the list’s `q` on it would drop titles the list finds today.',
    '',
  ];
}

/** What the numbers show when a target is missed: the slow part, and where to look. */
function findings(
  runs: EngineRun[],
  data: BenchProposalData | undefined,
  connections: number,
  loadBefore: number[],
  loadAfter: number[],
): string[] {
  const out: string[] = [];
  const cores = os.cpus().length;
  const busiest = Math.max(...loadBefore, ...loadAfter);
  // Other work on the machine (tests, other benches) competes for the same cores: say so beside every miss.
  const shared =
    busiest > cores
      ? ` The machine was shared during this run (load average up to ${busiest.toFixed(1)} on ${cores} cores, ` +
        'see below): every latency here includes waiting for other processes.'
      : '';
  const stuck = runs.find((r) => r.submission.deadlocks > 0);
  if (stuck) {
    out.push(
      `**Finding — concurrent submissions deadlock.** PostgreSQL detected ${int(stuck.submission.deadlocks)} ` +
        'deadlocks during the submission run; each aborted submit answers 409 (`VERSION_CONFLICT`, the error ' +
        `handler's mapping of 40P01): ${int(stuck.submission.acknowledged)} submissions went through. A submit ` +
        'sets `proposals.session_id` (the foreign key takes `FOR KEY SHARE` on the session row) and then numbers ' +
        'under a lock on the same row (`nextNumber`, server/src/modules/proposals/commands/submit-proposal.ts): ' +
        'that lock must not conflict with `KEY SHARE` — `FOR NO KEY UPDATE`, not `FOR UPDATE`.',
      '',
    );
  }
  const slowStats = runs.filter(
    (r) => r.statsSession.max >= targets.statsMs || r.statsYear.max >= targets.statsMs,
  );
  if (slowStats.length > 0) {
    out.push(
      '**Finding — statistics over 1 s.** One call in-process for ' +
        `${data?.largestSession.label ?? 'the largest session'}: ` +
        slowStats.map((r) => `${r.engine} — ${r.statsSession.breakdown}`).join('; ') +
        ' (`loadProposalFacts`: server/src/modules/stats/queries/proposal-facts.ts, its queries and the ' +
        `classification of every proposal; \`summarizeProposals\`: proposal-stats.ts, the sums).${shared}`,
      '',
    );
  }
  const pgRun = runs.find((r) => r.engine === 'postgres');
  for (const [name, run] of [
    ['staff list with filters', pgRun?.listFilters],
    [`title search “${searchTerm}”`, pgRun?.listSearch],
  ] as const) {
    if (!run || run.p95 < targets.listP95Ms || !run.plans) continue;
    const dbMs = run.plans.totalMs;
    out.push(
      `**Finding — ${name} on PostgreSQL over ${targets.listP95Ms} ms.** One request costs ` +
        `${run.inProcessMs.toFixed(1)} ms in-process one at a time, of which ${dbMs.toFixed(1)} ms in the ` +
        `database (above); the p95 under ${connections} connections is that work queueing on the two cores ` +
        'that Node, PostgreSQL and the load generator share' +
        (dbMs < run.inProcessMs / 2
          ? '; the queries are the smaller part, the rest is Node (the presenter’s lookups and their round trips, ' +
            'JSON) and, over HTTP, the session check and routing.'
          : '; most of it is the queries (plans: `npm run bench -- --only=proposals --explain`).') +
        shared,
      '',
    );
  }
  return out;
}
