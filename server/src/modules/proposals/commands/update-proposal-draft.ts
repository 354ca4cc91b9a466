import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateProposalInput } from '@tongxin/common/proposals/schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { proposals } from '../schema.ts';
import { checkProposalRefs } from './check-proposal-refs.ts';
import { loadForAction } from './load-for-action.ts';
import { indexProposal } from '../../search/commands/index-proposal.ts';

/** Saves a draft (the editor autosaves); a stale version is refused so two tabs cannot overwrite each other. */
export async function updateProposalDraft(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof updateProposalInput>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal } = await loadForAction(tx, ctx.actor, id, 'edit', input.expectedVersion);
    await checkProposalRefs(tx, ctx.actor.committeeId, input, proposal.leadMemberId);
    const { expectedVersion: _v, ...changes } = input;
    const [after] = await tx
      .update(proposals)
      .set({ ...changes, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(eq(proposals.id, id))
      .returning();
    await indexProposal(tx, id);
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.edited',
      targetType: 'proposal',
      targetId: id,
      targetLabel: after?.title ?? proposal.title,
      before: proposal,
      after,
    });
  });
}
