import { and, asc, count, eq, gte, inArray, lt, lte, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { AssignmentListQuery } from '@tongxin/common/proposals/assignment-schemas.ts';
import { type Actor, hasRole, scopeIds } from '../../../platform/authz/actor.ts';
import { loadCalendar } from '../../../platform/calendar/queries/load-calendar.ts';
import { addWorkingDays, shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { presentAssignments } from '../assignments.presenter.ts';
import { doneStates, visibleAssignments } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { assignments } from '../schema.ts';

const due = sql<string>`coalesce(${assignments.extendedDueOn}, ${assignments.dueOn})`;
const pendingExtension = sql`exists (select 1 from extension_requests e
  where e.assignment_id = ${assignments.id} and e.round = ${assignments.round} and e.decision is null)`;
/** A co unit whose 会签 the lead unit's current reply waits for. */
const cosignAwaited = sql`(${assignments.mode} = 'co' and exists (select 1 from assignments l
  join reply_letters r on r.assignment_id = l.id and r.round = l.round and r.kind = 'reply'
  where l.proposal_id = ${assignments.proposalId} and l.mode = 'lead' and l.state = 'cosigning'
    and not exists (select 1 from reply_cosigns c where c.reply_letter_id = r.id and c.assignment_id = ${assignments.id})))`;

/** What waits for this actor: receipt, drafting and 会签 for clerks, 签发 for leaders, decisions for overseers. */
function todoOf(actor: Actor): SQL {
  const clauses: (SQL | undefined)[] = [];
  const clerkOf = scopeIds(actor, 'handler_clerk');
  const leaderOf = scopeIds(actor, 'handler_leader');
  if (clerkOf.length) {
    clauses.push(
      and(
        inArray(assignments.handlerUnitId, clerkOf),
        or(
          inArray(assignments.state, ['pending_receipt', 'handling', 'reply_drafted', 'rehandling']),
          and(eq(assignments.state, 'opinion_sent'), cosignAwaited),
        ),
      ),
    );
  }
  if (leaderOf.length) {
    clauses.push(and(inArray(assignments.handlerUnitId, leaderOf), eq(assignments.state, 'leader_signoff')));
  }
  if (hasRole(actor, 'supervision_office')) {
    clauses.push(inArray(assignments.state, ['objected', 'supervision_review']), pendingExtension);
  }
  if (hasRole(actor, 'proposal_staff')) clauses.push(eq(assignments.state, 'objected'), pendingExtension);
  return clauses.length ? (or(...clauses) as SQL) : sql`false`;
}

/**
 * The task lists (待办 / 超期 / 临期 / 全部) inside the actor's scope. Overdue = past the (extended) due date
 * and not done; due soon = due within the next 5 working days. Soonest due first.
 */
export async function listAssignments(db: Db, actor: Actor, q: AssignmentListQuery, now = currentTime()) {
  const today = shanghaiDate(now);
  const calendar = await loadCalendar(db, actor.committeeId);
  const open = notInArray(assignments.state, doneStates);
  const box = {
    todo: todoOf(actor),
    overdue: and(open, lt(due, today)),
    due_soon: and(open, gte(due, today), lte(due, addWorkingDays(today, 5, calendar))),
    all: undefined,
  }[q.box];
  const where = and(
    visibleAssignments(actor),
    box,
    q.handlerUnitId ? eq(assignments.handlerUnitId, q.handlerUnitId) : undefined,
    q.state?.length ? inArray(assignments.state, q.state) : undefined,
    q.proposalId ? eq(assignments.proposalId, q.proposalId) : undefined,
  ) as SQL;
  const rows = await db
    .select()
    .from(assignments)
    .where(where)
    .orderBy(asc(due), asc(assignments.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(assignments).where(where);
  return {
    items: await presentAssignments(db, actor, rows, { today, calendar }),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}
