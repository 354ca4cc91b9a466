import { and, countDistinct, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { parseSearchQuery, toTsQuery } from '../../../platform/text/query.ts';
import { presentProposals } from '../../proposals/proposals.presenter.ts';
import { proposalFilters } from '../../proposals/queries/list-proposals.ts';
import { proposals } from '../../proposals/schema.ts';
import { searchDocuments } from '../schema.ts';
import { readableSearchDocuments } from '../search.policy.ts';
import type { SearchQueryInput } from '../search.schemas.ts';
import { committeeSegmenter } from '../segmenters.ts';
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
 * letter's rank counts half. Equal scores: the more recent submission first.
 */
export async function searchProposals(db: Db, actor: Actor, input: SearchQueryInput) {
  const seg = await committeeSegmenter(db, actor.committeeId);
  const parsed = parseSearchQuery(input.q, seg);
  const tsquery = toTsQuery(parsed);
  if (!tsquery) {
    throw new AppError('VALIDATION_FAILED', [
      {
        path: 'q',
        message: parsed.onlyStopWords
          ? '检索词只包含“建议”“提案”“关于”“的”等常用词，几乎每件提案都有，请换用更具体的词语'
          : '请输入要检索的汉字、字母或数字',
      },
    ]);
  }
  const q = sql`${tsquery}::tsquery`;
  const where = and(
    sql`${searchDocuments.tsv} @@ ${q}`,
    readableSearchDocuments(actor),
    proposalFilters(actor, {
      sessionId: input.sessionId,
      state: input.state,
      category: input.category,
      proposerKind: input.proposerKind,
      handlerUnitId: input.handlerUnitId,
    }),
  ) as SQL;
  const score = sql<number>`max(
    case when ${searchDocuments.targetType} = 'proposal' then 1 else ${sql.raw(String(replyWeight))} end
      * ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', ${searchDocuments.tsv}, ${q}, 32)
    + case when ${searchDocuments.titleTsv} @@ ${q} then 1 else 0 end)`;
  const recency = sql`coalesce(${proposals.submittedAt}, ${proposals.createdAt})`;
  // The total comes with the page (a window over the grouped rows): one pass over the matches, not two.
  const ranked = await db
    .select({ id: proposals.id, score, total: sql<number>`count(*) over ()` })
    .from(searchDocuments)
    .innerJoin(proposals, eq(proposals.id, searchDocuments.proposalId))
    .where(where)
    .groupBy(proposals.id)
    .orderBy(desc(score), desc(recency), desc(proposals.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const total = ranked[0]?.total ?? (input.page > 1 ? await countMatches(db, where) : 0);
  const ids = ranked.map((r) => r.id);
  const rows = ids.length ? await db.select().from(proposals).where(inArray(proposals.id, ids)) : [];
  const ordered = ids.map((id) => rows.find((r) => r.id === id)!);
  const views = await presentProposals(db, actor, ordered);
  const snippets = await snippetsOf(db, actor, ordered, parsed, seg);
  return {
    items: views.map((v, i) => ({
      ...v,
      score: Math.round(Number(ranked[i]!.score) * 10_000) / 10_000,
      titleHtml: snippets.get(v.id)!.titleHtml,
      snippets: snippets.get(v.id)!.snippets,
    })),
    total: Number(total),
    page: input.page,
    pageSize: input.pageSize,
    terms: parsed.terms.map((t) => t.text),
  };
}

/** Proposals matching, for a page past the last one (which has no row to carry the window's total). */
async function countMatches(db: Db, where: SQL): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(searchDocuments.proposalId) })
    .from(searchDocuments)
    .innerJoin(proposals, eq(proposals.id, searchDocuments.proposalId))
    .where(where);
  return row?.n ?? 0;
}
