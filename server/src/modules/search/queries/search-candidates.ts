import { and, desc, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import { type Actor, scopeIds } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import type { SearchQuery } from '../../../platform/text/query.ts';
import {
  filedStates,
  ownProposalIds,
  ownProposals,
  readsAllSubmitted,
  readsFiledRecord,
} from '../../proposals/proposals.policy.ts';
import { proposals } from '../../proposals/schema.ts';
import { recordStatesSql, searchDocuments } from '../schema.ts';
import { narrowScopeDocuments, readableSearchDocuments } from '../search.policy.ts';
import { rowsOf } from './corpus-stats.ts';
import { estimateMatches, unitsShare } from './lexeme-shares.ts';
import { recordSince } from './record-depths.ts';

export interface SearchLimits {
  /** Up to this many matching texts (loose query), every match is ranked (and counted exactly). */
  rankAllUpTo: number;
  /** A broad query ranks this many of the latest title matches and this many of the latest text matches. */
  broadPoolSize: number;
}

/**
 * Measured on 200,000 proposals (docs/benchmarks.md): ranking costs 15–50 µs a text (read out of TOAST, more
 * for a query of several words and phrases), so ranking 1,500 stays within ~75 ms.
 */
export const searchLimits: SearchLimits = { rankAllUpTo: 1_500, broadPoolSize: 200 };
/**
 * From this share of the index on, a broad query's latest matches are read in date order from the date
 * index, each row checked, instead of collecting every match from the GIN index and sorting. The planner
 * would switch much earlier: it does not price reading a long text's vector out of TOAST (~10 µs a row).
 */
const readInDateOrderFrom = 0.08;
/** The statistics' estimate of matching rows past which a query is broad without a probe (× rankAllUpTo). */
const skipProbeFactor = 4;
/**
 * A broad query's latest matches are first looked for among the filed record's newest rows: as many as
 * should hold this many times the pool, by the statistics' share. The matches' bitmap is then intersected
 * with the date index's, and only those rows are read — measured on 200,000 proposals, 养老's 13,000 text
 * matches: 9,500 pages read, 26 ms → 180 pages, 3.6 ms. Too few there: read again without the bound.
 */
const newestRowsMargin = 2;

/**
 * Which proposals a search ranks: these ids (still to be checked against the scope); `broad` when they
 * are a selection from more matches than are worth ranking.
 */
export interface Candidates {
  proposalIds: string[];
  broad: boolean;
}

interface CandidateQuery {
  parsed: SearchQuery;
  exact: string;
  loose: string;
  sessionId?: string;
}

/**
 * Ranking reads each matching text's vector out of TOAST, so ranking the 100,000 matches of a common word
 * takes seconds. So:
 *  - a probe with the loose query (no positions, so the GIN index alone decides, without reading rows'
 *    texts) takes at most `rankAllUpTo` + 1 matches: if that is all of them, exactly those are ranked;
 *  - otherwise the query is broad, and the candidates are the latest `broadPoolSize` proposals whose title
 *    matches — title vectors are small and kept inline — plus the latest `broadPoolSize` whose text
 *    matches, among those the actor reads. The result says it is a selection (`broad`): no count of
 *    matches outside the actor's scope is shown or hinted.
 * "Among those the actor reads" depends on how wide that is. A reader of the filed record reads most of
 * the index: the probe runs over the whole index (the ranking checks the scope), and the broad selection
 * takes what they read by role (the filed record, or everything submitted) plus their own proposals. A
 * narrow reader — a handler unit, with its few thousand proposals over the years — has every step
 * restricted to their own scope (`narrowScopeDocuments`), so a common word among another unit's proposals
 * neither fills their probe nor pushes their matches out of the selection.
 * Either way, a broad query's latest matches are first sought among the newest rows (`newestMatches`).
 */
export async function searchCandidates(
  db: Db,
  actor: Actor,
  query: CandidateQuery,
  limits: SearchLimits = searchLimits,
): Promise<Candidates> {
  const rows = and(
    readableSearchDocuments(actor),
    query.sessionId ? eq(searchDocuments.sessionId, query.sessionId) : undefined,
  ) as SQL;
  return readsFiledRecord(actor)
    ? wideCandidates(db, actor, query, rows, limits)
    : narrowCandidates(db, actor, query, rows, limits);
}

async function wideCandidates(
  db: Db,
  actor: Actor,
  query: CandidateQuery,
  rows: SQL,
  { rankAllUpTo, broadPoolSize }: SearchLimits,
): Promise<Candidates> {
  const looseMatch = textMatchOf(query);
  const estimate = await estimateMatches(db, query.parsed);
  // The probe's bitmap holds every match before the limit applies (~40 ms for 100,000): skipped when the
  // statistics already say the query is far past the limit.
  if (!estimate || estimate.rows < skipProbeFactor * rankAllUpTo) {
    const probe = await db
      .select({ id: searchDocuments.proposalId })
      .from(searchDocuments)
      .where(and(rows, looseMatch))
      .limit(rankAllUpTo + 1);
    if (probe.length <= rankAllUpTo) return { proposalIds: unique(probe.map((r) => r.id)), broad: false };
  }

  // Among what the actor reads by role; their own proposals (drafts included) come on their own below.
  const byRole = readsAllSubmitted(actor)
    ? sql`${searchDocuments.proposalState} not in ('draft', 'cosigning')`
    : sql.raw(`${searchDocuments.proposalState.name} in (${recordStatesSql})`);
  // A very common query: walk the date index newest first, checking each row — `coalesce(…)` is an
  // expression the GIN index cannot serve, so the planner cannot fall back to collecting every match. A
  // rarer one: collect the matches from the GIN index and sort them — `+ interval '0'` is an order the
  // date index cannot serve.
  const inDateOrder = estimate !== null && estimate.share >= readInDateOrderFrom;
  const textMatch = inDateOrder ? sql`coalesce(${looseMatch}, false)` : looseMatch;
  const latest = inDateOrder
    ? sql`${searchDocuments.proposalCreatedAt} desc nulls last`
    : desc(sql`${searchDocuments.proposalCreatedAt} + interval '0'`);
  // The actor's own proposals outside what they read by role (a member's drafts and proposals under
  // review, a reviewer's drafts): few, found from their own indexes; the ranking checks the text.
  const ownQuery = db
    .select({ id: proposals.id })
    .from(proposals)
    .where(
      and(
        eq(proposals.committeeId, actor.committeeId),
        readsAllSubmitted(actor)
          ? and(inArray(proposals.state, ['draft', 'cosigning']), ownProposals(actor))
          : and(notInArray(proposals.state, filedStates), sql`${proposals.id} in (${ownProposalIds(actor)})`),
      ),
    )
    .limit(broadPoolSize);
  // Independent reads: on a PostgreSQL pool they run side by side.
  // The bound by date needs the record's newest rows to stand for the actor's: not within one session.
  const bounded = (share: number | null | undefined) => (query.sessionId ? null : share);
  const [titles, texts, own] = await Promise.all([
    newestMatches(
      db,
      actor,
      and(rows, byRole, titleMatch(query)) as SQL,
      desc(searchDocuments.proposalCreatedAt),
      broadPoolSize,
      bounded(estimate?.titleShare),
    ),
    inDateOrder
      ? latestMatches(db, and(rows, byRole, textMatch) as SQL, latest, broadPoolSize)
      : newestMatches(
          db,
          actor,
          and(rows, byRole, textMatch) as SQL,
          latest,
          broadPoolSize,
          bounded(estimate?.share),
        ),
    ownQuery,
  ]);
  return { proposalIds: unique([...titles, ...texts, ...own.map((r) => r.id)]), broad: true };
}

/**
 * A narrow reader's candidates: the probe and the broad selection within their scope — the index rows of
 * their units' proposals (the units copied onto each row, read from one GIN index with the words) and of their
 * own few proposals. Their scope is a small part of the index, so the latest matches are collected and
 * sorted (a walk of the date index would pass mostly other units' rows) — unless the statistics say the
 * query is broad past doubt in their scope (the word's share of the index × their units' share, assumed
 * independent, at least `skipProbeFactor` × `rankAllUpTo`: a word in a fifth of all texts, for a unit with
 * 8 % of them), when only the newest rows are read first.
 */
async function narrowCandidates(
  db: Db,
  actor: Actor,
  query: CandidateQuery,
  rows: SQL,
  { rankAllUpTo, broadPoolSize }: SearchLimits,
): Promise<Candidates> {
  const own = rowsOf<{ id: string }>(
    await db.execute(sql`select s.id from (${ownProposalIds(actor)}) s(id)`),
  ).map((r) => r.id);
  const scope = narrowScopeDocuments(actor, own);
  if (!scope) return { proposalIds: [], broad: false };
  const inScope = and(rows, scope) as SQL;
  const latest = desc(sql`${searchDocuments.proposalCreatedAt} + interval '0'`);
  // A word common in the whole index and a unit with a large share of it: broad past doubt, so the
  // latest matches are sought among the newest rows (`newestMatches`) instead of collecting all of them.
  const [estimate, scopeShare] = await Promise.all([
    estimateMatches(db, query.parsed),
    unitsShare(db, scopeIds(actor, 'handler_clerk', 'handler_leader')),
  ]);
  if (
    estimate &&
    scopeShare &&
    !query.sessionId &&
    estimate.share * scopeShare * estimate.indexRows >= skipProbeFactor * rankAllUpTo
  ) {
    const [titles, texts] = await Promise.all([
      newestMatches(
        db,
        actor,
        and(inScope, titleMatch(query)) as SQL,
        latest,
        broadPoolSize,
        estimate.titleShare === null ? null : estimate.titleShare * scopeShare,
      ),
      newestMatches(
        db,
        actor,
        and(inScope, textMatchOf(query)) as SQL,
        latest,
        broadPoolSize,
        estimate.share * scopeShare,
      ),
    ]);
    return { proposalIds: unique([...titles, ...texts]), broad: true };
  }
  // One read gives both answers: up to `rankAllUpTo` matches are all ranked; past that, the first
  // `broadPoolSize` of them are the latest text matches (a probe and a second read would each collect
  // the same matches from the index).
  const texts = await latestMatches(db, and(inScope, textMatchOf(query)) as SQL, latest, rankAllUpTo + 1);
  if (texts.length <= rankAllUpTo) return { proposalIds: unique(texts), broad: false };
  const titles = await latestMatches(db, and(inScope, titleMatch(query)) as SQL, latest, broadPoolSize);
  return { proposalIds: unique([...titles, ...texts.slice(0, broadPoolSize)]), broad: true };
}

/** The loose query on the whole text: no positions, so the GIN index alone decides. */
const textMatchOf = (query: CandidateQuery) => sql`${searchDocuments.tsv} @@ ${query.loose}::tsquery`;
const titleMatch = (query: CandidateQuery) => sql`${searchDocuments.titleTsv} @@ ${query.exact}::tsquery`;

async function latestMatches(db: Db, where: SQL, order: SQL, limit: number): Promise<string[]> {
  const found = await db
    .select({ id: searchDocuments.proposalId })
    .from(searchDocuments)
    .where(where)
    .orderBy(order)
    .limit(limit);
  return found.map((r) => r.id);
}

/**
 * The latest `limit` matches, looked for first among the filed record's newest rows (`newestRowsMargin`),
 * given the estimated share of matches: all of them when that bound holds at least `limit`, so the answer
 * is the same as without it.
 */
async function newestMatches(
  db: Db,
  actor: Actor,
  where: SQL,
  order: SQL,
  limit: number,
  share: number | null | undefined,
): Promise<string[]> {
  const depth = share ? Math.ceil((limit * newestRowsMargin) / share) : Number.POSITIVE_INFINITY;
  const since = await recordSince(db, actor.committeeId, depth);
  if (since) {
    const bound = sql`${searchDocuments.proposalCreatedAt} >= ${since}::timestamptz`;
    const found = await latestMatches(db, and(where, bound) as SQL, order, limit);
    if (found.length >= limit) return found;
  }
  return latestMatches(db, where, order, limit);
}

const unique = (ids: string[]) => [...new Set(ids)];
