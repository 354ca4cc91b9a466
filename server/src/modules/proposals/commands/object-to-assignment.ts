import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { objectInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { currentTime } from '../clock.ts';
import { assignmentObjections, assignments } from '../schema.ts';
import { usersWithRole } from './handling-notices.ts';
import { loadAssignmentForAction } from './load-assignment.ts';
import { activeUnits } from './plan-assignments.ts';

/**
 * 交办异议: within the objection window a unit says the proposal is not its business and may name the unit
 * it thinks right. It cannot hand the proposal on itself; the proposals office decides (uphold or 改办).
 */
export async function objectToAssignment(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof objectInput>,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { assignment: a, proposal: p } = await loadAssignmentForAction(tx, ctx.actor, id, 'object', {
      now,
      expectedVersion: input.expectedVersion,
    });
    const proposed = input.proposedUnitId ?? null;
    if (proposed) {
      const units = await activeUnits(tx, a.committeeId, [proposed]);
      if (!units.has(proposed) || proposed === a.handlerUnitId) {
        throw new AppError('VALIDATION_FAILED', [
          { path: 'proposedUnitId', message: '建议的承办单位不存在、已停用或就是本单位，请重新选择' },
        ]);
      }
    }
    const [objection] = await tx
      .insert(assignmentObjections)
      .values({
        committeeId: a.committeeId,
        assignmentId: id,
        reason: input.reason,
        proposedUnitId: proposed,
        raisedByUserId: ctx.actor.userId,
        raisedAt: now,
      })
      .returning();
    await tx
      .update(assignments)
      .set({ state: 'objected', version: sql`${assignments.version} + 1`, updatedAt: now })
      .where(eq(assignments.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'assignment.objected',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      before: { state: a.state },
      after: {
        state: 'objected',
        objectionId: objection?.id,
        reason: input.reason,
        proposedUnitId: proposed,
      },
    });
    await notify(tx, a.committeeId, await usersWithRole(tx, a.committeeId, ['proposal_staff']), {
      kind: 'assignment_objection',
      title: `交办异议：${p.title}`.slice(0, 60),
      body: `承办单位对提案“${p.title}”的交办提出异议：${input.reason}。请会同督查室研究，维持交办或改办。`,
      link: `/assignments/${id}`,
    });
  });
}
