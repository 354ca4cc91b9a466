import { eq, sql } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { proposals } from '../schema.ts';
import { loadForAction } from './load-for-action.ts';

/** The proposer withdraws a proposal; possible until the review decision. */
export async function withdrawProposal(
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal } = await loadForAction(tx, ctx.actor, id, 'withdraw', expectedVersion);
    const now = new Date();
    await tx
      .update(proposals)
      .set({
        state: 'withdrawn',
        closeReason: 'withdrawn',
        closedAt: now,
        version: sql`${proposals.version} + 1`,
        updatedAt: now,
      })
      .where(eq(proposals.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.withdrawn',
      targetType: 'proposal',
      targetId: id,
      targetLabel: proposal.title,
      before: { state: proposal.state },
    });
  });
}
