import { and, eq, gte, inArray, isNotNull, lt, ne, type SQL } from 'drizzle-orm';
import type { ProposalState } from '@tongxin/common/proposals/enums.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import { dueInstant } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { filedStates, visibleProposals } from '../../proposals/proposals.policy.ts';
import {
  assignmentRounds,
  assignments,
  proposerFeedback,
  proposals,
  replyLetters,
} from '../../proposals/schema.ts';

export type Scope = { sessionId: string } | { year: number };

/** What the statistics need to know about one proposal, derived once from its rows. */
export interface ProposalFacts {
  id: string;
  state: ProposalState;
  proposerKind: string;
  category: string | null;
  leadUnitId: string | null;
  isKey: boolean;
  isFiled: boolean;
  /** Every required unit (lead/sole/split) has sent a reply. */
  replied: boolean;
  /**
   * …and every first reply was sent by the unit's (extended) due date of round 1. 按期办复 is about 办复, which
   * the first reply achieves; a second reply after 重新办理 neither earns nor loses it.
   */
  onTime: boolean;
  /** Result class of each required unit's latest sent reply. */
  resultClasses: string[];
  /** The deciding rating (lead proposer or collective liaison) of the latest rated round. */
  decisive: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  /** Every signer's rating of the latest rated round. */
  ratings: string[];
  notRated: boolean;
  units: { handlerUnitId: string; mode: string; replied: boolean; onTime: boolean }[];
}

const requiredModes = ['lead', 'sole', 'split'];

function scopeWhere(scope: Scope): SQL | undefined {
  if ('sessionId' in scope) return eq(proposals.sessionId, scope.sessionId);
  // A year is counted by submission date in China Standard Time.
  return and(
    gte(proposals.submittedAt, new Date(`${scope.year}-01-01T00:00:00+08:00`)),
    lt(proposals.submittedAt, new Date(`${scope.year + 1}-01-01T00:00:00+08:00`)),
  );
}

/**
 * Loads the proposals of a session or year that the actor may see, with their assignments, sent replies
 * and ratings, and classifies each once. Four queries whatever the size; the figures are sums over this.
 */
export async function loadProposalFacts(db: Db, actor: Actor, scope: Scope): Promise<ProposalFacts[]> {
  const inScope = and(
    visibleProposals(actor),
    isNotNull(proposals.submittedAt),
    ne(proposals.state, 'withdrawn'),
    scopeWhere(scope),
  ) as SQL;
  const rows = await db
    .select({
      id: proposals.id,
      state: proposals.state,
      proposerKind: proposals.proposerKind,
      category: proposals.category,
      leadUnitId: proposals.leadUnitId,
      leadMemberId: proposals.leadMemberId,
      isKey: proposals.isKey,
      closeReason: proposals.closeReason,
    })
    .from(proposals)
    .where(inScope);
  if (rows.length === 0) return [];
  // The child rows are selected by the same scope as a subquery: thousands of ids as parameters are slow.
  const ids = db.select({ id: proposals.id }).from(proposals).where(inScope);
  const [asg, replies, ratings, firstRounds] = await Promise.all([
    db
      .select()
      .from(assignments)
      .where(and(inArray(assignments.proposalId, ids), ne(assignments.state, 'reassigned'))),
    db
      .select({
        assignmentId: replyLetters.assignmentId,
        round: replyLetters.round,
        sentAt: replyLetters.sentAt,
        resultClass: replyLetters.resultClass,
      })
      .from(replyLetters)
      .where(
        and(
          inArray(replyLetters.proposalId, ids),
          eq(replyLetters.kind, 'reply'),
          isNotNull(replyLetters.sentAt),
        ),
      ),
    db
      .select({
        proposalId: proposerFeedback.proposalId,
        round: proposerFeedback.round,
        memberId: proposerFeedback.memberId,
        overall: proposerFeedback.overall,
        recordedByStaff: proposerFeedback.recordedByStaff,
        raterUserId: proposerFeedback.raterUserId,
      })
      .from(proposerFeedback)
      .where(inArray(proposerFeedback.proposalId, ids)),
    // Round 1's dates of the tasks that were re-handled (the task itself now carries round 2's).
    db
      .select({
        assignmentId: assignmentRounds.assignmentId,
        dueOn: assignmentRounds.dueOn,
        extendedDueOn: assignmentRounds.extendedDueOn,
      })
      .from(assignmentRounds)
      .innerJoin(assignments, eq(assignments.id, assignmentRounds.assignmentId))
      .where(and(inArray(assignments.proposalId, ids), eq(assignmentRounds.round, 1))),
  ]);
  const roundOne = new Map(firstRounds.map((r) => [r.assignmentId, r]));
  const asgBy = groupBy(asg, (a) => a.proposalId);
  const repliesBy = groupBy(replies, (r) => r.assignmentId);
  const ratingsBy = groupBy(ratings, (r) => r.proposalId);
  return rows.map((p) => {
    const units = (asgBy.get(p.id) ?? [])
      .filter((a) => requiredModes.includes(a.mode))
      .map((a) => {
        const sent = (repliesBy.get(a.id) ?? []).sort((x, y) => x.round - y.round);
        const first = sent.find((r) => r.round === 1) ?? sent[0];
        const r1 = roundOne.get(a.id) ?? a;
        const due = dueInstant(r1.extendedDueOn ?? r1.dueOn);
        return {
          handlerUnitId: a.handlerUnitId,
          mode: a.mode,
          replied: sent.length > 0,
          onTime: Boolean(first?.sentAt && first.sentAt <= due),
          latestClass: sent.at(-1)?.resultClass ?? null,
        };
      });
    const mine = ratingsBy.get(p.id) ?? [];
    const lastRound = Math.max(0, ...mine.map((r) => r.round));
    const latest = mine.filter((r) => r.round === lastRound);
    const decisive = p.leadMemberId
      ? latest.find((r) => r.memberId === p.leadMemberId)
      : latest.find((r) => r.memberId === null);
    const replied = units.length > 0 && units.every((u) => u.replied);
    return {
      id: p.id,
      state: p.state,
      proposerKind: p.proposerKind,
      category: p.category,
      leadUnitId: p.leadUnitId,
      isKey: p.isKey,
      isFiled: filedStates.includes(p.state),
      replied,
      onTime: replied && units.every((u) => u.onTime),
      resultClasses: units.map((u) => u.latestClass).filter((c): c is string => Boolean(c)),
      decisive: (decisive?.overall as ProposalFacts['decisive']) ?? null,
      ratings: latest.map((r) => r.overall),
      notRated: p.closeReason === 'not_rated',
      units: units.map(({ latestClass: _c, ...u }) => u),
    };
  });
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
