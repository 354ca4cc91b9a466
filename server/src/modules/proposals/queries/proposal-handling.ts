import { asc, eq, inArray } from 'drizzle-orm';
import { type Actor, hasRole, scopeIds } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { iso } from '../../org/resources/present-helpers.ts';
import { users } from '../../auth/schema.ts';
import { members } from '../../org/schema.ts';
import { unitNames } from '../assignments.presenter.ts';
import { currentRound, decisiveRating, isLive, overseerRoles } from '../assignments.policy.ts';
import { type ProposalRow, relationOf, type SignerRow } from '../proposals.policy.ts';
import { presentLetters } from '../replies.presenter.ts';
import { assignments, proposalConsultations, proposerFeedback, replyLetters } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';

const modeOrder = { sole: 0, lead: 1, split: 2, co: 3 } as const;

/**
 * The handling part of a proposal's detail: its units and their deadlines (everyone who reads the
 * proposal), its replies (sent ones for every reader; drafts only for the unit itself, the proposals office
 * and the supervision office; contact details only for those involved) and its ratings (for the signers
 * and the overseers).
 */
export async function proposalHandling(db: Db, actor: Actor, p: ProposalRow, signers: SignerRow[]) {
  const asg = (
    await db
      .select()
      .from(assignments)
      .where(eq(assignments.proposalId, p.id))
      .orderBy(asc(assignments.assignedAt), asc(assignments.id))
  ).sort((x, y) => x.assignedAt.getTime() - y.assignedAt.getTime() || modeOrder[x.mode] - modeOrder[y.mode]);
  const names = await unitNames(
    db,
    asg.map((a) => a.handlerUnitId),
  );
  const rel = relationOf(actor, p, signers);
  const signer = rel.isProposer || rel.isCosigner;
  const myUnits = scopeIds(actor, 'handler_clerk', 'handler_leader');
  const overseer = hasRole(actor, ...overseerRoles);
  const draftReader = hasRole(actor, 'proposal_staff', 'supervision_office');
  const handles = asg.some((a) => isLive(a) && myUnits.includes(a.handlerUnitId));
  const involved = signer || overseer || handles;
  const rules = await loadRules(db, p.committeeId);
  const letters = (
    await db
      .select()
      .from(replyLetters)
      .where(eq(replyLetters.proposalId, p.id))
      .orderBy(asc(replyLetters.round), asc(replyLetters.createdAt))
  ).filter((l) => {
    if (l.kind !== 'reply') return false;
    const unit = asg.find((a) => a.id === l.assignmentId)?.handlerUnitId ?? '';
    return l.sentAt !== null || draftReader || myUnits.includes(unit);
  });
  const feedback =
    signer || overseer
      ? await db
          .select()
          .from(proposerFeedback)
          .where(eq(proposerFeedback.proposalId, p.id))
          .orderBy(asc(proposerFeedback.round), asc(proposerFeedback.submittedAt))
      : [];
  const memberIds = feedback.map((f) => f.memberId).filter((m): m is string => !!m);
  const memberNames = memberIds.length
    ? new Map(
        (
          await db
            .select({ id: members.id, name: members.name })
            .from(members)
            .where(inArray(members.id, memberIds))
        ).map((m) => [m.id, m.name]),
      )
    : new Map<string, string>();
  // Who entered a paper form (staff) is shown beside it; the signer's own entries need no name.
  const enteredBy = [...new Set(feedback.filter((f) => f.recordedByStaff).map((f) => f.raterUserId))];
  const enteredNames = await namesOfUsers(db, enteredBy);
  const [consultation] = await db
    .select()
    .from(proposalConsultations)
    .where(eq(proposalConsultations.proposalId, p.id));
  const recorderName = consultation
    ? (await namesOfUsers(db, [consultation.recordedByUserId])).get(consultation.recordedByUserId)
    : undefined;
  const round = currentRound(asg);
  return {
    round,
    assignments: asg.map((a) => ({
      id: a.id,
      handlerUnit: { id: a.handlerUnitId, name: names.get(a.handlerUnitId) ?? '' },
      mode: a.mode,
      state: a.state,
      round: a.round,
      roundStartedAt: iso(a.roundStartedAt),
      assignedAt: iso(a.assignedAt),
      receivedAt: iso(a.receivedAt),
      dueOn: a.dueOn,
      extendedDueOn: a.extendedDueOn,
      completedAt: iso(a.completedAt),
      reassignedToId: a.reassignedToId,
    })),
    replies: await presentLetters(db, letters, {
      resultClasses: rules.resultClasses,
      withContact: involved,
      internal: overseer || handles,
    }),
    feedback: feedback.map((f) => ({
      id: f.id,
      round: f.round,
      memberId: f.memberId,
      raterName: f.memberId ? (memberNames.get(f.memberId) ?? '') : '提案单位',
      decisive: decisiveRating(p, [f], f.round) !== undefined,
      overall: f.overall,
      consultedBeforeReply: f.consultedBeforeReply,
      handlerAttitude: f.handlerAttitude,
      agreesWithResult: f.agreesWithResult,
      replyOnPoint: f.replyOnPoint,
      visitHappened: f.visitHappened,
      comment: f.comment,
      recordedByStaff: f.recordedByStaff,
      enteredByName: f.recordedByStaff ? (enteredNames.get(f.raterUserId) ?? '') : null,
      submittedAt: iso(f.submittedAt),
    })),
    // 协商办结: for those involved (signers, overseers, the handling units), like the ratings it answers.
    consultation:
      consultation && involved
        ? {
            round: consultation.round,
            heldOn: consultation.heldOn,
            form: consultation.form,
            participants: consultation.participants,
            outcome: consultation.outcome,
            recordedByName: recorderName ?? '',
            recordedAt: iso(consultation.createdAt),
          }
        : null,
  };
}

async function namesOfUsers(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((u) => [u.id, u.name]));
}
