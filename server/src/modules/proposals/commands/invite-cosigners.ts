import { and, eq, isNull } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { loadCalendar } from '../../../platform/calendar/queries/load-calendar.ts';
import { dueDate, shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notify, usersOfMembers } from '../../../platform/notifications/notify.ts';
import { currentTime } from '../clock.ts';
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
  const now = currentTime();
  // A 平时提案 already waiting for its co-signers: the new names get their own answering period.
  const cosignDueOn =
    p.state === 'cosigning' && p.timing === 'recess'
      ? await recessCosignDueOn(tx, p.committeeId, now, rules.recessCosignWorkingDays)
      : null;
  await tx.insert(proposalSigners).values(
    fresh.map((memberId) => ({
      committeeId: p.committeeId,
      proposalId: p.id,
      memberId,
      role: 'cosigner' as const,
      invitedAt: now,
      cosignDueOn,
    })),
  );
  await tx.update(proposals).set({ updatedAt: now }).where(eq(proposals.id, p.id));
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
    body: cosignDueOn
      ? `有委员邀请您联名提案，请查看提案内容后于 ${cosignDueOn} 前确认是否联名，逾期未确认的视为不联名。`
      : '有委员邀请您联名提案，请查看提案内容后确认是否联名。',
    link: `/proposals/${p.id}`,
  });
}

/** The last day to answer an invitation of a 平时提案 made on `from`: the configured working days later. */
async function recessCosignDueOn(tx: Db, committeeId: string, from: Date, workingDays: number) {
  return dueDate(
    shanghaiDate(from),
    { amount: workingDays, unit: 'wd' },
    await loadCalendar(tx, committeeId),
  );
}

/**
 * A 平时提案 has no session deadline for its invitations (domain.md §3.1 P2 only covers the plenary): when it
 * is submitted, every invitation still open gets its own deadline, `recessCosignWorkingDays` working days
 * from the submission (a name invited while drafting is asked to confirm the text as submitted, so the
 * period does not run while the draft can still change). The deadline sweep drops whoever has not
 * answered by then. Returns the deadline set, or null when there was nothing to set.
 */
export async function setRecessCosignDeadlines(tx: Db, p: ProposalRow, now: Date): Promise<string | null> {
  const rules = await loadRules(tx, p.committeeId);
  const cosignDueOn = await recessCosignDueOn(tx, p.committeeId, now, rules.recessCosignWorkingDays);
  const set = await tx
    .update(proposalSigners)
    .set({ cosignDueOn })
    .where(
      and(
        eq(proposalSigners.proposalId, p.id),
        eq(proposalSigners.role, 'cosigner'),
        isNull(proposalSigners.confirmedAt),
        isNull(proposalSigners.declinedAt),
        isNull(proposalSigners.droppedAt),
        isNull(proposalSigners.cosignDueOn),
      ),
    )
    .returning({ memberId: proposalSigners.memberId });
  if (set.length === 0) return null;
  await notify(
    tx,
    p.committeeId,
    await usersOfMembers(
      tx,
      set.map((s) => s.memberId),
    ),
    {
      kind: 'cosign_invitation',
      title: `请确认联名：${p.title}`,
      body: `提案已提交，请于 ${cosignDueOn} 前确认是否联名；逾期未确认的，视为不联名。`,
      link: `/proposals/${p.id}`,
    },
  );
  return cosignDueOn;
}
