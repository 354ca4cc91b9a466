import { and, eq, inArray } from 'drizzle-orm';
import type { FieldIssue } from '@tongxin/common/errors.ts';
import type { AssignmentMode } from '@tongxin/common/proposals/enums.ts';
import type { ProposalRules } from '@tongxin/common/proposals/rules.ts';
import { type CalendarExceptions, dueDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { handlerUnits } from '../../org/schema.ts';
import type { ProposalRow } from '../proposals.policy.ts';
import type { assignments } from '../schema.ts';

export interface PlannedUnit {
  handlerUnitId: string;
  mode: AssignmentMode;
}

/** id → name of the committee's active handler units among `ids`, in one query. */
export async function activeUnits(tx: Db, committeeId: string, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await tx
    .select({ id: handlerUnits.id, name: handlerUnits.name })
    .from(handlerUnits)
    .where(
      and(
        inArray(handlerUnits.id, wanted),
        eq(handlerUnits.committeeId, committeeId),
        eq(handlerUnits.isActive, true),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const planMessage =
  '承办方式不正确：独办只交一个单位；主办须为一个主办单位加至少一个会办单位；分办须有两个及以上分办单位，且不能与独办、主办、会办混用';

/**
 * What is wrong with a proposal's units — the new ones together with those it already has — as field
 * issues under `path` (`units`, or `items.3.units` in a bulk). One 独办; or one 主办 with 会办; or ≥2 分办.
 */
export function planIssues(
  units: PlannedUnit[],
  live: PlannedUnit[],
  active: Map<string, string>,
  path: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  units.forEach((u, j) => {
    if (!active.has(u.handlerUnitId)) {
      issues.push({ path: `${path}.${j}.handlerUnitId`, message: '承办单位不存在或已停用，请重新选择' });
    }
  });
  const ids = [...live, ...units].map((u) => u.handlerUnitId);
  if (new Set(ids).size !== ids.length) issues.push({ path, message: '同一承办单位不能重复交办' });
  const modes = [...live, ...units].map((u) => u.mode);
  const n = (m: AssignmentMode) => modes.filter((x) => x === m).length;
  const valid =
    (n('sole') === 1 && modes.length === 1) ||
    (n('lead') === 1 && n('co') >= 1 && n('lead') + n('co') === modes.length) ||
    (n('split') >= 2 && n('split') === modes.length);
  if (!valid) issues.push({ path, message: planMessage });
  return issues;
}

export interface PlanContext {
  rules: ProposalRules;
  calendar: CalendarExceptions;
  /** Today in Asia/Shanghai: every period starts here. */
  today: string;
  now: Date;
  userId: string;
  round: number;
}

/**
 * The rows of new assignments with their deadlines: 答复 by the handling period of the proposal's timing
 * (a co unit: its opinion by `coHandlerOpinion`), 异议 within `objectionWindow`.
 */
export function newAssignmentRows(
  p: Pick<ProposalRow, 'id' | 'committeeId' | 'timing'>,
  units: PlannedUnit[],
  ctx: PlanContext,
): (typeof assignments.$inferInsert)[] {
  const d = ctx.rules.durations;
  const handling = dueDate(
    ctx.today,
    p.timing === 'plenary' ? d.handlingPeriodPlenary : d.handlingPeriodRecess,
    ctx.calendar,
  );
  const coDue = dueDate(ctx.today, d.coHandlerOpinion, ctx.calendar);
  const objectionDueOn = dueDate(ctx.today, d.objectionWindow, ctx.calendar);
  return units.map((u) => ({
    committeeId: p.committeeId,
    proposalId: p.id,
    handlerUnitId: u.handlerUnitId,
    mode: u.mode,
    round: ctx.round,
    assignedByUserId: ctx.userId,
    assignedAt: ctx.now,
    roundStartedAt: ctx.now,
    objectionDueOn,
    dueOn: u.mode === 'co' ? coDue : handling,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }));
}
