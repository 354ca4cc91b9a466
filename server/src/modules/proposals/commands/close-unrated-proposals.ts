import { and, eq, lt, type SQL, sql } from 'drizzle-orm';
import { proposalTransitions } from '@tongxin/common/proposals/workflow.ts';
import { allowedFrom } from '@tongxin/common/proposals/workflow.ts';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { systemSource } from '../reminders/system-source.ts';
import { proposals } from '../schema.ts';

/**
 * The round being rated: the highest handling round of the proposal's live assignments (2 after 重新办理).
 */
export const currentRound = sql<number>`(select coalesce(max(a.round), 1) from assignments a
  where a.proposal_id = ${proposals.id} and a.state <> 'reassigned')`;

/**
 * Whether the proposal has a decisive rating for the current round: the rating filed for the lead member,
 * or — for a collective proposal, which has no lead member — the one filed for the collective (member_id
 * null: its liaison's, or a paper form staff recorded for it). The same rule as rating and statistics.
 * Co-signers' ratings are counted in the statistics but do not close.
 */
export const hasDecisiveRating: SQL = sql`exists (select 1 from proposer_feedback f
  where f.proposal_id = ${proposals.id} and f.round = ${currentRound}
    and f.member_id is not distinct from ${proposals.leadMemberId})`;

/** Evaluating proposals whose feedback window ended before `today` without a decisive rating. */
export function expiredUnrated(committeeId: string, today: string): SQL {
  return and(
    eq(proposals.committeeId, committeeId),
    eq(proposals.state, 'evaluating'),
    lt(proposals.feedbackDueOn, today),
    sql`not ${hasDecisiveRating}`,
  ) as SQL;
}

/**
 * Closes, as **not rated** (`closeReason 'not_rated'`, never as satisfied), every proposal of the committee
 * whose feedback window (`feedbackDueOn`, a Beijing date) ended before `today` with no decisive rating —
 * the workflow's `expire_feedback`, taken by the system. One transaction and one audit row (no actor,
 * request id `system`) per proposal; each is locked and checked again, so two sweeps close it once.
 * Returns the ids closed.
 */
export async function closeUnratedProposals(db: Db, committeeId: string, today: string, now = new Date()) {
  const candidates = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(expiredUnrated(committeeId, today));
  const closed: string[] = [];
  const t = proposalTransitions.expire_feedback;
  for (const { id } of candidates) {
    const done = await db.transaction(async (tx) => {
      const [p] = await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.id, id), expiredUnrated(committeeId, today)))
        .for('update');
      if (!p || !allowedFrom(proposalTransitions, 'expire_feedback', p.state)) return false;
      await tx
        .update(proposals)
        .set({
          state: t.to,
          closeReason: 'not_rated',
          closedAt: now,
          version: sql`${proposals.version} + 1`,
          updatedAt: now,
        })
        .where(eq(proposals.id, id));
      await recordAudit(tx, systemSource, {
        action: 'proposal.closed_not_rated',
        targetType: 'proposal',
        targetId: id,
        targetLabel: p.title,
        committeeId: p.committeeId,
        before: { state: p.state, feedbackDueOn: p.feedbackDueOn },
        after: { state: t.to, closeReason: 'not_rated' },
      });
      return true;
    });
    if (done) closed.push(id);
  }
  return closed;
}
