import { and, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { type Notice, notifyMany } from '../../../platform/notifications/notify.ts';
import { userRoles, users } from '../../auth/schema.ts';
import { currentRound } from '../commands/close-unrated-proposals.ts';
import { proposalSigners, proposals, proposerFeedback } from '../schema.ts';

const chunk = 500;

/**
 * (e) The feedback window of an evaluating proposal ends within `soonDays` working days (`dueOn` in
 * `[today, soonUntil]`) → a reminder to each signer who has not rated this round: the lead and the
 * co-signers who confirmed, or for a collective proposal the lead unit's liaisons. Once per proposal, round
 * and account.
 */
export async function remindFeedback(
  db: Db,
  committeeId: string,
  today: string,
  soonUntil: string,
): Promise<{ proposals: number; notifications: number }> {
  const due = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      dueOn: proposals.feedbackDueOn,
      leadUnitId: proposals.leadUnitId,
      round: currentRound,
    })
    .from(proposals)
    .where(
      and(
        eq(proposals.committeeId, committeeId),
        eq(proposals.state, 'evaluating'),
        gte(proposals.feedbackDueOn, today),
        lte(proposals.feedbackDueOn, soonUntil),
      ),
    );
  let notifications = 0;
  for (let i = 0; i < due.length; i += chunk) {
    const part = due.slice(i, i + chunk);
    const ids = part.map((p) => p.id);
    const signers = await db
      .select({ proposalId: proposalSigners.proposalId, memberId: proposalSigners.memberId })
      .from(proposalSigners)
      .where(
        and(
          inArray(proposalSigners.proposalId, ids),
          or(eq(proposalSigners.role, 'lead'), isNotNull(proposalSigners.confirmedAt)),
          isNull(proposalSigners.declinedAt),
          isNull(proposalSigners.droppedAt),
        ),
      );
    const ratings = await db
      .select({
        proposalId: proposerFeedback.proposalId,
        round: proposerFeedback.round,
        memberId: proposerFeedback.memberId,
      })
      .from(proposerFeedback)
      .where(inArray(proposerFeedback.proposalId, ids));
    const memberIds = [...new Set(signers.map((s) => s.memberId))];
    const unitIds = [...new Set(part.map((p) => p.leadUnitId).filter((u): u is string => u !== null))];
    const scopeIds = [...memberIds, ...unitIds];
    const accounts =
      scopeIds.length === 0
        ? []
        : await db
            .select({ userId: userRoles.userId, scopeId: userRoles.scopeId, role: userRoles.role })
            .from(userRoles)
            .innerJoin(users, eq(users.id, userRoles.userId))
            .where(
              and(
                inArray(userRoles.scopeId, scopeIds),
                inArray(userRoles.role, ['member', 'standing_member', 'unit_liaison']),
                eq(users.isActive, true),
              ),
            );
    const accountsOf = (scopeId: string, roles: string[]) =>
      accounts.filter((a) => a.scopeId === scopeId && roles.includes(a.role)).map((a) => a.userId);

    const batch: { userIds: string[]; notice: Notice }[] = [];
    for (const p of part) {
      const rated = ratings.filter((r) => r.proposalId === p.id && r.round === p.round);
      // A rating belongs to its signer (the member, or null = the collective), whoever entered it: a
      // paper form staff entered for someone counts as theirs.
      const ratedMembers = new Set(rated.map((r) => r.memberId));
      const userIds = signers
        .filter((s) => s.proposalId === p.id && !ratedMembers.has(s.memberId))
        .flatMap((s) => accountsOf(s.memberId, ['member', 'standing_member']));
      if (p.leadUnitId && !ratedMembers.has(null))
        userIds.push(...accountsOf(p.leadUnitId, ['unit_liaison']));
      const pending = [...new Set(userIds)];
      if (pending.length === 0) continue;
      batch.push({
        userIds: pending,
        notice: {
          kind: 'feedback_due_soon',
          title: `请评价办理答复：${p.title}`,
          body: `提案“${p.title}”已答复，请于 ${p.dueOn} 前填写征询意见表；逾期未评价的，按“未评价”办结。`,
          link: `/proposals/${p.id}`,
          data: { proposalId: p.id, round: p.round, feedbackDueOn: p.dueOn },
          dedupeKey: `feedback_due:${p.id}:${p.round}`,
        },
      });
    }
    if (batch.length > 0) notifications += await db.transaction((tx) => notifyMany(tx, committeeId, batch));
  }
  return { proposals: due.length, notifications };
}
