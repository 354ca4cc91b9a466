import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type advanceExcellentInput,
  excellentTransitions,
  type nominateExcellentInput,
} from '@tongxin/common/proposals/awards.ts';
import { hasRole } from '../../../platform/authz/actor.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { filedStates, visibleProposals } from '../proposals.policy.ts';
import { excellentAwards, proposals } from '../schema.ts';

/** Proposal staff record a nomination for the year's excellent proposals (from units or committees). */
export async function nominateExcellent(
  ctx: RequestContext,
  input: z.infer<typeof nominateExcellentInput>,
): Promise<string> {
  if (!hasRole(ctx.actor, 'proposal_staff')) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, input.proposalId), visibleProposals(ctx.actor)));
    if (!p) throw new AppError('VALIDATION_FAILED', [{ path: 'proposalId', message: '所选提案不存在' }]);
    if (!filedStates.includes(p.state))
      throw new AppError('VALIDATION_FAILED', [
        { path: 'proposalId', message: '只有立案的提案可以推荐为优秀提案' },
      ]);
    const [award] = await tx
      .insert(excellentAwards)
      .values({ committeeId: p.committeeId, stage: 'nominated', ...input })
      .returning();
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.excellent_nominated',
      targetType: 'proposal',
      targetId: p.id,
      targetLabel: p.title,
      after: award,
    });
    return award!.id;
  });
}

/** Moves a nomination through evaluation: preliminary (office) → approved (Chair's Council) → published. */
export async function advanceExcellent(
  ctx: RequestContext,
  awardId: string,
  input: z.infer<typeof advanceExcellentInput>,
) {
  await ctx.db.transaction(async (tx) => {
    const [award] = await tx
      .select()
      .from(excellentAwards)
      .where(and(eq(excellentAwards.id, awardId), eq(excellentAwards.committeeId, ctx.actor.committeeId)))
      .for('update');
    if (!award) throw new AppError('NOT_FOUND');
    const t = excellentTransitions[input.stage];
    if (!hasRole(ctx.actor, ...t.who)) throw new AppError('FORBIDDEN');
    if (!t.from.includes(award.stage)) throw new AppError('WRONG_STATE', { stage: award.stage });
    if (award.version !== input.expectedVersion) throw new AppError('VERSION_CONFLICT');
    const notes = input.notes ? `${award.notes}\n${input.notes}`.trim() : award.notes;
    await tx
      .update(excellentAwards)
      .set({ stage: input.stage, notes, version: sql`${excellentAwards.version} + 1`, updatedAt: new Date() })
      .where(eq(excellentAwards.id, awardId));
    if (input.stage === 'approved') {
      await tx
        .update(proposals)
        .set({ isExcellent: true, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
        .where(eq(proposals.id, award.proposalId));
    }
    await recordAudit(tx, auditSource(ctx), {
      action: `proposal.excellent_${input.stage}`,
      targetType: 'proposal',
      targetId: award.proposalId,
      before: { stage: award.stage },
      after: { stage: input.stage, notes: input.notes },
    });
  });
}
