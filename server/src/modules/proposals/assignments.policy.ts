import { and, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '@tongxin/common/roles.ts';
import {
  type AssignmentAction,
  type AssignmentState,
  assignmentTransitions,
  type Transition,
} from '@tongxin/common/proposals/workflow.ts';
import { type Actor, hasRole, scopeIds } from '../../platform/authz/actor.ts';
import {
  canProposal,
  memberIdsOf,
  type ProposalRelation,
  type ProposalRow,
  type SignerRow,
} from './proposals.policy.ts';
import { assignments, type proposerFeedback } from './schema.ts';

export type AssignmentRow = typeof assignments.$inferSelect;
export type FeedbackRow = typeof proposerFeedback.$inferSelect;

/** 交办机关 (proposals office, supervision office) and the chair's council follow every assignment. */
export const overseerRoles = ['proposal_staff', 'supervision_office', 'chair_council'] as const;

export function seesAllAssignments(actor: Actor): boolean {
  return hasRole(actor, ...overseerRoles);
}

/**
 * Every assignment query goes through this scope: overseers see the committee's assignments, a handler
 * unit's clerks and leaders only their unit's live ones (a task taken away by 改办 leaves with the proposal).
 */
export function visibleAssignments(actor: Actor): SQL {
  const units = scopeIds(actor, 'handler_clerk', 'handler_leader');
  const clauses: (SQL | undefined)[] = [];
  if (seesAllAssignments(actor)) clauses.push(sql`true`);
  if (units.length)
    clauses.push(and(inArray(assignments.handlerUnitId, units), ne(assignments.state, 'reassigned')));
  return and(
    eq(assignments.committeeId, actor.committeeId),
    clauses.length ? or(...clauses) : sql`false`,
  ) as SQL;
}

/** How the actor stands to one assignment: a clerk (经办人) or a leader (分管领导) of its unit. */
export interface UnitRelation {
  isClerk: boolean;
  isLeader: boolean;
}

export function unitRelation(actor: Actor, a: Pick<AssignmentRow, 'handlerUnitId'>): UnitRelation {
  return {
    isClerk: scopeIds(actor, 'handler_clerk').includes(a.handlerUnitId),
    isLeader: scopeIds(actor, 'handler_leader').includes(a.handlerUnitId),
  };
}

/** What some actions depend on besides the row itself. */
export interface AssignmentFacts {
  /** Today in Asia/Shanghai (YYYY-MM-DD). */
  today: string;
  /** For a co unit: the state of the proposal's live lead assignment, whose reply it co-signs. */
  leadState?: AssignmentState | null;
  /** For a co unit: it has already co-signed the lead unit's current reply. */
  cosigned?: boolean;
  /** An extension request of this assignment waits for a decision. */
  pendingExtension?: boolean;
  /** The unit has objected to this task before (an upheld objection is not raised twice). */
  objectedBefore?: boolean;
}

export type Verdict = 'ok' | 'forbidden' | 'wrong_state' | 'deadline_passed';

export const effectiveDue = (a: Pick<AssignmentRow, 'dueOn' | 'extendedDueOn'>) => a.extendedDueOn ?? a.dueOn;
export const isLive = (a: Pick<AssignmentRow, 'state'>) => a.state !== 'reassigned';
/** Lead, sole and split units answer the proposer; a co unit sends its opinion to the lead unit. */
export const answersProposer = (a: Pick<AssignmentRow, 'mode'>) => a.mode !== 'co';
/** A task whose part is done: the reply or the co-handling opinion has gone out. */
export const doneStates: AssignmentState[] = ['sent', 'opinion_sent', 'reassigned'];

/**
 * Who-state-rule in one answer, from `assignmentTransitions`: not among `who` → forbidden (403); `from`
 * does not hold the state → wrong_state (409); then the rules of single actions. Commands turn the
 * verdict into the error; `assignmentAbilities` turns it into the buttons.
 */
export function checkAssignment(
  actor: Actor,
  action: AssignmentAction,
  a: AssignmentRow,
  facts: AssignmentFacts,
): Verdict {
  const t = assignmentTransitions[action] as Transition<AssignmentState>;
  const rel = unitRelation(actor, a);
  const allowed = t.who.some((w) =>
    w === 'unit_clerk' ? rel.isClerk : w === 'unit_leader' ? rel.isLeader : hasRole(actor, w as Role),
  );
  if (!allowed) return 'forbidden';
  // 会签 is taken on the co unit's own task while the lead unit's reply waits in `cosigning`.
  const state = action === 'cosign' ? facts.leadState : a.state;
  if (!state || !t.from.includes(state)) return 'wrong_state';
  return actionRule(actor, action, a, rel, facts);
}

function actionRule(
  actor: Actor,
  action: AssignmentAction,
  a: AssignmentRow,
  rel: UnitRelation,
  facts: AssignmentFacts,
): Verdict {
  switch (action) {
    case 'object':
      if (facts.objectedBefore) return 'wrong_state';
      return a.objectionDueOn && facts.today > a.objectionDueOn ? 'deadline_passed' : 'ok';
    case 'send_opinion':
      return a.mode === 'co' ? 'ok' : 'forbidden';
    case 'draft_reply':
    case 'submit_reply':
    case 'rehandle':
      return answersProposer(a) ? 'ok' : 'forbidden';
    case 'cosign':
      if (a.mode !== 'co') return 'forbidden';
      return (a.state === 'handling' || a.state === 'opinion_sent') && !facts.cosigned ? 'ok' : 'wrong_state';
    case 'return_to_drafter':
      // The leader returns what waits for 签发, the supervision office what waits for its review.
      return (a.state === 'leader_signoff' ? rel.isLeader : hasRole(actor, 'supervision_office'))
        ? 'ok'
        : 'forbidden';
    case 'request_extension':
      if (facts.today > effectiveDue(a)) return 'deadline_passed';
      return facts.pendingExtension ? 'wrong_state' : 'ok';
    default:
      return 'ok';
  }
}

/**
 * The buttons of one task: every action of the table except 重新办理, which is ordered on the proposal
 * (after the lead proposer's 不满意) and shows as the proposal's `abilities.rehandle`.
 */
export function assignmentAbilities(
  actor: Actor,
  a: AssignmentRow,
  facts: AssignmentFacts,
): Record<Exclude<AssignmentAction, 'rehandle'>, boolean> {
  const out = {} as Record<AssignmentAction, boolean>;
  for (const action of Object.keys(assignmentTransitions) as AssignmentAction[]) {
    if (action !== 'rehandle') out[action] = checkAssignment(actor, action, a, facts) === 'ok';
  }
  return out;
}

// ------------------------------------------------------------------ the proposal's side of handling

/** The handling round of a proposal: 2 after 重新办理. Co units keep round 1. */
export function currentRound(asg: Pick<AssignmentRow, 'mode' | 'state' | 'round'>[]): number {
  return Math.max(1, ...asg.filter((a) => isLive(a) && answersProposer(a)).map((a) => a.round));
}

/** The rating that decides: the lead proposer's, or the collective's (no member). */
export function decisiveRating(p: ProposalRow, feedback: FeedbackRow[], round: number) {
  return feedback.find(
    (f) => f.proposalId === p.id && f.round === round && f.memberId === (p.leadMemberId ?? null),
  );
}

/** The actor works for a unit that handles the proposal: such a person may never rate it. */
export function handlesProposal(actor: Actor, asg: Pick<AssignmentRow, 'handlerUnitId' | 'state'>[]) {
  const units = scopeIds(actor, 'handler_clerk', 'handler_leader');
  return asg.some((a) => isLive(a) && units.includes(a.handlerUnitId));
}

export interface Rater {
  /** The member rated for; null = the collective proposer. */
  memberId: string | null;
  /** The lead's (or the collective's) rating decides the outcome; a co-signer's is for statistics. */
  decisive: boolean;
  byStaff: boolean;
}

/**
 * Whose rating the actor records: their own as lead proposer, collective liaison or confirmed co-signer,
 * or — proposal staff — a signer's paper form. `needs_member` = staff must say for whom.
 */
export function raterOf(
  actor: Actor,
  p: ProposalRow,
  rel: ProposalRelation,
  signers: SignerRow[],
  onBehalfOf?: string | null,
): Rater | 'forbidden' | 'needs_member' | 'not_a_signer' {
  const staff = hasRole(actor, 'proposal_staff');
  if (onBehalfOf) {
    if (!staff) return 'forbidden';
    const s = signers.find((x) => x.memberId === onBehalfOf);
    const confirmed = s && (s.role === 'lead' || (s.confirmedAt && !s.declinedAt && !s.droppedAt));
    if (!confirmed) return 'not_a_signer';
    return { memberId: onBehalfOf, decisive: onBehalfOf === p.leadMemberId, byStaff: true };
  }
  if (rel.isProposer) return { memberId: p.leadMemberId ?? null, decisive: true, byStaff: false };
  const mine = memberIdsOf(actor);
  const own = signers.find(
    (s) =>
      s.role === 'cosigner' && mine.includes(s.memberId) && s.confirmedAt && !s.declinedAt && !s.droppedAt,
  );
  if (own) return { memberId: own.memberId, decisive: false, byStaff: false };
  if (staff) return p.leadMemberId ? 'needs_member' : { memberId: null, decisive: true, byStaff: true };
  return 'forbidden';
}

export type RatingVerdict = 'ok' | 'wrong_state' | 'deadline_passed' | 'already_rated';

/** Whether a rating for `rater` may be recorded now (state, window, once per round). */
export function ratingVerdict(
  p: ProposalRow,
  rater: Rater,
  feedback: FeedbackRow[],
  round: number,
  today: string,
): RatingVerdict {
  if (!p.feedbackDueOn) return 'wrong_state';
  if (rater.decisive ? p.state !== 'evaluating' : p.state !== 'evaluating' && p.state !== 'closed')
    return 'wrong_state';
  if (today > p.feedbackDueOn) return 'deadline_passed';
  const done = feedback.some(
    (f) => f.proposalId === p.id && f.round === round && f.memberId === rater.memberId,
  );
  return done ? 'already_rated' : 'ok';
}

/** The lead and confirmed co-signers who have not rated `round` yet (whose paper forms staff may enter). */
export function unratedSigners(p: ProposalRow, signers: SignerRow[], feedback: FeedbackRow[], round: number) {
  return signers.filter(
    (s) =>
      (s.role === 'lead' || (s.confirmedAt && !s.declinedAt && !s.droppedAt)) &&
      !feedback.some((f) => f.proposalId === p.id && f.round === round && f.memberId === s.memberId),
  );
}

export interface HandlingContext {
  today: string;
  /** Every assignment of the proposal (reassigned ones included). */
  assignments: AssignmentRow[];
  feedback: FeedbackRow[];
}

/** 重新办理 after the lead's 不满意 with the first reply; 协商办结 after a 不满意 with the second. */
export function followUpAllowed(p: ProposalRow, ctx: HandlingContext, action: 'rehandle' | 'close') {
  const round = currentRound(ctx.assignments);
  const decided = decisiveRating(p, ctx.feedback, round)?.overall === 'dissatisfied';
  return decided && (action === 'rehandle' ? round === 1 : round >= 2);
}

/** The abilities of the proposal that depend on its handling (they refine the table's answer). */
export function handlingAbilities(
  actor: Actor,
  p: ProposalRow,
  rel: ProposalRelation,
  signers: SignerRow[],
  ctx: HandlingContext,
) {
  const round = currentRound(ctx.assignments);
  let rate = canProposal(actor, 'rate', p, rel) && !handlesProposal(actor, ctx.assignments);
  if (rate) {
    const rater = raterOf(actor, p, rel, signers);
    if (rater === 'needs_member') {
      // Staff enter paper forms while some confirmed signer of this round has not rated yet.
      rate =
        Boolean(p.feedbackDueOn && ctx.today <= p.feedbackDueOn) &&
        unratedSigners(p, signers, ctx.feedback, round).length > 0;
    } else {
      rate = typeof rater === 'object' && ratingVerdict(p, rater, ctx.feedback, round, ctx.today) === 'ok';
    }
  }
  return {
    rate,
    rehandle: canProposal(actor, 'rehandle', p, rel) && followUpAllowed(p, ctx, 'rehandle'),
    close: canProposal(actor, 'close', p, rel) && followUpAllowed(p, ctx, 'close'),
  };
}
