import { performance } from 'node:perf_hooks';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ProposalState } from '@tongxin/common/proposals/enums.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { inIds } from '../../../platform/db/id-list.ts';
import { visibleProposals } from '../../proposals/proposals.policy.ts';
import { proposals } from '../../proposals/schema.ts';
import { searchDocuments } from '../schema.ts';
import { committeeSegmenter } from '../segmenters.ts';
import {
  type CorpusStats,
  corpusStats,
  estimatedDf,
  estimatedPairDf,
  idfOf,
  rowsOf,
} from './corpus-stats.ts';
import {
  type ComparedText,
  sequencesOf,
  similarity,
  type TermVector,
  vectorOf,
  WordIds,
} from './similarity.ts';
import { presentSimilar, type SimilarProposal } from './similar-view.ts';

export interface SimilarInput {
  title?: string;
  /** 情况 + 分析 + 建议, as one text. */
  body?: string;
  excludeProposalId?: string;
  /** Only proposals of this session (the 并案 candidates); every session when omitted. */
  sessionId?: string;
  /** How many to return, 5 unless told. */
  limit?: number;
  /** Internal: only proposals in these states (the unit suggestion wants handled ones). */
  states?: readonly ProposalState[];
  /** Internal: the lowest score returned (default `minScore`). */
  minScore?: number;
  /**
   * Internal: compare the words only, not the wording (the unit suggestion wants proposals on the same
   * matter, however written; everyone else also wants copies first).
   */
  wordsOnly?: boolean;
}

/** Below this a proposal shares words, not a topic: an unrelated proposal must not be offered. */
export const minScore = 0.18;
/** Words probed through the index, each alone: the input's heaviest (tf × idf). */
const maxProbes = 8;
/**
 * A word is probed alone only if at most 1% of the proposals (300–2,000) contain it: each probe visits its
 * matches, so the probes' cost stays bounded however common the input's words are. Common words are probed
 * in pairs (both must be present), whose matches are far fewer.
 */
const probeDfCap = (total: number) => Math.min(2000, Math.max(300, total * 0.01));
/** The pairs' estimated matches together, in `probeDfCap`s (8,000 rows at 200,000 proposals). */
const pairBudget = 4;
/** A title's probes' estimated matches together, in `probeDfCap`s (10,000 rows at 200,000 proposals). */
const titleBudget = 5;
/** Proposals by probe score kept before the visibility check, and reranked after it. */
const preCandidates = 400;
const rerankCandidates = 150;

export interface InputText {
  title: TermVector | null;
  all: TermVector;
  hasBody: boolean;
  /** Adjacent word pairs of title and body (`sequencesOf`). */
  pairs: Float64Array;
  /** Word → weight of the probe (title words count double). */
  probeWeights: Map<string, number>;
}

/** The input as vectors, with the committee's idf (`words`). */
export function inputText(words: WordIds, title: string | undefined, body: string | undefined): InputText {
  const cut = (text: string | undefined) =>
    text ? words.ids(words.seg.tokensForQuery(text).map((t) => t.word)) : [];
  const titleCut = cut(title);
  const bodyCut = cut(body);
  const titleWords = words.withParts(titleCut);
  const bodyWords = words.withParts(bodyCut);
  const all = vectorOf(words.counts([...titleWords, ...bodyWords]), words);
  const titleSet = new Set(titleWords);
  const probeWeights = new Map<string, number>();
  all.ids.forEach((id, i) => {
    const x = all.weights[i]!;
    probeWeights.set(words.word(id), titleSet.has(id) ? 2 * x : x);
  });
  return {
    title: titleWords.length ? vectorOf(words.counts(titleWords), words) : null,
    all,
    hasBody: bodyWords.length > 0,
    pairs: sequencesOf([...titleCut, ...bodyCut]),
    probeWeights,
  };
}

/** A proposal's words as compared (its title is segmented again: short, and not stored apart). */
export function comparedText(words: WordIds, title: string, tokens: string): ComparedText {
  const ids = words.ids(tokens.split(' '));
  const allCounts = words.counts(words.withParts(ids));
  let pairs: Float64Array | undefined;
  return {
    title: vectorOf(
      words.counts(words.withParts(words.ids(words.seg.tokensForQuery(title).map((t) => t.word)))),
      words,
    ),
    all: vectorOf(allCounts, words),
    allCounts,
    // Built when first compared: a title-only draft, the 并案 candidates and the unit suggestion compare
    // words only, and a long text's few thousand pairs would cost more than the rest of its comparison.
    get pairs() {
      pairs ??= sequencesOf(ids);
      return pairs;
    },
  };
}

function lexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The probes: tsquery texts with their weights. The heaviest words rare enough to probe alone, then pairs
 * of the heaviest common words (a paraphrase written only in common words is still found through them),
 * each pair matching few enough texts as counted together in the sample. Each probe's matches are rows
 * read, so the estimated matches are bounded: of all pairs together by `pairBudget` (a title has few rare
 * words and up to ten pairs: on the bench's 200,000 proposals, up to 24,000 rows for one title), and of a
 * title alone — asked for at every pause while a member types it — of all probes by `titleBudget`. A
 * body's single words are not bounded further: its rare words' parts (未成年 of 未成年人) are how a
 * re-worded copy is found (leaving them out cost 5 points of recall@5).
 */
function probesOf(input: InputText, stats: CorpusStats): { query: string; weight: number }[] {
  const ranked = [...input.probeWeights].sort((a, b) => b[1] - a[1]);
  const cap = probeDfCap(stats.total);
  const probes: { query: string; weight: number }[] = [];
  const common: [string, number][] = [];
  let rows = input.hasBody ? Number.POSITIVE_INFINITY : titleBudget * cap;
  for (const [w, x] of ranked) {
    const df = estimatedDf(stats, w);
    if (df <= cap) {
      if (probes.length < maxProbes && df <= rows) {
        probes.push({ query: lexeme(w), weight: x });
        rows -= df;
      }
    } else if (common.length < 5) common.push([w, x]);
  }
  let pairRows = pairBudget * cap;
  for (let i = 0; i < common.length; i++) {
    for (let j = i + 1; j < common.length; j++) {
      const [a, wa] = common[i]!;
      const [b, wb] = common[j]!;
      // The heaviest pairs first. A word and its own search-mode part (进一步 / 一步) always go together:
      // such a pair would match every text either matches. The words of one topic go together far more
      // often than their frequencies predict: the pair is counted in the sample, not multiplied.
      if (a.includes(b) || b.includes(a) || probes.length >= maxProbes + 2) continue;
      const df = estimatedPairDf(stats, a, b);
      if (df <= cap * 2 && df <= pairRows && df <= rows) {
        probes.push({ query: `${lexeme(a)} & ${lexeme(b)}`, weight: wa + wb });
        pairRows -= df;
        rows -= df;
      }
    }
  }
  return probes;
}

/**
 * The proposals most similar to a text being drafted or reviewed, among those the actor may see, in every
 * session: [{ id, title, state, session, proposer, score 0–1, replies }], best first, at least `minScore`.
 *
 * 1. Candidates through the full-text index: each probe word is one GIN lookup of the proposals' index
 *    rows, and a proposal's probe score is the sum of the weights of the probes it matches — computed
 *    from the posting lists alone, without reading any text. The top `preCandidates` go through
 *    `visibleProposals` (by id), the top `rerankCandidates` of those are reranked.
 * 2. Rerank: cosine of tf-idf vectors over the `tokens` of those (title against title, text against
 *    text; `similarity.ts`), in the app.
 *
 * So the cost grows with the probes' matches (bounded by `probeDfCap`), not with the corpus.
 */
export async function similarProposals(
  db: Db,
  actor: Actor,
  input: SimilarInput,
): Promise<SimilarProposal[]> {
  const ranked = await rankSimilar(db, actor, input);
  return presentSimilar(db, actor, ranked.slice(0, input.limit ?? 5));
}

/** The same, timed phase by phase (ms): the benchmark's view of where the time goes. */
export async function similarPhases(db: Db, actor: Actor, input: SimilarInput) {
  const phases: Record<string, number> = {};
  const ranked = await rankSimilar(db, actor, input, phases);
  const at = performance.now();
  await presentSimilar(db, actor, ranked.slice(0, input.limit ?? 5));
  phases.present = performance.now() - at;
  return phases;
}

/** Ids and scores only (what the 并案 candidates and the unit suggestion build on). */
export async function rankSimilar(
  db: Db,
  actor: Actor,
  input: SimilarInput,
  phases?: Record<string, number>,
): Promise<{ id: string; score: number }[]> {
  let at = performance.now();
  const lap = (name: string) => {
    if (!phases) return;
    const now = performance.now();
    phases[name] = now - at;
    at = now;
  };
  const [seg, stats] = await Promise.all([
    committeeSegmenter(db, actor.committeeId),
    corpusStats(db, actor.committeeId),
  ]);
  const words = new WordIds(seg, idfOf(stats));
  const read = inputText(words, input.title, input.body);
  const text = input.wordsOnly ? { ...read, pairs: undefined } : read;
  if (text.all.norm === 0) return [];
  const probes = probesOf(read, stats);
  if (probes.length === 0) return [];
  // Proposal rows are the ones with a title vector: `target_type = 'proposal'` here led the planner to AND
  // each probe with the unique index's 200,000 proposal entries; `title_tsv is not null` is also what
  // lets each probe read the index of the proposals' own words (`search_documents_proposal_words_idx`).
  const own = sql`sd.committee_id = ${actor.committeeId} and sd.title_tsv is not null${
    input.sessionId ? sql` and sd.session_id = ${input.sessionId}` : sql``
  }`;
  const branches = sql.join(
    probes.map(
      (p) =>
        sql`select sd.proposal_id, ${p.weight}::float8 as w from search_documents sd
          where ${own} and sd.tsv @@ ${p.query}::tsquery`,
    ),
    sql` union all `,
  );
  lap('prepare');
  // Serial, not parallel: the planner prices the ten probes together past `parallel_setup_cost` and
  // splits them over workers, which on the bench's 200,000 proposals (2 cores) made them 2–3× slower
  // (p95 210 → 80 ms serial): each probe is a few thousand rows, less than starting workers costs, and
  // on a server answering other requests the workers take the cores those need. `set local` ends with
  // this transaction.
  const hits = await db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return rowsOf<{ proposal_id: string; s: number }>(
      await tx.execute(sql`
        select proposal_id, sum(w) as s from (${branches}) h
        group by proposal_id order by s desc, proposal_id limit ${preCandidates}`),
    );
  });
  lap('probes');
  // The scope is checked on the hits' ids (read by primary key), not joined: a join would let the
  // planner scan every proposal to apply `visibleProposals` before matching the few hundred hits.
  const visible = hits.length
    ? await db
        .select({ id: proposals.id, title: proposals.title })
        .from(proposals)
        .where(
          and(
            inIds(
              proposals.id,
              hits.map((h) => h.proposal_id),
            ),
            visibleProposals(
              actor,
              hits.map((h) => h.proposal_id),
            ),
            input.excludeProposalId ? ne(proposals.id, input.excludeProposalId) : undefined,
            input.states?.length ? inArray(proposals.state, [...input.states]) : undefined,
          ),
        )
    : [];
  const titles = new Map(visible.map((v) => [v.id, v.title]));
  const top = hits.filter((h) => titles.has(h.proposal_id)).slice(0, rerankCandidates);
  lap('scope');
  const texts = top.length
    ? await db
        .select({ id: searchDocuments.proposalId, tokens: searchDocuments.tokens })
        .from(searchDocuments)
        .where(
          and(
            inIds(
              searchDocuments.proposalId,
              top.map((h) => h.proposal_id),
            ),
            eq(searchDocuments.targetType, 'proposal'),
          ),
        )
    : [];
  const tokens = new Map(texts.map((t) => [t.id, t.tokens]));
  const rows = top
    .filter((h) => tokens.has(h.proposal_id))
    .map((h) => ({
      id: h.proposal_id,
      title: titles.get(h.proposal_id)!,
      tokens: tokens.get(h.proposal_id)!,
    }));
  lap('texts');
  const floor = input.minScore ?? minScore;
  const scored: { id: string; score: number }[] = [];
  for (const r of rows) {
    const score = similarity(text, comparedText(words, r.title, r.tokens));
    if (score >= floor) scored.push({ id: r.id, score: Math.round(score * 10_000) / 10_000 });
  }
  scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  lap('rerank');
  return scored;
}
