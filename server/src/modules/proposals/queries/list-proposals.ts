import { and, count, desc, eq, getTableColumns, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ProposalListQuery } from '@tongxin/common/proposals/schemas.ts';
import { type Actor, scopeIds } from '../../../platform/authz/actor.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { likePattern } from '../../org/queries/visible-org-records.ts';
import { presentProposals } from '../proposals.presenter.ts';
import { memberIdsOf, visibleProposals } from '../proposals.policy.ts';
import { assignments, proposalSigners, proposals } from '../schema.ts';

/** The filters of every proposal list (inboxes, staff queues, exports), inside the visibility scope. */
export function proposalFilters(actor: Actor, q: Partial<ProposalListQuery>, among?: readonly string[]): SQL {
  const mine = memberIdsOf(actor);
  const box: SQL | undefined = (() => {
    switch (q.box) {
      case 'mine':
        return or(
          eq(proposals.createdByUserId, actor.userId),
          mine.length ? inArray(proposals.leadMemberId, mine) : undefined,
          scopeIds(actor, 'unit_liaison').length
            ? inArray(proposals.leadUnitId, scopeIds(actor, 'unit_liaison'))
            : undefined,
        );
      case 'cosign':
        return mine.length
          ? sql`${proposals.id} in (select proposal_id from ${proposalSigners} where role = 'cosigner' and member_id in ${mine})`
          : sql`false`;
      case 'review':
        return inArray(proposals.state, ['submitted', 'under_review']);
      case 'unit': {
        const units = scopeIds(actor, 'handler_clerk', 'handler_leader');
        return units.length
          ? sql`${proposals.id} in (select proposal_id from ${assignments} where handler_unit_id in ${units} and state <> 'reassigned')`
          : sql`false`;
      }
      default:
        return undefined;
    }
  })();
  const text = q.q?.trim();
  return and(
    visibleProposals(actor, among),
    box,
    q.sessionId ? eq(proposals.sessionId, q.sessionId) : undefined,
    q.state?.length ? inArray(proposals.state, q.state) : undefined,
    q.category ? eq(proposals.category, q.category) : undefined,
    q.proposerKind ? eq(proposals.proposerKind, q.proposerKind) : undefined,
    q.timing ? eq(proposals.timing, q.timing) : undefined,
    q.isKey ? eq(proposals.isKey, q.isKey === 'true') : undefined,
    q.handlerUnitId
      ? sql`${proposals.id} in (select proposal_id from ${assignments} where handler_unit_id = ${q.handlerUnitId} and state <> 'reassigned')`
      : undefined,
    text ? titleContains(text) : undefined,
    q.overdue
      ? sql`${proposals.id} in (select proposal_id from ${assignments} where state not in ('sent', 'opinion_sent', 'reassigned')
          and coalesce(extended_due_on, due_on) < ${shanghaiDate(new Date())})`
      : undefined,
  ) as SQL;
}

/** One or two Chinese characters: the term is itself one gram, and has no upper or lower case. */
const oneGramTerm = /^\p{Script=Han}{1,2}$/u;

/**
 * `title ILIKE '%term%'`, found through the title's character grams (`proposals_title_grams_idx`, migration
 * 0006): pg_trgm has no trigram for a term of one or two characters and would scan every proposal. The grams
 * narrow the rows and the ILIKE decides, so the result is exactly the ILIKE's. A term of one or two Chinese
 * characters (养老, the usual search) is one gram: holding the gram is containing the term, so the ILIKE
 * would only re-read every match's title to say yes again.
 */
function titleContains(term: string): SQL {
  const grams = sql`title_grams(${proposals.title}) @> title_query_grams(${term})`;
  return oneGramTerm.test(term) ? grams : (and(grams, ilike(proposals.title, likePattern(term))) as SQL);
}

/**
 * The columns a list shows: not the 情况/分析/建议 texts (300–3,000 characters each, often TOASTed), which
 * the presenter reads only for a detail view (`withText`) and which made every list page move them to Node.
 */
const { situation, analysis, suggestions, ...listColumns } = getTableColumns(proposals);

/**
 * One page of a proposal list and its total. The page and the count are separate statements: with the total
 * as a window count (`count(*) over ()`) the page had to visit and sort every match, while alone it stops
 * after its rows along `proposals_committee_updated_idx`. The page's ids are chosen first and only those
 * rows are read: a session's queue then sorts its matches inside `proposals_committee_session_state_idx`
 * (which holds `updated_at` and `id`) without visiting them. A short first page is its own total.
 */
export async function listProposals(db: Db, actor: Actor, q: ProposalListQuery) {
  const where = proposalFilters(actor, q);
  const offset = (q.page - 1) * q.pageSize;
  const order = [desc(proposals.updatedAt), desc(proposals.id)];
  const pageIds = db
    .select({ id: proposals.id })
    .from(proposals)
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset(offset);
  const rows = await db
    .select(listColumns)
    .from(proposals)
    .where(inArray(proposals.id, pageIds))
    .orderBy(...order);
  const total =
    rows.length > 0 && rows.length < q.pageSize
      ? offset + rows.length
      : q.page === 1 && rows.length === 0
        ? 0
        : ((await db.select({ n: count() }).from(proposals).where(where))[0]?.n ?? 0);
  return {
    items: await presentProposals(
      db,
      actor,
      // The presenter leaves the texts out of a list item; empty strings only complete the row type.
      rows.map((r) => ({ ...r, situation: '', analysis: '', suggestions: '' })),
    ),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
