import { and, eq, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm';
import {
  type ProposalAction,
  proposalTransitions,
  type Transition,
} from '@tongxin/common/proposals/workflow.ts';
import type { ProposalState } from '@tongxin/common/proposals/enums.ts';
import { type Actor, hasRole, scopeIds } from '../../platform/authz/actor.ts';
import { inIds } from '../../platform/db/id-list.ts';
import { assignments, proposalSigners, proposals } from './schema.ts';

export type ProposalRow = typeof proposals.$inferSelect;
export type SignerRow = typeof proposalSigners.$inferSelect;

/** States in which a proposal is part of the committee's record that every member may read. */
export const filedStates: ProposalState[] = [
  'filed',
  'assigned',
  'handling',
  'evaluating',
  'rehandling',
  'closed',
];

/** Roles that read every submitted proposal (not other people's drafts). */
const reviewerRoles = ['proposal_staff', 'sysadmin', 'chair_council'] as const;
/** Roles that read the filed record (list and replies of all filed proposals). */
const recordReaders = [
  'member',
  'standing_member',
  'unit_liaison',
  'office_staff',
  'info_staff',
  'liaison_staff',
  'committee_staff',
  'supervision_office',
] as const;

export const memberIdsOf = (actor: Actor) => scopeIds(actor, 'member', 'standing_member');

/**
 * Whether the actor reads at least the whole filed record — most of any committee's proposals — rather than
 * a few (a handler unit's own). The search ranks such a wide scope differently (`search-candidates.ts`).
 */
export function readsFiledRecord(actor: Actor): boolean {
  return hasRole(actor, ...reviewerRoles, ...recordReaders);
}

/**
 * Every proposal query goes through this scope. A draft is seen only by its author, its proposer and its
 * invited co-signers; a handler unit sees only proposals assigned to it; the filed record is readable by
 * members and staff.
 *
 * `among`: when the caller checks a few known proposals (a search's candidates) and selects nothing else,
 * their ids: the same scope for those rows, with the unit's subquery read for those ids only instead of
 * for all of a busy unit's tasks.
 */
export function visibleProposals(actor: Actor, among?: readonly string[]): SQL {
  const handlerUnitIds = scopeIds(actor, 'handler_clerk', 'handler_leader');
  const clauses: (SQL | undefined)[] = [ownProposals(actor)];
  if (readsAllSubmitted(actor)) clauses.push(notInArray(proposals.state, ['draft', 'cosigning']));
  if (hasRole(actor, ...recordReaders)) clauses.push(inArray(proposals.state, filedStates));
  if (handlerUnitIds.length)
    clauses.push(sql`${proposals.id} in (${unitProposalIds(handlerUnitIds, among)})`);
  return and(eq(proposals.committeeId, actor.committeeId), or(...clauses)) as SQL;
}

/** The proposals assigned to these handler units (every task but one moved to another unit), as ids. */
function unitProposalIds(handlerUnitIds: string[], among?: readonly string[]): SQL {
  return sql`select proposal_id from ${assignments} where handler_unit_id in ${handlerUnitIds} and state <> 'reassigned'${
    among ? sql` and ${inIds(sql`proposal_id`, among)}` : sql``
  }`;
}

/**
 * The actor's own proposals, in any state: those they created, lead or co-sign (not declined), and their
 * unit's collective ones. Part of `visibleProposals`; the committee is checked there.
 */
export function ownProposals(actor: Actor): SQL {
  const mine = memberIdsOf(actor);
  const units = scopeIds(actor, 'unit_liaison');
  const clauses: (SQL | undefined)[] = [eq(proposals.createdByUserId, actor.userId)];
  if (mine.length) {
    clauses.push(
      inArray(proposals.leadMemberId, mine),
      sql`${proposals.id} in (select proposal_id from ${proposalSigners} where member_id in ${mine} and declined_at is null)`,
    );
  }
  if (units.length) clauses.push(inArray(proposals.leadUnitId, units));
  return or(...clauses) as SQL;
}

/**
 * The same proposals as `ownProposals`, as a subquery of ids whose every part is read from an index (an OR
 * with a subquery, as in `ownProposals`, can only be checked row by row). For finding the few own
 * proposals among many; the two must agree (proposals.policy.test.ts).
 */
export function ownProposalIds(actor: Actor): SQL {
  const mine = memberIdsOf(actor);
  const units = scopeIds(actor, 'unit_liaison');
  const parts: SQL[] = [sql`select id from ${proposals} where created_by_user_id = ${actor.userId}`];
  if (mine.length) {
    parts.push(
      sql`select id from ${proposals} where lead_member_id in ${mine}`,
      sql`select proposal_id from ${proposalSigners} where member_id in ${mine} and declined_at is null`,
    );
  }
  if (units.length) parts.push(sql`select id from ${proposals} where lead_unit_id in ${units}`);
  return sql.join(parts, sql` union `);
}

/** Whether the actor reads every submitted proposal (everything but other people's drafts). */
export function readsAllSubmitted(actor: Actor): boolean {
  return hasRole(actor, ...reviewerRoles);
}

/** How the actor stands to one proposal. */
export interface ProposalRelation {
  isProposer: boolean;
  /** Invited co-signer who has not declined (and not dropped). */
  isCosigner: boolean;
  /** Invited and not yet answered. */
  cosignPending: boolean;
  isAuthorStaff: boolean;
}

export function relationOf(actor: Actor, p: ProposalRow, signers: SignerRow[]): ProposalRelation {
  const mine = memberIdsOf(actor);
  const own = signers.find((s) => mine.includes(s.memberId) && s.role === 'cosigner');
  const isCollectiveLiaison = p.leadUnitId !== null && scopeIds(actor, 'unit_liaison').includes(p.leadUnitId);
  const isLead = p.leadMemberId !== null && mine.includes(p.leadMemberId);
  return {
    isProposer: isLead || isCollectiveLiaison || (p.createdByUserId === actor.userId && !p.enteredOnBehalf),
    isCosigner: Boolean(own && !own.declinedAt && !own.droppedAt),
    cosignPending: Boolean(own && !own.confirmedAt && !own.declinedAt && !own.droppedAt),
    isAuthorStaff: p.enteredOnBehalf && p.createdByUserId === actor.userId,
  };
}

/** Whether the actor is among the `who` of a transition (the state is checked separately). */
export function isAllowedActor(actor: Actor, t: Transition<string>, rel: ProposalRelation): boolean {
  return t.who.some((w) => {
    if (w === 'proposer') return rel.isProposer;
    if (w === 'cosigner') return rel.isCosigner;
    if (w === 'unit_clerk' || w === 'unit_leader') return false;
    if (w === 'proposal_staff' && hasRole(actor, 'proposal_staff')) return true;
    return hasRole(actor, w);
  });
}

/** Extra conditions of single actions, on top of the table. */
function actionRule(action: ProposalAction, p: ProposalRow, rel: ProposalRelation, actor: Actor): boolean {
  switch (action) {
    case 'accept_cosign':
    case 'decline_cosign':
      return rel.cosignPending;
    case 'edit':
    case 'submit':
      // Staff edit or submit only what they entered on a member's behalf.
      return rel.isProposer || (hasRole(actor, 'proposal_staff') && p.enteredOnBehalf);
    default:
      return true;
  }
}

/** Who-and-state in one answer: what the API enforces and what fills `abilities` for the buttons. */
export function canProposal(
  actor: Actor,
  action: ProposalAction,
  p: ProposalRow,
  rel: ProposalRelation,
): boolean {
  const t = proposalTransitions[action] as Transition<ProposalState>;
  return t.from.includes(p.state) && isAllowedActor(actor, t, rel) && actionRule(action, p, rel, actor);
}

export function proposalAbilities(
  actor: Actor,
  p: ProposalRow,
  rel: ProposalRelation,
): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const action of Object.keys(proposalTransitions) as ProposalAction[]) {
    out[action] = canProposal(actor, action, p, rel);
  }
  return out;
}

export function proposalGlobalAbilities(actor: Actor): Record<string, boolean> {
  return {
    'proposals.draft': hasRole(actor, 'member', 'standing_member', 'unit_liaison', 'proposal_staff'),
    'proposals.review': hasRole(actor, 'proposal_staff'),
    'proposals.read': true,
    'proposals.rules': hasRole(actor, 'sysadmin', 'proposal_staff'),
    'assignments.read': hasRole(
      actor,
      'handler_clerk',
      'handler_leader',
      'supervision_office',
      'proposal_staff',
      'chair_council',
    ),
    'assignments.supervise': hasRole(actor, 'supervision_office', 'proposal_staff'),
  };
}
