import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { coOpinionInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { assignments, replyLetters } from '../schema.ts';
import { notifyUnits } from './handling-notices.ts';
import { loadAssignmentForAction } from './load-assignment.ts';

/** 会办意见: a co unit sends its opinion to the lead unit (not to the proposer); its part is then done. */
export async function sendCoOpinion(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof coOpinionInput>,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { assignment: a, proposal: p } = await loadAssignmentForAction(tx, ctx.actor, id, 'send_opinion', {
      now,
      expectedVersion: input.expectedVersion,
    });
    const [letter] = await tx
      .insert(replyLetters)
      .values({
        committeeId: a.committeeId,
        proposalId: p.id,
        assignmentId: id,
        kind: 'co_opinion',
        round: a.round,
        body: input.body,
        draftedByUserId: ctx.actor.userId,
        sentAt: now,
        publishMode: 'none',
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx
      .update(assignments)
      .set({
        state: 'opinion_sent',
        completedAt: now,
        version: sql`${assignments.version} + 1`,
        updatedAt: now,
      })
      .where(eq(assignments.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'assignment.co_opinion_sent',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      before: { state: a.state },
      after: { state: 'opinion_sent', replyLetterId: letter?.id },
    });
    const leads = await tx
      .select({ id: assignments.id, unitId: assignments.handlerUnitId })
      .from(assignments)
      .where(
        and(
          eq(assignments.proposalId, p.id),
          eq(assignments.mode, 'lead'),
          ne(assignments.state, 'reassigned'),
        ),
      );
    for (const lead of leads) {
      await notifyUnits(tx, a.committeeId, [lead.unitId], ['handler_clerk'], {
        kind: 'co_opinion',
        title: `收到会办意见：${p.title}`.slice(0, 60),
        body: `会办单位已送来对提案“${p.title}”的会办意见，请在起草答复时统筹考虑。`,
        link: `/assignments/${lead.id}`,
      });
    }
  });
}
