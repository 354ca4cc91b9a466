import { and, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { notify, usersOfMembers } from '../../../platform/notifications/notify.ts';
import { plenarySessions } from '../../org/schema.ts';
import { proposalSigners, proposals } from '../schema.ts';
import { systemSource } from '../reminders/system-source.ts';
import { completeSubmissionIfReady } from './submit-proposal.ts';

export interface DropResult {
  dropped: number;
  submitted: boolean;
}

const open = (proposalId: string) =>
  and(
    eq(proposalSigners.proposalId, proposalId),
    eq(proposalSigners.role, 'cosigner'),
    isNull(proposalSigners.confirmedAt),
    isNull(proposalSigners.declinedAt),
    isNull(proposalSigners.droppedAt),
  ) as SQL;

/**
 * The co-signers of a proposal waiting in `cosigning` who never answered drop off when their deadline
 * passes, and the submission completes with the names that confirmed:
 * - 大会提案 (timing `plenary`): at the session's proposal deadline (domain.md §3.1 P2, "invitees confirm
 *   online before the plenary deadline, else dropped"), every open invitation at once;
 * - 平时提案 (`recess`): each invitation at the end of its own `cosignDueOn` (Beijing time), counted in
 *   working days from the invitation (`recessCosignWorkingDays`), so a recess proposal never waits forever.
 * Taken by the system (the deadline sweep): one audit row with no actor, and the lead proposer is told.
 * Returns null when there is nothing to do (another sweep got here first, the proposal moved on, or no
 * deadline has passed).
 */
export async function dropUnconfirmedCosigners(
  db: Db,
  proposalId: string,
  now: Date,
): Promise<DropResult | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ proposal: proposals, deadline: plenarySessions.proposalDeadline })
      .from(proposals)
      .innerJoin(plenarySessions, eq(plenarySessions.id, proposals.sessionId))
      .where(eq(proposals.id, proposalId))
      .for('update', { of: proposals });
    if (row?.proposal.state !== 'cosigning') return null;
    const p = row.proposal;
    const today = shanghaiDate(now);
    const plenary = p.timing === 'plenary';
    if (plenary && row.deadline > now) return null;
    // A recess invitation is open through its last day: it drops once that day is over in Beijing.
    const due = plenary ? open(p.id) : and(open(p.id), lt(proposalSigners.cosignDueOn, today));
    const dropped = await tx
      .update(proposalSigners)
      .set({ droppedAt: now })
      .where(due)
      .returning({ memberId: proposalSigners.memberId, cosignDueOn: proposalSigners.cosignDueOn });
    if (!plenary && dropped.length === 0) return null;
    if (dropped.length > 0) {
      await tx
        .update(proposals)
        .set({ version: sql`${proposals.version} + 1`, updatedAt: now })
        .where(eq(proposals.id, p.id));
      await recordAudit(tx, systemSource, {
        action: 'proposal.cosigners_dropped',
        targetType: 'proposal',
        targetId: p.id,
        targetLabel: p.title,
        committeeId: p.committeeId,
        after: {
          memberIds: dropped.map((d) => d.memberId),
          deadline: plenary ? row.deadline : maxDay(dropped.map((d) => d.cosignDueOn)),
        },
      });
    }
    const submitted = await completeSubmissionIfReady(tx, null, p.id);
    const proposers = [
      ...(await usersOfMembers(tx, [p.leadMemberId])),
      ...(p.enteredOnBehalf ? [] : [p.createdByUserId]),
    ];
    const stillOpen = submitted ? '提案已按已确认的联名人提交。' : '提案仍在等待其余联名人确认。';
    await notify(tx, p.committeeId, proposers, {
      kind: 'cosign_deadline_passed',
      title: `联名截止：${p.title}`,
      body: plenary
        ? dropped.length > 0
          ? `提案截止时间已到，${dropped.length} 位未确认的联名人已自动移除，提案已按已确认的联名人提交。`
          : '提案截止时间已到，提案已提交。'
        : `联名确认期限已过，${dropped.length} 位未确认的联名人已自动移除。${stillOpen}`,
      link: `/proposals/${p.id}`,
      // Plenary: once per proposal. Recess: once per day invitations lapse (they may have different days).
      dedupeKey: plenary ? `cosign_deadline:${p.id}` : `cosign_deadline:${p.id}:${today}`,
    });
    return { dropped: dropped.length, submitted };
  });
}

const maxDay = (days: (string | null)[]) =>
  days
    .filter((d): d is string => d !== null)
    .sort()
    .at(-1) ?? null;
