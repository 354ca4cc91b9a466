import { and, eq, ne, sql } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { assignments, replyCosigns, replyLetters } from '../schema.ts';
import { notifyUnits } from './handling-notices.ts';
import { currentReply, loadAssignmentForAction } from './load-assignment.ts';

/**
 * 提交: a reply with live co units goes to 会签 (each co unit is asked, and a resubmitted reply is
 * co-signed afresh); otherwise straight to the unit leader for 签发.
 */
export async function submitReply(
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { assignment: a, proposal: p } = await loadAssignmentForAction(tx, ctx.actor, id, 'submit_reply', {
      now,
      expectedVersion,
    });
    const letter = await currentReply(tx, a, 'submit_reply');
    const co =
      a.mode === 'lead'
        ? await tx
            .select()
            .from(assignments)
            .where(
              and(
                eq(assignments.proposalId, p.id),
                eq(assignments.mode, 'co'),
                ne(assignments.state, 'reassigned'),
              ),
            )
        : [];
    const next = co.length ? 'cosigning' : 'leader_signoff';
    await tx.delete(replyCosigns).where(eq(replyCosigns.replyLetterId, letter.id));
    await tx
      .update(replyLetters)
      .set({ supervisionStatus: null, version: sql`${replyLetters.version} + 1`, updatedAt: now })
      .where(eq(replyLetters.id, letter.id));
    await tx
      .update(assignments)
      .set({ state: next, version: sql`${assignments.version} + 1`, updatedAt: now })
      .where(eq(assignments.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'assignment.reply_submitted',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      before: { state: a.state },
      after: {
        state: next,
        replyLetterId: letter.id,
        round: a.round,
        cosignUnits: co.map((c) => c.handlerUnitId),
      },
    });
    if (co.length) {
      for (const c of co) {
        await notifyUnits(tx, a.committeeId, [c.handlerUnitId], ['handler_clerk'], {
          kind: 'reply_cosign',
          title: `请会签答复：${p.title}`.slice(0, 60),
          body: `主办单位已起草对提案“${p.title}”的答复，请会签（同意或提出修改意见）。`,
          link: `/assignments/${c.id}`,
        });
      }
    } else {
      await notifyUnits(tx, a.committeeId, [a.handlerUnitId], ['handler_leader'], {
        kind: 'reply_signoff',
        title: `请签发答复：${p.title}`.slice(0, 60),
        body: `对提案“${p.title}”的答复已起草完毕，请审核签发。`,
        link: `/assignments/${id}`,
      });
    }
  });
}
