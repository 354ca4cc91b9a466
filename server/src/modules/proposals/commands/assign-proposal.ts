import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { assignInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { proposalLabels } from '@tongxin/common/proposals/enums.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { loadCalendar } from '../../../platform/calendar/queries/load-calendar.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentRound } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { assignments, proposals } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { notifyUnits } from './handling-notices.ts';
import { loadForAction } from './load-for-action.ts';
import { activeUnits, newAssignmentRows, planIssues } from './plan-assignments.ts';

/**
 * 交办 (P12): the Proposals Committee with the supervision office hands a filed proposal to its handler
 * units — one 独办, or a 主办 with 会办 units, or several 分办 — each with its deadlines from the committee's
 * rules and calendar. Units may be added later to an assigned proposal, as long as the whole set stays
 * valid. filed → assigned; the clerks and leaders of each unit are told.
 */
export async function assignProposal(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof assignInput>,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal } = await loadForAction(tx, ctx.actor, id, 'assign', input.expectedVersion);
    const live = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.proposalId, id), ne(assignments.state, 'reassigned')));
    const units = await activeUnits(
      tx,
      proposal.committeeId,
      input.units.map((u) => u.handlerUnitId),
    );
    const issues = planIssues(input.units, live, units, 'units');
    if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
    const rules = await loadRules(tx, proposal.committeeId);
    const calendar = await loadCalendar(tx, proposal.committeeId);
    const round = live.length ? currentRound(live) : 1;
    const today = shanghaiDate(now);
    const rows = newAssignmentRows(proposal, input.units, {
      rules,
      calendar,
      today,
      now,
      userId: ctx.actor.userId,
      round,
    });
    const created = await tx.insert(assignments).values(rows).returning();
    const change = proposal.state === 'filed' ? { state: 'assigned' as const, assignedAt: now } : {};
    await tx
      .update(proposals)
      .set({ ...change, version: sql`${proposals.version} + 1`, updatedAt: now })
      .where(eq(proposals.id, id));
    const planned = created.map((a) => ({
      assignmentId: a.id,
      handlerUnitId: a.handlerUnitId,
      unitName: units.get(a.handlerUnitId),
      mode: a.mode,
      dueOn: a.dueOn,
      objectionDueOn: a.objectionDueOn,
    }));
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.assigned',
      targetType: 'proposal',
      targetId: id,
      targetLabel: proposal.title,
      before: { state: proposal.state },
      after: { state: change.state ?? proposal.state, units: planned },
    });
    for (const a of created) {
      const mode = proposalLabels.mode[a.mode];
      await notifyUnits(tx, proposal.committeeId, [a.handlerUnitId], ['handler_clerk', 'handler_leader'], {
        kind: 'assignment_new',
        title: `新交办提案（${mode}）：${proposal.title}`.slice(0, 60),
        body: `提案“${proposal.title}”已交由${units.get(a.handlerUnitId)}${mode}。请及时签收，如有异议请于${a.objectionDueOn}前提出；${a.mode === 'co' ? '会办意见' : '答复'}期限为${a.dueOn}。`,
        link: `/assignments/${a.id}`,
      });
    }
  });
}
