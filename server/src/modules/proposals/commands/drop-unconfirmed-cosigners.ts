import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
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

/**
 * At the session's proposal deadline (domain.md §3.1 P2: "invitees confirm online before the plenary
 * deadline, else dropped"), the co-signers of a proposal waiting in `cosigning` who never answered drop off,
 * and the submission completes with the names that confirmed. Only 大会提案 (timing `plenary`): a
 * 平时提案 belongs to a session whose deadline has passed already. Taken by the system (the deadline sweep):
 * one audit row with no actor. Returns null when there is nothing to do (another sweep got here first, the
 * proposal moved on, or the deadline has not passed).
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
    // A 平时提案 (submitted after the deadline) has no plenary deadline to miss: it waits for its answers.
    if (row?.proposal.state !== 'cosigning' || row.proposal.timing !== 'plenary' || row.deadline > now) {
      return null;
    }
    const p = row.proposal;
    const dropped = await tx
      .update(proposalSigners)
      .set({ droppedAt: now })
      .where(
        and(
          eq(proposalSigners.proposalId, p.id),
          eq(proposalSigners.role, 'cosigner'),
          isNull(proposalSigners.confirmedAt),
          isNull(proposalSigners.declinedAt),
          isNull(proposalSigners.droppedAt),
        ),
      )
      .returning({ memberId: proposalSigners.memberId });
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
        after: { memberIds: dropped.map((d) => d.memberId), deadline: row.deadline },
      });
    }
    const submitted = await completeSubmissionIfReady(tx, null, p.id);
    const proposers = [
      ...(await usersOfMembers(tx, [p.leadMemberId])),
      ...(p.enteredOnBehalf ? [] : [p.createdByUserId]),
    ];
    await notify(tx, p.committeeId, proposers, {
      kind: 'cosign_deadline_passed',
      title: `联名截止：${p.title}`,
      body:
        dropped.length > 0
          ? `提案截止时间已到，${dropped.length} 位未确认的联名人已自动移除，提案已按已确认的联名人提交。`
          : '提案截止时间已到，提案已提交。',
      link: `/proposals/${p.id}`,
      dedupeKey: `cosign_deadline:${p.id}`,
    });
    return { dropped: dropped.length, submitted };
  });
}
