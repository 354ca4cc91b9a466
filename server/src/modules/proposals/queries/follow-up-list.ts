import { and, desc, eq, gte, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { iso } from '../../org/resources/present-helpers.ts';
import { proposalBriefs, unitNames } from '../assignments.presenter.ts';
import { seesAllAssignments } from '../assignments.policy.ts';
import { visibleProposals } from '../proposals.policy.ts';
import { assignments, proposals, replyLetters } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';

/**
 * 回头看 (P20): proposals closed in `year` (Beijing time) whose final reply — the last one sent by a live
 * answering unit — was not in the first result class (B 正在解决/列入计划, C 留作参考 by default), to be
 * followed up next year. For the proposals office, the supervision office and the chair's council.
 */
export async function followUpList(
  db: Db,
  actor: Actor,
  q: { year: number; page: number; pageSize: number },
) {
  if (!seesAllAssignments(actor)) throw new AppError('FORBIDDEN');
  const rules = await loadRules(db, actor.committeeId);
  const followed = rules.resultClasses.slice(1).map((c) => c.code);
  if (followed.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  // The final reply of each live answering unit: its sent reply of the highest round.
  const finals = db
    .selectDistinctOn([replyLetters.assignmentId], {
      proposalId: replyLetters.proposalId,
      assignmentId: replyLetters.assignmentId,
      resultClass: replyLetters.resultClass,
      sentAt: replyLetters.sentAt,
    })
    .from(replyLetters)
    .innerJoin(assignments, eq(assignments.id, replyLetters.assignmentId))
    .where(
      and(
        eq(replyLetters.kind, 'reply'),
        isNotNull(replyLetters.sentAt),
        sql`${assignments.state} <> 'reassigned'`,
        eq(replyLetters.committeeId, actor.committeeId),
      ),
    )
    .orderBy(replyLetters.assignmentId, desc(replyLetters.round))
    .as('finals');
  const where = and(
    visibleProposals(actor),
    eq(proposals.state, 'closed'),
    gte(proposals.closedAt, new Date(`${q.year}-01-01T00:00:00+08:00`)),
    lt(proposals.closedAt, new Date(`${q.year + 1}-01-01T00:00:00+08:00`)),
    sql`${proposals.id} in (select ${finals.proposalId} from ${finals} where ${inArray(finals.resultClass, followed)})`,
  ) as SQL;
  const rows = await db
    .select({ id: proposals.id, closedAt: proposals.closedAt, closeReason: proposals.closeReason })
    .from(proposals)
    .where(where)
    .orderBy(proposals.number, proposals.id)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(proposals).where(where);
  const ids = rows.map((r) => r.id);
  const [briefs, replies] = [
    await proposalBriefs(db, ids),
    ids.length ? await db.select().from(finals).where(inArray(finals.proposalId, ids)) : [],
  ];
  const owners = ids.length
    ? await db
        .select({ id: assignments.id, unitId: assignments.handlerUnitId })
        .from(assignments)
        .where(inArray(assignments.proposalId, ids))
    : [];
  const unitOf = new Map(owners.map((a) => [a.id, a.unitId]));
  const units = await unitNames(
    db,
    owners.map((a) => a.unitId),
  );
  return {
    items: rows.map((r) => ({
      proposal: briefs.get(r.id)!,
      closedAt: iso(r.closedAt),
      closeReason: r.closeReason,
      replies: replies
        .filter((x) => x.proposalId === r.id)
        .map((x) => ({
          handlerUnit: {
            id: unitOf.get(x.assignmentId) ?? null,
            name: units.get(unitOf.get(x.assignmentId) ?? '') ?? '',
          },
          resultClass: x.resultClass,
          resultClassLabel: rules.resultClasses.find((c) => c.code === x.resultClass)?.label ?? null,
          sentAt: iso(x.sentAt),
        })),
    })),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}
