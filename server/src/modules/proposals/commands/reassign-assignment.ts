import crypto from 'node:crypto';
import { and, eq, ne, sql } from 'drizzle-orm';
import { loadCalendar } from '../../../platform/calendar/queries/load-calendar.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { AssignmentRow } from '../assignments.policy.ts';
import type { ProposalRow } from '../proposals.policy.ts';
import { assignments } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { notifyUnits } from './handling-notices.ts';
import { activeUnits, newAssignmentRows } from './plan-assignments.ts';

/**
 * 改办: the task ends as `reassigned` (pointing at its successor) and a new one with the same mode, round
 * and fresh deadlines goes to the new unit, which must be active and not already on the proposal. Both
 * units are told.
 */
export async function reassign(
  tx: Db,
  ctx: RequestContext,
  a: AssignmentRow,
  p: ProposalRow,
  unitId: string | null,
  now: Date,
) {
  const units = unitId ? await activeUnits(tx, a.committeeId, [unitId]) : new Map<string, string>();
  const field = (message: string) =>
    new AppError('VALIDATION_FAILED', [{ path: 'newHandlerUnitId', message }]);
  if (!unitId) throw field('改办须选择新的承办单位');
  if (!units.has(unitId)) throw field('承办单位不存在或已停用，请重新选择');
  const [taken] = await tx
    .select({ id: assignments.id })
    .from(assignments)
    .where(
      and(
        eq(assignments.proposalId, p.id),
        eq(assignments.handlerUnitId, unitId),
        ne(assignments.state, 'reassigned'),
      ),
    );
  if (taken) throw field('该单位已在承办此提案，请选择其他单位');
  const rules = await loadRules(tx, a.committeeId);
  const calendar = await loadCalendar(tx, a.committeeId);
  const [row] = newAssignmentRows(p, [{ handlerUnitId: unitId, mode: a.mode }], {
    rules,
    calendar,
    today: shanghaiDate(now),
    now,
    userId: ctx.actor.userId,
    round: a.round,
  });
  const newId = crypto.randomUUID();
  // The old task leaves the partial unique indexes before the new one enters them.
  await tx
    .update(assignments)
    .set({
      state: 'reassigned',
      reassignedToId: newId,
      completedAt: now,
      ...{ version: sql`${assignments.version} + 1`, updatedAt: now },
    })
    .where(eq(assignments.id, a.id));
  const [created] = await tx
    .insert(assignments)
    .values({ ...row!, id: newId })
    .returning();
  const body = (who: string) => `提案“${p.title}”${who}。`;
  await notifyUnits(tx, a.committeeId, [a.handlerUnitId], ['handler_clerk', 'handler_leader'], {
    kind: 'objection_decided',
    title: `交办异议已采纳：${p.title}`.slice(0, 60),
    body: body(`经研究改由${units.get(unitId)}承办，贵单位不再承办`),
    link: '/assignments',
  });
  await notifyUnits(tx, a.committeeId, [unitId], ['handler_clerk', 'handler_leader'], {
    kind: 'assignment_new',
    title: `改办提案：${p.title}`.slice(0, 60),
    body: body(
      `改由贵单位承办，请及时签收，如有异议请于${created!.objectionDueOn}前提出；期限为${created!.dueOn}`,
    ),
    link: `/assignments/${created!.id}`,
  });
  return {
    id: created!.id,
    view: { newHandlerUnitId: unitId, unitName: units.get(unitId), dueOn: created!.dueOn },
  };
}
