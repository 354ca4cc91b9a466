import { and, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ProposalListQuery } from '@tongxin/common/proposals/schemas.ts';
import { type Actor, scopeIds } from '../../../platform/authz/actor.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { likePattern } from '../../org/queries/visible-org-records.ts';
import { presentProposals } from '../proposals.presenter.ts';
import { memberIdsOf, visibleProposals } from '../proposals.policy.ts';
import { assignments, proposalSigners, proposals } from '../schema.ts';

/** The filters of every proposal list (inboxes, staff queues, exports), inside the visibility scope. */
export function proposalFilters(actor: Actor, q: Partial<ProposalListQuery>): SQL {
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
    visibleProposals(actor),
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
    text ? ilike(proposals.title, likePattern(text)) : undefined,
    q.overdue
      ? sql`${proposals.id} in (select proposal_id from ${assignments} where state not in ('sent', 'opinion_sent', 'reassigned')
          and coalesce(extended_due_on, due_on) < ${shanghaiDate(new Date())})`
      : undefined,
  ) as SQL;
}

export async function listProposals(db: Db, actor: Actor, q: ProposalListQuery) {
  const where = proposalFilters(actor, q);
  // The total rides along as a window count: one statement per page; only a page past the end counts again.
  const rows = await db
    .select({ proposal: proposals, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(proposals)
    .where(where)
    .orderBy(desc(proposals.updatedAt), desc(proposals.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const total =
    rows[0]?.total ??
    (q.page > 1 ? ((await db.select({ n: count() }).from(proposals).where(where))[0]?.n ?? 0) : 0);
  return {
    items: await presentProposals(
      db,
      actor,
      rows.map((r) => r.proposal),
    ),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
