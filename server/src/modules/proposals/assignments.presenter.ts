import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor.ts';
import { loadCalendar } from '../../platform/calendar/queries/load-calendar.ts';
import { type CalendarExceptions, workingDaysBetween } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/connect.ts';
import { iso } from '../org/resources/present-helpers.ts';
import { sessionName } from '../org/resources/simple.ts';
import { handlerUnits, plenarySessions, terms } from '../org/schema.ts';
import { type AssignmentRow, assignmentAbilities, doneStates, effectiveDue } from './assignments.policy.ts';
import { loadAssignmentFacts } from './queries/assignment-facts.ts';
import { proposals } from './schema.ts';

/** "十四届五次会议第0001号" for a numbered proposal of a session. */
export function numberLabelOf(session: { termNo: number; sessionNo: number } | undefined, n: number | null) {
  return session && n
    ? `${sessionName(session.termNo, session.sessionNo)}第${String(n).padStart(4, '0')}号`
    : null;
}

/** The proposals behind assignments, as the lists show them: number, title, timing, 重点. */
export async function proposalBriefs(db: Db, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map<string, ProposalBrief>();
  const rows = await db
    .select({
      id: proposals.id,
      number: proposals.number,
      title: proposals.title,
      timing: proposals.timing,
      isKey: proposals.isKey,
      state: proposals.state,
      termNo: terms.termNo,
      sessionNo: plenarySessions.sessionNo,
    })
    .from(proposals)
    .leftJoin(plenarySessions, eq(plenarySessions.id, proposals.sessionId))
    .leftJoin(terms, eq(terms.id, plenarySessions.termId))
    .where(inArray(proposals.id, wanted));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        numberLabel: numberLabelOf(
          r.termNo !== null && r.sessionNo !== null
            ? { termNo: r.termNo, sessionNo: r.sessionNo }
            : undefined,
          r.number,
        ),
        title: r.title,
        timing: r.timing,
        isKey: r.isKey,
        state: r.state,
      },
    ]),
  );
}
export interface ProposalBrief {
  id: string;
  numberLabel: string | null;
  title: string;
  timing: 'plenary' | 'recess' | null;
  isKey: boolean;
  state: string;
}

/** id → name of handler units, in one query. */
export async function unitNames(db: Db, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: handlerUnits.id, name: handlerUnits.name })
    .from(handlerUnits)
    .where(inArray(handlerUnits.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Working days a live task is past its (extended) due date; 0 when on time or done. */
export function overdueWorkingDays(a: AssignmentRow, today: string, calendar: CalendarExceptions): number {
  const due = effectiveDue(a);
  if (doneStates.includes(a.state) || due >= today) return 0;
  return workingDaysBetween(due, today, calendar);
}

/**
 * Assignment rows → API views with the proposal, the unit, the deadlines, how late it is and the
 * abilities of the actor. The only way assignments become JSON. A fixed number of queries per page.
 */
export async function presentAssignments(
  db: Db,
  actor: Actor,
  rows: AssignmentRow[],
  opts: { today: string; calendar?: CalendarExceptions },
) {
  if (rows.length === 0) return [];
  const [briefs, names, facts, calendar] = [
    await proposalBriefs(
      db,
      rows.map((a) => a.proposalId),
    ),
    await unitNames(
      db,
      rows.map((a) => a.handlerUnitId),
    ),
    await loadAssignmentFacts(db, rows, opts.today),
    opts.calendar ?? (await loadCalendar(db, actor.committeeId)),
  ];
  return rows.map((a) => {
    const p = briefs.get(a.proposalId);
    return {
      id: a.id,
      version: a.version,
      proposal: p
        ? { id: p.id, numberLabel: p.numberLabel, title: p.title, timing: p.timing, isKey: p.isKey }
        : null,
      handlerUnit: { id: a.handlerUnitId, name: names.get(a.handlerUnitId) ?? '' },
      mode: a.mode,
      state: a.state,
      round: a.round,
      roundStartedAt: iso(a.roundStartedAt),
      assignedAt: iso(a.assignedAt),
      receivedAt: iso(a.receivedAt),
      completedAt: iso(a.completedAt),
      objectionDueOn: a.objectionDueOn,
      dueOn: a.dueOn,
      extendedDueOn: a.extendedDueOn,
      reassignedToId: a.reassignedToId,
      overdueWorkingDays: overdueWorkingDays(a, opts.today, calendar),
      abilities: assignmentAbilities(actor, a, facts.get(a.id) ?? { today: opts.today }),
    };
  });
}
