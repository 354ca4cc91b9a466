import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { extensionRequestInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { loadCalendar } from '../../../platform/calendar/queries/load-calendar.ts';
import { dueDate, formatDuration } from '../../../platform/calendar/working-days.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { effectiveDue } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { assignments, extensionRequests } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { usersWithRole } from './handling-notices.ts';
import { loadAssignmentForAction } from './load-assignment.ts';

/**
 * 延期申请: asked before the current round's due date (else 409 DEADLINE_PASSED), for a later date that
 * stays within the maximum handling period (`handlingMax`) counted from the round's start. One open request
 * at a time.
 */
export async function requestExtension(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof extensionRequestInput>,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { assignment: a, proposal: p } = await loadAssignmentForAction(
      tx,
      ctx.actor,
      id,
      'request_extension',
      { now, expectedVersion: input.expectedVersion },
    );
    const due = effectiveDue(a);
    const rules = await loadRules(tx, a.committeeId);
    // Each round has its own maximum, counted from its start: round 2 from the 重新办理 order, not from
    // round 1's assignment (which would make a round-2 extension all but impossible).
    const max = dueDate(a.roundStartedAt, rules.durations.handlingMax, await loadCalendar(tx, a.committeeId));
    const from = a.round > 1 ? '自重新办理之日起' : '自交办之日起';
    const field = (message: string) =>
      new AppError('VALIDATION_FAILED', [{ path: 'requestedDueOn', message }]);
    if (input.requestedDueOn <= due) throw field(`延期后的期限须晚于当前期限 ${due}`);
    if (input.requestedDueOn > max) {
      throw field(
        `延期后的期限不能晚于 ${max}（${from}最长 ${formatDuration(rules.durations.handlingMax)}）`,
      );
    }
    const [request] = await tx
      .insert(extensionRequests)
      .values({
        committeeId: a.committeeId,
        assignmentId: id,
        reason: input.reason,
        requestedDueOn: input.requestedDueOn,
        round: a.round,
        requestedByUserId: ctx.actor.userId,
        requestedAt: now,
      })
      .returning();
    await tx
      .update(assignments)
      .set({ version: sql`${assignments.version} + 1`, updatedAt: now })
      .where(eq(assignments.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'assignment.extension_requested',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      before: { dueOn: due },
      after: {
        extensionRequestId: request?.id,
        round: a.round,
        requestedDueOn: input.requestedDueOn,
        reason: input.reason,
      },
    });
    await notify(tx, a.committeeId, await usersWithRole(tx, a.committeeId, ['supervision_office']), {
      kind: 'assignment_extension',
      title: `延期申请：${p.title}`.slice(0, 60),
      body: `承办单位申请将提案“${p.title}”的期限由 ${due} 延至 ${input.requestedDueOn}，理由：${input.reason}。请审批。`,
      link: `/assignments/${id}`,
    });
  });
}
