import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { objectionDecisionInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { allowedFrom, proposalTransitions } from '@tongxin/common/proposals/workflow.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { assignmentObjections, assignments, proposals } from '../schema.ts';
import { notifyUnits } from './handling-notices.ts';
import { loadAssignmentForAction } from './load-assignment.ts';
import { reassign } from './reassign-assignment.ts';

type Input = z.infer<typeof objectionDecisionInput>;
const bumped = (now: Date) => ({ version: sql`${assignments.version} + 1`, updatedAt: now });

/**
 * The 交办机关 decide an objection (P13). 维持交办: the unit handles the proposal (and counts as having
 * received it). 改办: this task ends as `reassigned` and a new one, same mode, fresh deadlines, goes to the
 * new unit. Both units are told.
 */
export async function decideObjection(
  ctx: RequestContext,
  id: string,
  input: Input,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const action = input.decision === 'uphold' ? 'uphold' : 'reassign';
    const { assignment: a, proposal: p } = await loadAssignmentForAction(tx, ctx.actor, id, action, {
      now,
      expectedVersion: input.expectedVersion,
    });
    const [objection] = await tx
      .select()
      .from(assignmentObjections)
      .where(and(eq(assignmentObjections.assignmentId, id), isNull(assignmentObjections.decision)))
      .orderBy(desc(assignmentObjections.raisedAt))
      .limit(1);
    if (!objection) throw new AppError('WRONG_STATE', { state: a.state, action });
    const decided = { decidedByUserId: ctx.actor.userId, decidedAt: now, decisionComment: input.comment };
    const bump = bumped(now);
    let after: Record<string, unknown>;
    if (action === 'uphold') {
      await tx
        .update(assignments)
        .set({ state: 'handling', receivedAt: a.receivedAt ?? now, ...bump })
        .where(eq(assignments.id, id));
      await tx
        .update(assignmentObjections)
        .set({ decision: 'upheld', ...decided })
        .where(eq(assignmentObjections.id, objection.id));
      const moves = allowedFrom(proposalTransitions, 'units_received', p.state);
      if (moves) {
        await tx
          .update(proposals)
          .set({ state: 'handling', version: sql`${proposals.version} + 1`, updatedAt: now })
          .where(eq(proposals.id, p.id));
      }
      after = { state: 'handling', decision: 'upheld', proposalState: moves ? 'handling' : p.state };
      await notifyUnits(tx, a.committeeId, [a.handlerUnitId], ['handler_clerk', 'handler_leader'], {
        kind: 'objection_decided',
        title: `交办异议未采纳：${p.title}`.slice(0, 60),
        body: `对提案“${p.title}”的交办异议经研究维持原交办，请继续办理。${input.comment ? `说明：${input.comment}` : ''}`,
        link: `/assignments/${id}`,
      });
    } else {
      const next = await reassign(tx, ctx, a, p, input.newHandlerUnitId ?? null, now);
      await tx
        .update(assignmentObjections)
        .set({ decision: 'reassigned', ...decided })
        .where(eq(assignmentObjections.id, objection.id));
      after = { state: 'reassigned', decision: 'reassigned', newAssignmentId: next.id, ...next.view };
    }
    await recordAudit(tx, auditSource(ctx), {
      action: action === 'uphold' ? 'assignment.objection_upheld' : 'assignment.reassigned',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      before: { state: a.state, handlerUnitId: a.handlerUnitId },
      after: { ...after, objectionId: objection.id, comment: input.comment },
    });
  });
}
