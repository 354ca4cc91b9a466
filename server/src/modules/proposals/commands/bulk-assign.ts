import { and, inArray, ne, sql } from 'drizzle-orm';
import type { FieldIssue } from '@tongxin/common/errors.ts';
import type { BulkAssignInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { proposalLabels } from '@tongxin/common/proposals/enums.ts';
import { proposalTransitions } from '@tongxin/common/proposals/workflow.ts';
import { hasRole } from '../../../platform/authz/actor.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { loadCalendar } from '../../../platform/calendar/queries/load-calendar.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notifyMany } from '../../../platform/notifications/notify.ts';
import { userRoles } from '../../auth/schema.ts';
import { currentRound } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { visibleProposals } from '../proposals.policy.ts';
import { assignments, proposals } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { activeUnits, newAssignmentRows, planIssues } from './plan-assignments.ts';

const chunk = <T>(xs: T[], n: number) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/**
 * 交办会: hundreds of proposals handed out in one transaction, all or nothing. Every item is checked
 * first and every bad one is reported (`items.3.units` …); then the rows go in with a few set-based
 * statements whatever the count. Each proposal gets its own audit row (its timeline shows the 交办), and
 * each unit one notice with its count.
 */
export async function bulkAssign(
  ctx: RequestContext,
  input: BulkAssignInput,
  now: Date = currentTime(),
): Promise<number> {
  const { actor } = ctx;
  if (!hasRole(actor, ...(proposalTransitions.assign.who as ['proposal_staff', 'supervision_office'])))
    throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const ids = [...new Set(input.items.map((i) => i.proposalId))].sort();
    const found = await tx
      .select()
      .from(proposals)
      .where(and(inArray(proposals.id, ids), visibleProposals(actor)))
      .orderBy(proposals.id)
      .for('update');
    const byId = new Map(found.map((p) => [p.id, p]));
    const live = await tx
      .select()
      .from(assignments)
      .where(and(inArray(assignments.proposalId, ids), ne(assignments.state, 'reassigned')));
    const units = await activeUnits(
      tx,
      actor.committeeId,
      input.items.flatMap((i) => i.units.map((u) => u.handlerUnitId)),
    );
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    input.items.forEach((item, i) => {
      const p = byId.get(item.proposalId);
      if (!p) issues.push({ path: `items.${i}.proposalId`, message: '提案不存在或您无权交办' });
      else if (seen.has(p.id))
        issues.push({ path: `items.${i}.proposalId`, message: '同一提案在本次交办中出现了两次' });
      else if (!(proposalTransitions.assign.from as readonly string[]).includes(p.state))
        issues.push({
          path: `items.${i}.proposalId`,
          message: `提案“${p.title}”当前为“${proposalLabels.state[p.state]}”，不能交办`,
        });
      seen.add(item.proposalId);
      const existing = live.filter((a) => a.proposalId === item.proposalId);
      issues.push(...planIssues(item.units, existing, units, `items.${i}.units`));
    });
    if (issues.length) throw new AppError('VALIDATION_FAILED', issues);

    const rules = await loadRules(tx, actor.committeeId);
    const calendar = await loadCalendar(tx, actor.committeeId);
    const today = shanghaiDate(now);
    const rows = input.items.flatMap((item) => {
      const existing = live.filter((a) => a.proposalId === item.proposalId);
      const round = existing.length ? currentRound(existing) : 1;
      const p = byId.get(item.proposalId)!;
      return newAssignmentRows(p, item.units, { rules, calendar, today, now, userId: actor.userId, round });
    });
    for (const part of chunk(rows, 1000)) await tx.insert(assignments).values(part);
    const at = now.toISOString();
    await tx
      .update(proposals)
      .set({
        state: sql`case when ${proposals.state} = 'filed' then 'assigned' else ${proposals.state} end`,
        assignedAt: sql`coalesce(${proposals.assignedAt}, ${at}::timestamptz)`,
        version: sql`${proposals.version} + 1`,
        updatedAt: now,
      })
      .where(inArray(proposals.id, ids));
    const audit = input.items.map((item) => {
      const p = byId.get(item.proposalId)!;
      return {
        committeeId: actor.committeeId,
        actorUserId: actor.userId,
        actorName: actor.displayName,
        action: 'proposal.assigned',
        targetType: 'proposal',
        targetId: p.id,
        targetLabel: p.title,
        before: { state: p.state },
        after: {
          state: p.state === 'filed' ? 'assigned' : p.state,
          bulk: true,
          units: item.units.map((u) => ({ ...u, unitName: units.get(u.handlerUnitId) })),
        },
        ip: ctx.ip,
        requestId: ctx.requestId,
        userAgent: ctx.userAgent?.slice(0, 300) ?? null,
      };
    });
    for (const part of chunk(audit, 500)) await tx.insert(auditEvents).values(part);
    await noticePerUnit(tx, actor.committeeId, rows);
    return input.items.length;
  });
}

/** One notice per unit for the whole 交办会: how many proposals it leads or handles alone, and co-handles. */
async function noticePerUnit(tx: Db, committeeId: string, rows: { handlerUnitId: string; mode: string }[]) {
  const unitIds = [...new Set(rows.map((r) => r.handlerUnitId))];
  const people = await tx
    .select({ userId: userRoles.userId, unitId: userRoles.scopeId })
    .from(userRoles)
    .where(
      and(inArray(userRoles.scopeId, unitIds), inArray(userRoles.role, ['handler_clerk', 'handler_leader'])),
    );
  const batch = unitIds.map((unitId) => {
    const mine = rows.filter((r) => r.handlerUnitId === unitId);
    const co = mine.filter((r) => r.mode === 'co').length;
    return {
      userIds: people.filter((p) => p.unitId === unitId).map((p) => p.userId),
      notice: {
        kind: 'assignment_new',
        title: `交办会：本次向贵单位交办提案 ${mine.length} 件`,
        body: `本次交办提案 ${mine.length} 件，其中主办、独办或分办 ${mine.length - co} 件，会办 ${co} 件。请在“承办任务”中逐件签收，如有异议请在异议期限内提出。`,
        link: '/assignments?box=todo',
      },
    };
  });
  await notifyMany(tx, committeeId, batch);
}
