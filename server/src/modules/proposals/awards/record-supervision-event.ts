import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { supervisionEventInput } from '@tongxin/common/proposals/awards.ts';
import { hasRole, scopeIds } from '../../../platform/authz/actor.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { keyProposals, supervisionEvents } from '../schema.ts';

/** Logs a 督办活动 (forum, inspection, research, unit visit, progress check, report to leaders). */
export async function recordSupervisionEvent(
  ctx: RequestContext,
  keyProposalId: string,
  input: z.infer<typeof supervisionEventInput>,
) {
  await ctx.db.transaction(async (tx) => {
    const [key] = await tx
      .select()
      .from(keyProposals)
      .where(and(eq(keyProposals.id, keyProposalId), eq(keyProposals.committeeId, ctx.actor.committeeId)));
    if (!key) throw new AppError('NOT_FOUND');
    const followsIt =
      key.responsibleCommitteeId !== null &&
      scopeIds(ctx.actor, 'committee_staff').includes(key.responsibleCommitteeId);
    if (!hasRole(ctx.actor, 'proposal_staff', 'chair_council') && !followsIt) throw new AppError('FORBIDDEN');
    const [event] = await tx
      .insert(supervisionEvents)
      .values({ committeeId: key.committeeId, keyProposalId, ...input, recordedByUserId: ctx.actor.userId })
      .returning();
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.supervision_recorded',
      targetType: 'proposal',
      targetId: key.proposalId,
      after: event,
    });
  });
}
