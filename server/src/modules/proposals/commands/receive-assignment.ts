import { eq, sql } from 'drizzle-orm';
import { allowedFrom, proposalTransitions } from '@tongxin/common/proposals/workflow.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { assignments, proposals } from '../schema.ts';
import { loadAssignmentForAction } from './load-assignment.ts';

/** 签收 (P14): the unit's clerk signs for the task; the first unit to do so moves the proposal to 办理中. */
export async function receiveAssignment(
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { assignment: a, proposal: p } = await loadAssignmentForAction(tx, ctx.actor, id, 'receive', {
      now,
      expectedVersion,
    });
    await tx
      .update(assignments)
      .set({ state: 'handling', receivedAt: now, version: sql`${assignments.version} + 1`, updatedAt: now })
      .where(eq(assignments.id, id));
    const moves = allowedFrom(proposalTransitions, 'units_received', p.state);
    if (moves) {
      await tx
        .update(proposals)
        .set({ state: 'handling', version: sql`${proposals.version} + 1`, updatedAt: now })
        .where(eq(proposals.id, p.id));
    }
    await recordAudit(tx, auditSource(ctx), {
      action: 'assignment.received',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      before: { state: a.state },
      after: { state: 'handling', receivedAt: now, proposalState: moves ? 'handling' : p.state },
    });
  });
}
