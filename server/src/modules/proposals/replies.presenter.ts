import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { users } from '../auth/schema.ts';
import { iso } from '../org/resources/present-helpers.ts';
import { unitNames } from './assignments.presenter.ts';
import { assignments, replyCosigns, type replyLetters } from './schema.ts';

export type LetterRow = typeof replyLetters.$inferSelect;

/**
 * Reply letters (答复函, 会办意见) → views with the unit, who drafted and signed, the 会签 of each co unit and
 * the result class's label. `withContact: false` drops the contact person and phone (readers who are not
 * involved); `internal: false` drops the working notes between the units and the supervision office
 * (会签 comments, review comments, who drafted) — what a proposer or a reader of the record sees.
 */
export async function presentLetters(
  db: Db,
  letters: LetterRow[],
  opts: { resultClasses: { code: string; label: string }[]; withContact: boolean; internal: boolean },
) {
  if (letters.length === 0) return [];
  const cosigns = await db
    .select()
    .from(replyCosigns)
    .where(
      inArray(
        replyCosigns.replyLetterId,
        letters.map((l) => l.id),
      ),
    );
  const owners = await db
    .select({ id: assignments.id, unitId: assignments.handlerUnitId, mode: assignments.mode })
    .from(assignments)
    .where(
      inArray(assignments.id, [...letters.map((l) => l.assignmentId), ...cosigns.map((c) => c.assignmentId)]),
    );
  const unitOf = new Map(owners.map((o) => [o.id, o.unitId]));
  const units = await unitNames(
    db,
    owners.map((o) => o.unitId),
  );
  const userIds = [
    ...new Set(letters.flatMap((l) => [l.draftedByUserId, l.signedByUserId]).filter((x): x is string => !!x)),
  ];
  const people = userIds.length
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
    : [];
  const nameOf = (id: string | null) => (id ? (people.find((u) => u.id === id)?.name ?? '') : null);
  const unitName = (assignmentId: string) => units.get(unitOf.get(assignmentId) ?? '') ?? '';
  return letters.map((l) => ({
    id: l.id,
    version: l.version,
    assignmentId: l.assignmentId,
    handlerUnit: { id: unitOf.get(l.assignmentId) ?? null, name: unitName(l.assignmentId) },
    kind: l.kind,
    round: l.round,
    docNumber: l.docNumber,
    body: l.body,
    resultClass: l.resultClass,
    resultClassLabel: opts.resultClasses.find((c) => c.code === l.resultClass)?.label ?? null,
    contactName: opts.withContact ? l.contactName : null,
    contactPhone: opts.withContact ? l.contactPhone : null,
    publishMode: l.publishMode,
    draftedByName: opts.internal ? nameOf(l.draftedByUserId) : null,
    signedByName: nameOf(l.signedByUserId),
    signedAt: iso(l.signedAt),
    supervisionStatus: opts.internal ? l.supervisionStatus : null,
    supervisionComment: opts.internal ? l.supervisionComment : null,
    sentAt: iso(l.sentAt),
    updatedAt: iso(l.updatedAt),
    cosigns: cosigns
      .filter((c) => opts.internal && c.replyLetterId === l.id)
      .map((c) => ({
        assignmentId: c.assignmentId,
        unitName: unitName(c.assignmentId),
        decision: c.decision,
        comment: c.comment,
        decidedAt: iso(c.decidedAt),
      })),
  }));
}
