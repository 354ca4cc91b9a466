import { and, eq } from 'drizzle-orm';
import type { AssignmentAction } from '@tongxin/common/proposals/workflow.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import {
  type AssignmentFacts,
  type AssignmentRow,
  checkAssignment,
  effectiveDue,
  type Verdict,
  visibleAssignments,
} from '../assignments.policy.ts';
import type { ProposalRow } from '../proposals.policy.ts';
import { assignments, proposals, replyLetters } from '../schema.ts';
import { loadAssignmentFacts } from '../queries/assignment-facts.ts';

export interface LoadedAssignment {
  assignment: AssignmentRow;
  proposal: ProposalRow;
  facts: AssignmentFacts;
  today: string;
}

/**
 * The first step of every assignment command: find the task the actor may see (404), lock its proposal
 * and then the task (always in this order, so two commands on one proposal never deadlock), then check
 * who may act (403), the state (409 WRONG_STATE), the action's deadline (409 DEADLINE_PASSED) and the
 * version the client saw (409 VERSION_CONFLICT). Several actions = each must be allowed.
 */
export async function loadAssignmentForAction(
  tx: Db,
  actor: Actor,
  id: string,
  actions: AssignmentAction | AssignmentAction[],
  opts: { now: Date; expectedVersion?: number },
): Promise<LoadedAssignment> {
  const [seen] = await tx
    .select({ proposalId: assignments.proposalId })
    .from(assignments)
    .where(and(eq(assignments.id, id), visibleAssignments(actor)));
  if (!seen) throw new AppError('NOT_FOUND');
  const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, seen.proposalId)).for('update');
  const [assignment] = await tx.select().from(assignments).where(eq(assignments.id, id)).for('update');
  if (!proposal || !assignment) throw new AppError('NOT_FOUND');
  const today = shanghaiDate(opts.now);
  const facts = (await loadAssignmentFacts(tx, [assignment], today)).get(id)!;
  for (const action of Array.isArray(actions) ? actions : [actions]) {
    throwUnless(checkAssignment(actor, action, assignment, facts), {
      action,
      state: assignment.state,
      deadline: action === 'object' ? assignment.objectionDueOn : effectiveDue(assignment),
    });
  }
  if (opts.expectedVersion !== undefined && assignment.version !== opts.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', {
      currentVersion: assignment.version,
      expectedVersion: opts.expectedVersion,
    });
  }
  return { assignment, proposal, facts, today };
}

function throwUnless(
  verdict: Verdict,
  info: { action: string; state: string; deadline: string | null },
): void {
  if (verdict === 'forbidden') throw new AppError('FORBIDDEN');
  if (verdict === 'wrong_state')
    throw new AppError('WRONG_STATE', { state: info.state, action: info.action });
  if (verdict === 'deadline_passed') throw new AppError('DEADLINE_PASSED', { deadline: info.deadline });
}

/** The reply letter of the task's current round (locked), or 409 when there is none to act on. */
export async function currentReply(tx: Db, a: AssignmentRow, action: string) {
  const [letter] = await tx
    .select()
    .from(replyLetters)
    .where(
      and(
        eq(replyLetters.assignmentId, a.id),
        eq(replyLetters.round, a.round),
        eq(replyLetters.kind, 'reply'),
      ),
    )
    .for('update');
  if (!letter) throw new AppError('WRONG_STATE', { state: a.state, action });
  return letter;
}
