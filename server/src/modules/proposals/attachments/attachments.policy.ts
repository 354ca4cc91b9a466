import { type Actor, hasRole, scopeIds } from '../../../platform/authz/actor.ts';
import type { AssignmentRow } from '../assignments.policy.ts';
import { unitRelation } from '../assignments.policy.ts';
import type { replyLetters } from '../schema.ts';

type LetterRow = typeof replyLetters.$inferSelect;

/**
 * Whether the actor, who may read the proposal, may read this reply letter — and so its scanned copy. The
 * same rule as the replies of the proposal's detail (`proposalHandling`): a sent reply is read by every
 * reader of the proposal (proposer, co-signers, staff, the supervision office); before it is sent only by
 * its own unit, the proposals office and the supervision office.
 */
export function replyReadable(actor: Actor, letter: Pick<LetterRow, 'sentAt'>, unitId: string): boolean {
  if (letter.sentAt !== null) return true;
  if (hasRole(actor, 'proposal_staff', 'supervision_office')) return true;
  return scopeIds(actor, 'handler_clerk', 'handler_leader').includes(unitId);
}

export type ScanVerdict = 'ok' | 'forbidden' | 'wrong_state';

/**
 * Who may add or remove the scanned signed copy of a reply letter, and when. Its clerks and leaders, on
 * the unit's current reply (答复函, not a 会办意见). A scan is of the signed and sealed paper, so it is added
 * after the leader's 签发 while the supervision office reviews (`supervision_review`), and is part of what
 * that office approves; once the letter is sent the scan goes out with it and is read-only. Removing is
 * also allowed while the letter is back with the drafter (a returned letter's old scan is stale).
 */
export function scanVerdict(
  actor: Actor,
  letter: Pick<LetterRow, 'kind' | 'round' | 'signedAt' | 'sentAt'>,
  a: Pick<AssignmentRow, 'handlerUnitId' | 'state' | 'round'>,
  op: 'add' | 'remove',
): ScanVerdict {
  const rel = unitRelation(actor, a);
  if (!rel.isClerk && !rel.isLeader) return 'forbidden';
  if (letter.kind !== 'reply' || letter.round !== a.round || letter.sentAt !== null) return 'wrong_state';
  if (op === 'remove') return 'ok';
  return a.state === 'supervision_review' && letter.signedAt !== null ? 'ok' : 'wrong_state';
}
