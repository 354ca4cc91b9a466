import { and, eq, gte, inArray, lt, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { AssignmentState } from '@tongxin/common/proposals/workflow.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { type Notice, notifyMany } from '../../../platform/notifications/notify.ts';
import { handlerUnits } from '../../org/schema.ts';
import { assignments, proposals } from '../schema.ts';
import { accountsByScope, allAccounts } from './recipients.ts';

/** Assignment states in which the unit's work is done (replied, co-opinion sent, or moved to another unit). */
export const finishedAssignmentStates: AssignmentState[] = ['sent', 'opinion_sent', 'reassigned'];
/** Reminders go out while the proposal is with the handler units. */
const handlingProposalStates = ['assigned', 'handling', 'rehandling'] as const;
const chunk = 500;

export const dueOnOf = sql<string>`coalesce(${assignments.extendedDueOn}, ${assignments.dueOn})`;

interface Due {
  id: string;
  round: number;
  handlerUnitId: string;
  unitName: string;
  proposalId: string;
  title: string;
  dueOn: string;
}

/**
 * Unfinished assignments due in `[from, to]` that have no reminder of this kind for this round and due
 * date yet (the unique dedupe index is the guarantee; this filter keeps a sweep from re-sending thousands of
 * rows only for the index to drop them).
 */
function dueBetween(db: Db, committeeId: string, keyPrefix: string, range: SQL): Promise<Due[]> {
  return db
    .select({
      id: assignments.id,
      round: assignments.round,
      handlerUnitId: assignments.handlerUnitId,
      unitName: handlerUnits.name,
      proposalId: proposals.id,
      title: proposals.title,
      dueOn: dueOnOf,
    })
    .from(assignments)
    .innerJoin(proposals, eq(proposals.id, assignments.proposalId))
    .innerJoin(handlerUnits, eq(handlerUnits.id, assignments.handlerUnitId))
    .where(
      and(
        eq(assignments.committeeId, committeeId),
        notInArray(assignments.state, finishedAssignmentStates),
        sql`${assignments.completedAt} is null`,
        inArray(proposals.state, handlingProposalStates),
        range,
        sql`not exists (select 1 from notifications n
          where n.dedupe_key = ${keyPrefix} || ${assignments.id}::text || ':' || ${assignments.round}::text
            || ':' || to_char(${dueOnOf}, 'YYYY-MM-DD'))`,
      ),
    )
    .orderBy(assignments.id);
}

/**
 * Once per task, round and due date: 重新办理 (a new round) and an approved extension (a new date) each
 * earn their own reminders; running the sweep again does not.
 */
const dedupeKey = (kind: string, a: Due) => `${kind}:${a.id}:${a.round}:${a.dueOn}`;

async function send(
  db: Db,
  committeeId: string,
  rows: Due[],
  toNotice: (a: Due) => { userIds: string[]; notice: Notice },
) {
  let sent = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const batch = rows.slice(i, i + chunk).map(toNotice);
    sent += await db.transaction((tx) => notifyMany(tx, committeeId, batch));
  }
  return sent;
}

/**
 * (a) due within `soonDays` working days → the unit's clerks and leaders, once per assignment, round and
 * due date;
 * (b) overdue (the due day is over in Beijing) → the unit, the proposals office and the supervision office.
 * `soonUntil` is the last day counted as "soon" (today + 5 working days on the committee's calendar).
 */
export async function remindAssignments(
  db: Db,
  committeeId: string,
  today: string,
  soonUntil: string,
): Promise<{ dueSoon: number; overdue: number; notifications: number }> {
  const unitAccounts = await accountsByScope(db, committeeId, ['handler_clerk', 'handler_leader']);
  const soon = await dueBetween(
    db,
    committeeId,
    'due_soon:',
    and(gte(dueOnOf, today), lte(dueOnOf, soonUntil)) as SQL,
  );
  let notifications = await send(db, committeeId, soon, (a) => ({
    userIds: unitAccounts.get(a.handlerUnitId) ?? [],
    notice: {
      kind: 'proposal_due_soon',
      title: `办理即将到期：${a.title}`,
      body: `${a.unitName}承办的提案“${a.title}”将于 ${a.dueOn} 到期，请抓紧办理并按时答复。`,
      link: `/proposals/${a.proposalId}`,
      data: { assignmentId: a.id, proposalId: a.proposalId, round: a.round, dueOn: a.dueOn },
      dedupeKey: dedupeKey('due_soon', a),
    },
  }));

  const overdue = await dueBetween(db, committeeId, 'overdue:', lt(dueOnOf, today));
  if (overdue.length > 0) {
    const overseers = allAccounts(
      await accountsByScope(db, committeeId, ['proposal_staff', 'supervision_office']),
    );
    notifications += await send(db, committeeId, overdue, (a) => ({
      userIds: [...(unitAccounts.get(a.handlerUnitId) ?? []), ...overseers],
      notice: {
        kind: 'proposal_overdue',
        title: `办理已逾期：${a.title}`,
        body: `${a.unitName}承办的提案“${a.title}”办理期限为 ${a.dueOn}，现已逾期，尚未答复。`,
        link: `/proposals/${a.proposalId}`,
        data: { assignmentId: a.id, proposalId: a.proposalId, round: a.round, dueOn: a.dueOn },
        dedupeKey: dedupeKey('overdue', a),
      },
    }));
  }
  return { dueSoon: soon.length, overdue: overdue.length, notifications };
}
