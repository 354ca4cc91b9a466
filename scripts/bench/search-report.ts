/** The search section of docs/benchmarks.md (`<!-- bench:search:start -->` … `:end -->`). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The search bench's realistic queries: two-character words, terms of the government vocabulary, phrases, several words. */
export const searchQueries = [
  '养老',
  '停车',
  '托育',
  '电梯',
  '营商环境',
  '医养结合',
  '家庭医生',
  '"老旧小区改造"',
  '垃圾分类 厨余垃圾',
  '"12345政务服务便民热线"',
  '充电桩 物业配合',
  '非遗传承人',
  '高标准农田 后期管护',
  '"专项规划"',
  '心理健康 家校协同',
  '数据孤岛',
];

export const startMarker = '<!-- bench:search:start -->';
export const endMarker = '<!-- bench:search:end -->';

export interface Timing {
  p50: number;
  p95: number;
  max: number;
  n: number;
  /** Each trial's figures, when timed over several (`p50` / `p95` are then their medians). */
  trials?: { p50: number; p95: number }[];
}

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
export const timing = (xs: number[]): Timing => ({
  p50: percentile(xs, 50),
  p95: percentile(xs, 95),
  max: Math.max(...xs),
  n: xs.length,
});

/** One timing over trials: the median of the trials' p50 and of their p95, with each trial's figures. */
export function overTrials(trials: number[][]): Timing {
  const each = trials.map(timing);
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  return {
    p50: median(each.map((t) => t.p50)),
    p95: median(each.map((t) => t.p95)),
    max: Math.max(...each.map((t) => t.max)),
    n: each.reduce((n, t) => n + t.n, 0),
    trials: each.map((t) => ({ p50: t.p50, p95: t.p95 })),
  };
}

export interface SearchRun {
  engine: 'pglite' | 'postgres';
  version: string;
  proposals: number;
  letters: number;
  seedSeconds: number;
  loadSeconds: number;
  index: { seconds: number; batch: Timing };
  search: {
    member: Timing;
    staff: Timing;
    hits: [number, number][];
    /** Per query and actor: ranked as a selection (a broad query), so `hits` counts the selection. */
    broad?: [boolean, boolean][];
    perQuery: number[];
    /** As a handler unit's clerk: the unit with the most proposals and the median unit. */
    units?: { proposals: number; t: Timing; broad: number }[];
  };
  similar: { title: Timing; body: Timing };
  recall: Record<string, { found: number; n: number }>;
  memory: { rss: number; heap: number };
  sizes: Record<string, number>;
  loadAverage: number[];
  /** The day it was measured (YYYY-MM-DD): a saved run of the other engine may be older. */
  date?: string;
}

const ms = (n: number) => n.toFixed(1);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (n: number) => `${int(n / 2 ** 20)} MB`;
const pct = (c?: { found: number; n: number }) =>
  c && c.n > 0 ? `${((100 * c.found) / c.n).toFixed(1)} % (${c.found}/${c.n})` : '—';
const mark = (value: number, target: number) => (value < target ? '' : ' ⚠');

/** "p50 / p95", the target mark, and the trials' range of p95 when timed over several. */
function t(x: Timing, target?: number) {
  const p95s = (x.trials ?? []).map((r) => r.p95);
  const range = p95s.length > 1 ? ` [${ms(Math.min(...p95s))}–${ms(Math.max(...p95s))}]` : '';
  return `${ms(x.p50)} / ${ms(x.p95)}${target ? mark(x.p95, target) : ''}${range}`;
}

function unitCell(u?: { proposals: number; t: Timing; broad: number }) {
  return u ? `${t(u.t, 100)} (${int(u.proposals)}; ${u.broad} of ${searchQueries.length})` : '—';
}

/** "2026-11-22", or per engine when a saved run of one engine was measured on another day. */
function measuredOn(runs: SearchRun[], date: string) {
  const dates = new Set(runs.map((r) => r.date ?? date));
  return dates.size <= 1 ? date : runs.map((r) => `${r.engine} ${r.date ?? date}`).join(', ');
}

