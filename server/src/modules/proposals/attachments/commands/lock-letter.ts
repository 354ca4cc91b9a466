import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../../platform/authz/actor.ts';
import type { Db } from '../../../../platform/db/connect.ts';
import { AppError } from '../../../../platform/http/app-error.ts';
import { visibleAssignments } from '../../assignments.policy.ts';
import { assignments, proposals, replyLetters } from '../../schema.ts';

/**
 * A reply letter whose task the actor may see (404 otherwise), locked with its proposal and task in the
 * order every assignment command locks them (proposal, task, letter), so no two commands deadlock.
 */
export async function lockLetter(tx: Db, actor: Actor, letterId: string) {
  const [seen] = await tx
    .select({ proposalId: assignments.proposalId, assignmentId: assignments.id })
    .from(replyLetters)
    .innerJoin(assignments, eq(assignments.id, replyLetters.assignmentId))
    .where(and(eq(replyLetters.id, letterId), visibleAssignments(actor)));
  if (!seen) throw new AppError('NOT_FOUND');
  const [proposal] = await tx.select().from(proposals).where(eq(proposals.id, seen.proposalId)).for('update');
  const [assignment] = await tx
    .select()
    .from(assignments)
    .where(eq(assignments.id, seen.assignmentId))
    .for('update');
  const [letter] = await tx.select().from(replyLetters).where(eq(replyLetters.id, letterId)).for('update');
  if (!proposal || !assignment || !letter) throw new AppError('NOT_FOUND');
  return { proposal, assignment, letter };
}
