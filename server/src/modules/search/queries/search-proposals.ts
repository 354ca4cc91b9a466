import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { inIds } from '../../../platform/db/id-list.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseSearchQuery, toLooseTsQuery, toTsQuery } from '../../../platform/text/query.ts';
import { presentProposals } from '../../proposals/proposals.presenter.ts';
import { proposalFilters } from '../../proposals/queries/list-proposals.ts';
import { proposals } from '../../proposals/schema.ts';
import { searchDocuments } from '../schema.ts';
import { readableSearchDocuments } from '../search.policy.ts';
import type { SearchQueryInput } from '../search.schemas.ts';
import { committeeSegmenter } from '../segmenters.ts';
import { type SearchLimits, searchCandidates, searchLimits } from './search-candidates.ts';
import { snippetsOf } from './snippets.ts';

/** A reply letter's match counts half as much as the proposal's own text. */
const replyWeight = 0.5;

/**
 * 全文检索 over the proposals the actor may see, in every session: title, 情况 / 分析 / 建议 and the
 * reply letters they may read. The scope is the proposal lists' own (`proposalFilters`, which starts
 * with `visibleProposals`), ANDed with the index rows the actor may match, so nothing outside it is
 * found, counted or ranked.
 *
 * Ranking, per proposal (its best row): 1 if every term is in the title (`title_tsv`), plus `ts_rank_cd` of the row
 * (cover density; title positions weigh 1.0, the rest 0.1; normalized to 0–1 by rank/(rank+1)); a reply
 * letter's rank counts half. Equal scores: the more recent submission first. Which matches are ranked at
 * all: `searchCandidates` (every one, unless a wide scope matches more than is worth ranking).
 */
export async function searchProposals(
  db: Db,
  actor: Actor,
  input: SearchQueryInput,
  limits: SearchLimits = searchLimits,
) {
  const seg = await committeeSegmenter(db, actor.committeeId);
  const parsed = parseSearchQuery(input.q, seg);
  const tsquery = toTsQuery(parsed);
  const loose = toLooseTsQuery(parsed);
  if (!tsquery || !loose) {
    throw new AppError('VALIDATION_FAILED', [
      {
        path: 'q',
        message: parsed.onlyStopWords
          ? '检索词只包含“建议”“提案”“关于”“的”等常用词，几乎每件提案都有，请换用更具体的词语'
          : '请输入要检索的汉字、字母或数字',
      },
    ]);
  }
  const candidates = await searchCandidates(
    db,
    actor,
    {
      parsed,
      exact: tsquery,
      loose,
      sessionId: input.sessionId,
    },
    limits,
  );
  const scored = await rankInScope(db, actor, input, candidates.proposalIds, tsquery);
  // Equal scores: the more recent submission first, then the id (a stable order across pages).
  const matched = scored.sort(
    (a, b) => b.score - a.score || b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  const ranked = matched.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const rankedIds = ranked.map((r) => r.id);
  const rows = rankedIds.length
    ? await db.select().from(proposals).where(inIds(proposals.id, rankedIds))
    : [];
  const ordered = rankedIds.map((id) => rows.find((r) => r.id === id)!);
  // Presenting reads the database and highlighting is the app's own work: side by side.
  const [views, snippets] = await Promise.all([
    presentProposals(db, actor, ordered),
    snippetsOf(db, actor, ordered, parsed, seg),
  ]);
  return {
    items: views.map((v, i) => ({
      ...v,
      score: Math.round(Number(ranked[i]!.score) * 10_000) / 10_000,
      titleHtml: snippets.get(v.id)!.titleHtml,
      snippets: snippets.get(v.id)!.snippets,
    })),
    total: matched.length,
    /** True when the query matched too much to rank everything: `total` counts the ranked selection. */
    broad: candidates.broad,
    page: input.page,
    pageSize: input.pageSize,
    terms: parsed.terms.map((t) => t.text),
  };
}

/**
 * The candidates the actor may see, that pass the filters and that the exact query matches, each with its
 * score (its best index row: the proposal's own text or a reply letter the actor may read) and its recency
 * (seconds, for equal scores). The scope is the proposal lists' own (`proposalFilters`, which starts with
 * `visibleProposals`), checked on `proposals` by primary key beside the index rows, in one statement.
 */
async function rankInScope(
  db: Db,
  actor: Actor,
  input: SearchQueryInput,
  candidateIds: string[],
  tsquery: string,
): Promise<{ id: string; score: number; at: number }[]> {
  if (candidateIds.length === 0) return [];
  const q = sql`${tsquery}::tsquery`;
  const score = sql<number>`max(
    case when ${searchDocuments.targetType} = 'proposal' then 1 else ${sql.raw(String(replyWeight))} end
      * ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', ${searchDocuments.tsv}, ${q}, 32)
    + case when ${searchDocuments.titleTsv} @@ ${q} then 1 else 0 end)`;
  const rows = await db
    .select({
      id: searchDocuments.proposalId,
      score,
      at: sql<number>`max(extract(epoch from coalesce(${proposals.submittedAt}, ${proposals.createdAt})))::float8`,
    })
    .from(searchDocuments)
    .innerJoin(proposals, eq(proposals.id, searchDocuments.proposalId))
    .where(
      and(
        inIds(searchDocuments.proposalId, candidateIds),
        // Said of both tables, so the planner reads each by its index instead of scanning proposals.
        inIds(proposals.id, candidateIds),
        readableSearchDocuments(actor),
        // The candidates' own rows are few: checked one by one (`coalesce` keeps the planner from
        // intersecting them with every match of a common word in the words index first).
        sql`coalesce(${searchDocuments.tsv} @@ ${q}, false)`,
        proposalFilters(
          actor,
          {
            sessionId: input.sessionId,
            state: input.state,
            category: input.category,
            proposerKind: input.proposerKind,
            handlerUnitId: input.handlerUnitId,
          },
          candidateIds,
        ),
      ),
    )
    .groupBy(searchDocuments.proposalId);
  return rows.map((r) => ({ id: r.id, score: Number(r.score), at: Number(r.at) }));
}