export function renderSearchSection(
  runs: SearchRun[],
  o: {
    searchProposals: number;
    searchRuns: number;
    searchSamples: number;
    searchTrials: number;
    searchRecall: number;
  },
  date: string,
  loadBefore: number[],
): { section: string; start: string; end: string } {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const pglite = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  const label = (r: SearchRun) =>
    r.engine === 'pglite'
      ? `PGlite ${pglite.version} (in process)`
      : `PostgreSQL ${r.version.split(' ')[0]} (loopback, fsync off)`;
  const cols = runs.map(label);
  const row = (name: string, f: (r: SearchRun) => string) => `| ${name} | ${runs.map(f).join(' | ')} |`;
  const cpus = os.cpus();
  const lines = [
    startMarker,
    '## Search and similar proposals',
    '',
    `${runs.map((r) => `${int(r.proposals)} (${r.engine})`).join(', ')} proposals of the shared corpus (\`server/src/modules/demo/corpus/\`) over the demo ` +
      "committee's six sessions: five past sessions filed and answered (one sent reply letter each; same-session " +
      'near-duplicates merged), the current one submitted. 300–3,000 characters of 情况/分析/建议 from 62 topics ' +
      'of the five spheres; 10 % are near-duplicates of another proposal (re-worded, condensed or partial copies, ' +
      'across and within sessions) and 5 % hard negatives (another topic whose title names the same topic word). ' +
      'Everything runs in this process against the engine; times are per call of the query function, in ms, ' +
      `p50 / p95. Every timing was taken in ${o.searchTrials} trials (interleaved: each kind once, then again): ` +
      'the figures are the medians of the trials’ p50 and p95, in brackets the lowest and highest trial p95. ' +
      'Targets on PostgreSQL: search p95 < 100 ms, similar p95 < 150 ms (⚠ = missed).',
    '',
    `| | ${cols.join(' | ')} |`,
    `|---|${runs.map(() => '--:').join('|')}|`,
    row(
      'proposals / reply letters / index rows',
      (r) => `${int(r.proposals)} / ${int(r.letters)} / ${int(r.sizes.rows ?? 0)}`,
    ),
    row('bulk load (corpus generation included)', (r) => `${r.loadSeconds.toFixed(1)} s`),
    row(
      'index build (`reindexBatch`, 1,000 per batch)',
      (r) => `${r.index.seconds.toFixed(1)} s = ${int(r.proposals / r.index.seconds)} proposals/s`,
    ),
    row('index batch p50 / p95', (r) => t(r.index.batch)),
    row(`search as a member (${searchQueries.length} queries × ${o.searchRuns})`, (r) =>
      t(r.search.member, 100),
    ),
    row('search as proposal staff', (r) => t(r.search.staff, 100)),
    row('search as a handler unit: the busiest (its proposals; broad queries)', (r) =>
      unitCell(r.search.units?.[0]),
    ),
    row('search as a handler unit: the median one', (r) => unitCell(r.search.units?.[1])),
    row(`similar: title (${o.searchSamples} drafts, as a member)`, (r) => t(r.similar.title, 150)),
    row('similar: 2,000-character body', (r) => t(r.similar.body, 150)),
    row('**recall@5** near-duplicates, title + text', (r) => pct(r.recall.all)),
    row('recall@5, title only', (r) => pct(r.recall['title only'])),
    row('recall@5 re-worded / condensed / partial', (r) =>
      ['reworded', 'condensed', 'partial'].map((k) => pct(r.recall[k]).split(' ')[0]).join(' / '),
    ),
    row('recall@5 twin in an earlier / the same session', (r) =>
      ['earlier session', 'same session'].map((k) => pct(r.recall[k]).split(' ')[0]).join(' / '),
    ),
    row('hard negatives in the top 5', (r) => pct(r.recall['hard negatives in top 5'])),
    row('peak RSS / heap of the process', (r) => `${mb(r.memory.rss)} / ${mb(r.memory.heap)}`),
    row('database size', (r) => mb(r.sizes.database ?? 0)),
    row('proposals table (with indexes, TOAST)', (r) => mb(r.sizes.proposals ?? 0)),
    row('search_documents (with indexes, TOAST)', (r) => mb(r.sizes.documents ?? 0)),
    row(
      'GIN units + words / proposals’ words / title trigram index',
      (r) =>
        `${mb(r.sizes.tsv_idx ?? 0)} / ${r.sizes.proposal_words_idx === undefined ? '—' : mb(r.sizes.proposal_words_idx)} / ${mb(r.sizes.title_trgm_idx ?? 0)}`,
    ),
    '',
    'Per query: matches as a member / as staff, and the median time as staff (ms). A count marked * is a broad ' +
      'query’s ranked selection (the latest title and text matches within the reader’s scope, plus their own; ' +
      '`server/src/modules/search/queries/search-candidates.ts`), not all its matches:',
    '',
    `| query | ${cols.join(' | ')} |`,
    `|---|${runs.map(() => '--:').join('|')}|`,
    ...searchQueries.map((q, k) =>
      row(`\`${q}\``, (r) => {
        const [m, st] = r.search.broad?.[k] ?? [false, false];
        return `${int(r.search.hits[k]![0])}${m ? '*' : ''} / ${int(r.search.hits[k]![1])}${st ? '*' : ''} — ${ms(r.search.perQuery[k]!)}`;
      }),
    ),
    '',
    'Recall: for every sampled near-duplicate, `similarProposals` (as staff, limit 5, the proposal itself ' +
      'excluded) with its title and text — is its twin among the five? Hard negatives: for the proposal a hard ' +
      'negative imitates, is the hard negative among its five?',
    '',
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${int(os.totalmem() / 2 ** 30)} GiB, ` +
      `Node ${process.version}. Measured ${measuredOn(runs, date)}; load average before ${loadBefore.map((n) => n.toFixed(2)).join(' / ')}, ` +
      `after each engine ${runs.map((r) => `${r.engine} ${r.loadAverage.map((n) => n.toFixed(2)).join(' / ')}`).join(', ')} ` +
      '(1/5/15 min; other engineers ran tests on the same 2 cores).',
    '',
    `Regenerate with \`npm run bench -- --only=search\` (\`--search-proposals=${o.searchProposals}\`, ` +
      '`--search-pglite-proposals`, ' +
      '`--search-runs`, `--search-samples`, `--search-trials`, `--search-recall`; scripts/bench/search.ts).',
    endMarker,
  ];
  return { section: lines.join('\n'), start: startMarker, end: endMarker };
}
