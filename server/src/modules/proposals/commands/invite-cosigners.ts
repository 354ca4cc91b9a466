import { eq } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notify, usersOfMembers } from '../../../platform/notifications/notify.ts';
import type { ProposalRow } from '../proposals.policy.ts';
import { proposalSigners, proposals } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { checkProposalRefs } from './check-proposal-refs.ts';
import { loadForAction } from './load-for-action.ts';

/** Invites more co-signers to a joint proposal; each is notified and accepts or declines. */
export async function inviteCosigners(ctx: RequestContext, id: string, memberIds: string[]): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal } = await loadForAction(tx, ctx.actor, id, 'invite_cosigners');
    await checkProposalRefs(tx, ctx.actor.committeeId, { cosignerIds: memberIds }, proposal.leadMemberId);
    await inviteCosignersIn(tx, ctx, proposal, memberIds);
  });
}

/** Inside a transaction: adds the invitations not already there, enforcing the committee's cap. */
export async function inviteCosignersIn(tx: Db, ctx: RequestContext, p: ProposalRow, memberIds: string[]) {
  if (p.proposerKind !== 'member_joint') {
    throw new AppError('VALIDATION_FAILED', [{ path: 'cosignerIds', message: '只有联名提案可以邀请联名人' }]);
  }
  const existing = await tx.select().from(proposalSigners).where(eq(proposalSigners.proposalId, p.id));
  const fresh = [...new Set(memberIds)].filter((m) => !existing.some((e) => e.memberId === m));
  const rules = await loadRules(tx, p.committeeId);
  const total = existing.filter((e) => e.role === 'cosigner' && !e.declinedAt).length + fresh.length;
  if (rules.maxCosigners !== null && total > rules.maxCosigners) {
    throw new AppError('VALIDATION_FAILED', [
      { path: 'cosignerIds', message: `联名人不超过 ${rules.maxCosigners} 位` },
    ]);
  }
  if (fresh.length === 0) return;
  await tx.insert(proposalSigners).values(
    fresh.map((memberId) => ({
      committeeId: p.committeeId,
      proposalId: p.id,
      memberId,
      role: 'cosigner' as const,
    })),
  );
  await tx.update(proposals).set({ updatedAt: new Date() }).where(eq(proposals.id, p.id));
  await recordAudit(tx, auditSource(ctx), {
    action: 'proposal.cosigners_invited',
    targetType: 'proposal',
    targetId: p.id,
    targetLabel: p.title,
    after: { memberIds: fresh },
  });
  await notify(tx, p.committeeId, await usersOfMembers(tx, fresh), {
    kind: 'cosign_invitation',
    title: `联名邀请：${p.title}`,
    body: '有委员邀请您联名提案，请查看提案内容后确认是否联名。',
    link: `/proposals/${p.id}`,
  });
}
