import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { proposalLabels } from '@tongxin/common/proposals/enums.ts';
import type { convertInput } from '@tongxin/common/proposals/schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { proposals } from '../schema.ts';
import { loadForAction } from './load-for-action.ts';
import { notifyProposers } from './review-proposal.ts';

/** A proposal not filed is passed on as 意见建议 / 社情民意 / 来信; the proposer is told where and why. */
export async function convertProposal(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof convertInput>,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal, signers } = await loadForAction(tx, ctx.actor, id, 'convert', input.expectedVersion);
    await tx
      .update(proposals)
      .set({
        state: 'converted',
        convertedTo: input.target,
        version: sql`${proposals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(proposals.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.converted',
      targetType: 'proposal',
      targetId: id,
      targetLabel: proposal.title,
      after: { convertedTo: input.target, note: input.note },
    });
    const where = proposalLabels.conversion[input.target];
    await notifyProposers(tx, proposal, signers, `您的提案“${proposal.title}”${where}处理。${input.note}`);
  });
}
