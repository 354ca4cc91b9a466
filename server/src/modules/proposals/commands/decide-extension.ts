import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { extensionDecisionInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { effectiveDue, visibleAssignments } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { assignments, extensionRequests } from '../schema.ts';
import { notifyUnits } from './handling-notices.ts';
import { loadAssignmentForAction } from './load-assignment.ts';

/**
 * The supervision office (or the proposals office) decides an extension request; approval moves the
 * task's due date to the requested day. A request is decided once, and only in the round it was asked in
 * (409 WRONG_STATE otherwise).
 */
export async function decideExtension(
  ctx: RequestContext,
  requestId: string,
  input: z.infer<typeof extensionDecisionInput>,
  now: Date = currentTime(),
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [seen] = await tx
      .select({ assignmentId: extensionRequests.assignmentId })
      .from(extensionRequests)
      .innerJoin(assignments, eq(assignments.id, extensionRequests.assignmentId))
      .where(and(eq(extensionRequests.id, requestId), visibleAssignments(ctx.actor)));
    if (!seen) throw new AppError('NOT_FOUND');
    const { assignment: a, proposal: p } = await loadAssignmentForAction(
      tx,
      ctx.actor,
      seen.assignmentId,
      'decide_extension',
      { now },
    );
    const [request] = await tx
      .select()
      .from(extensionRequests)
      .where(eq(extensionRequests.id, requestId))
      .for('update');
    // A request of an earlier round (left open when 重新办理 began) would move the new round's deadline.
    if (!request || request.decision || request.round !== a.round) {
      throw new AppError('WRONG_STATE', { state: request?.decision ?? a.state, action: 'decide_extension' });
    }
    await tx
      .update(extensionRequests)
      .set({
        decision: input.approve ? 'approved' : 'rejected',
        decidedByUserId: ctx.actor.userId,
        decidedAt: now,
        decisionComment: input.comment,
      })
      .where(eq(extensionRequests.id, requestId));
    await tx
      .update(assignments)
      .set({
        ...(input.approve ? { extendedDueOn: request.requestedDueOn } : {}),
        version: sql`${assignments.version} + 1`,
        updatedAt: now,
      })
      .where(eq(assignments.id, a.id));
    await recordAudit(tx, auditSource(ctx), {
      action: input.approve ? 'assignment.extension_approved' : 'assignment.extension_rejected',
      targetType: 'assignment',
      targetId: a.id,
      targetLabel: p.title,
      before: { dueOn: effectiveDue(a) },
      after: {
        extensionRequestId: requestId,
        dueOn: input.approve ? request.requestedDueOn : effectiveDue(a),
        comment: input.comment,
      },
    });
    await notifyUnits(tx, a.committeeId, [a.handlerUnitId], ['handler_clerk', 'handler_leader'], {
      kind: 'assignment_extension',
      title: `${input.approve ? '延期申请已同意' : '延期申请未同意'}：${p.title}`.slice(0, 60),
      body: input.approve
        ? `提案“${p.title}”的期限已延至 ${request.requestedDueOn}。${input.comment}`
        : `提案“${p.title}”的延期申请未获同意，期限仍为 ${effectiveDue(a)}。${input.comment}`,
      link: `/assignments/${a.id}`,
    });
    return a.id;
  });
}
