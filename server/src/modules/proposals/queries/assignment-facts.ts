import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import type { AssignmentFacts, AssignmentRow } from '../assignments.policy.ts';
import {
  assignmentObjections,
  assignments,
  extensionRequests,
  replyCosigns,
  replyLetters,
} from '../schema.ts';

/**
 * The facts the assignment policy needs beyond each row, for many rows in at most five queries: for co
 * units the state of the lead unit's task and whether they co-signed its current reply; open extension
 * requests; earlier objections.
 */
export async function loadAssignmentFacts(
  db: Db,
  rows: AssignmentRow[],
  today: string,
): Promise<Map<string, AssignmentFacts>> {
  const out = new Map<string, AssignmentFacts>(rows.map((a) => [a.id, { today }]));
  if (rows.length === 0) return out;
  const co = rows.filter((a) => a.mode === 'co');
  const proposalIds = [...new Set(co.map((a) => a.proposalId))];
  const leads = proposalIds.length
    ? await db
        .select()
        .from(assignments)
        .where(
          and(
            inArray(assignments.proposalId, proposalIds),
            eq(assignments.mode, 'lead'),
            ne(assignments.state, 'reassigned'),
          ),
        )
    : [];
  const letters = leads.length
    ? await db
        .select({ id: replyLetters.id, assignmentId: replyLetters.assignmentId, round: replyLetters.round })
        .from(replyLetters)
        .where(
          and(
            inArray(
              replyLetters.assignmentId,
              leads.map((l) => l.id),
            ),
            eq(replyLetters.kind, 'reply'),
          ),
        )
    : [];
  const current = letters.filter((l) => leads.some((a) => a.id === l.assignmentId && a.round === l.round));
  const cosigns =
    current.length && co.length
      ? await db
          .select({ letterId: replyCosigns.replyLetterId, assignmentId: replyCosigns.assignmentId })
          .from(replyCosigns)
          .where(
            and(
              inArray(
                replyCosigns.replyLetterId,
                current.map((l) => l.id),
              ),
              inArray(
                replyCosigns.assignmentId,
                co.map((a) => a.id),
              ),
            ),
          )
      : [];
  const pending = await db
    .select({ assignmentId: extensionRequests.assignmentId, round: extensionRequests.round })
    .from(extensionRequests)
    .where(
      and(
        inArray(
          extensionRequests.assignmentId,
          rows.map((a) => a.id),
        ),
        isNull(extensionRequests.decision),
      ),
    );
  const objected = await db
    .selectDistinct({ assignmentId: assignmentObjections.assignmentId })
    .from(assignmentObjections)
    .where(
      inArray(
        assignmentObjections.assignmentId,
        rows.map((a) => a.id),
      ),
    );
  for (const a of rows) {
    const facts = out.get(a.id)!;
    // Only the current round's: an earlier round's open request never blocks a new one.
    facts.pendingExtension = pending.some((p) => p.assignmentId === a.id && p.round === a.round);
    facts.objectedBefore = objected.some((o) => o.assignmentId === a.id);
    if (a.mode !== 'co') continue;
    const lead = leads.find((l) => l.proposalId === a.proposalId);
    const letter = current.find((l) => l.assignmentId === lead?.id);
    facts.leadState = lead?.state ?? null;
    facts.cosigned = Boolean(
      letter && cosigns.some((c) => c.letterId === letter.id && c.assignmentId === a.id),
    );
  }
  return out;
}
