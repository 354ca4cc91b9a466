import { and, asc, count, desc, eq, ilike, inArray, isNotNull, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { committees } from '../../platform/tenancy/schema.ts';
import { iso } from '../org/resources/present-helpers.ts';
import { sessionName } from '../org/resources/simple.ts';
import { handlerUnits, members, participatingUnits, plenarySessions, terms } from '../org/schema.ts';
import { filedStates } from '../proposals/proposals.policy.ts';
import { assignments, proposalSigners, proposals, replyLetters } from '../proposals/schema.ts';
import { likePattern } from '../org/queries/visible-org-records.ts';
import { loadRules } from '../proposals/settings/load-rules.ts';

/** The committee the public pages show: the one asked for, else the first one of the deployment. */
export async function publicCommittee(db: Db, committeeId?: string) {
  const [c] = committeeId
    ? await db.select().from(committees).where(eq(committees.id, committeeId))
    : await db.select().from(committees).orderBy(asc(committees.createdAt)).limit(1);
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

/**
 * The only scope of the public pages: filed proposals whose proposers consented to publication. Drafts,
 * unfiled proposals, contact details and 社情民意 never appear here.
 */
export function publicProposals(committeeId: string, extra: (SQL | undefined)[] = []): SQL {
  return and(
    eq(proposals.committeeId, committeeId),
    inArray(proposals.state, filedStates),
    eq(proposals.consentToPublish, true),
    ...extra,
  ) as SQL;
}

export async function listPublicProposals(
  db: Db,
  q: {
    committeeId?: string;
    q?: string;
    sessionId?: string;
    category?: string;
    page: number;
    pageSize: number;
  },
) {
  const committee = await publicCommittee(db, q.committeeId);
  const where = publicProposals(committee.id, [
    q.sessionId ? eq(proposals.sessionId, q.sessionId) : undefined,
    q.category ? eq(proposals.category, q.category as 'economy') : undefined,
    q.q?.trim() ? ilike(proposals.title, likePattern(q.q.trim())) : undefined,
  ]);
  const rows = await db
    .select()
    .from(proposals)
    .where(where)
    .orderBy(desc(proposals.filedAt), desc(proposals.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await db.select({ n: count() }).from(proposals).where(where);
  return {
    committee: { id: committee.id, name: committee.name },
    items: await presentPublic(db, rows, false),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getPublicProposal(db: Db, id: string, committeeId?: string) {
  const committee = await publicCommittee(db, committeeId);
  const [row] = await db
    .select()
    .from(proposals)
    .where(publicProposals(committee.id, [eq(proposals.id, id)]));
  if (!row) throw new AppError('NOT_FOUND');
  const [view] = await presentPublic(db, [row], true);
  return view;
}

type Row = typeof proposals.$inferSelect;

async function presentPublic(db: Db, rows: Row[], full: boolean) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [signers, sessions, asg, replies, rules] = await Promise.all([
    db
      .select({
        proposalId: proposalSigners.proposalId,
        role: proposalSigners.role,
        name: members.name,
        confirmedAt: proposalSigners.confirmedAt,
        declinedAt: proposalSigners.declinedAt,
        droppedAt: proposalSigners.droppedAt,
      })
      .from(proposalSigners)
      .innerJoin(members, eq(members.id, proposalSigners.memberId))
      .where(inArray(proposalSigners.proposalId, ids)),
    db
      .select({ id: plenarySessions.id, sessionNo: plenarySessions.sessionNo, termNo: terms.termNo })
      .from(plenarySessions)
      .innerJoin(terms, eq(terms.id, plenarySessions.termId))
      .where(eq(plenarySessions.committeeId, rows[0]!.committeeId)),
    db
      .select({ proposalId: assignments.proposalId, mode: assignments.mode, unit: handlerUnits.name })
      .from(assignments)
      .innerJoin(handlerUnits, eq(handlerUnits.id, assignments.handlerUnitId))
      .where(and(inArray(assignments.proposalId, ids), ne(assignments.state, 'reassigned'))),
    full
      ? db
          .select({
            proposalId: replyLetters.proposalId,
            round: replyLetters.round,
            body: replyLetters.body,
            resultClass: replyLetters.resultClass,
            publishMode: replyLetters.publishMode,
            sentAt: replyLetters.sentAt,
            unit: handlerUnits.name,
          })
          .from(replyLetters)
          .innerJoin(assignments, eq(assignments.id, replyLetters.assignmentId))
          .innerJoin(handlerUnits, eq(handlerUnits.id, assignments.handlerUnitId))
          .where(
            and(
              inArray(replyLetters.proposalId, ids),
              eq(replyLetters.kind, 'reply'),
              isNotNull(replyLetters.sentAt),
              ne(replyLetters.publishMode, 'none'),
            ),
          )
      : Promise.resolve([]),
    loadRules(db, rows[0]!.committeeId),
  ]);
  const leadIds = rows.map((r) => r.leadMemberId).filter((x): x is string => Boolean(x));
  const leads = leadIds.length
    ? await db
        .select({ id: members.id, name: members.name })
        .from(members)
        .where(inArray(members.id, leadIds))
    : [];
  const unitNames = rows.some((r) => r.leadUnitId)
    ? await db
        .select({ id: participatingUnits.id, name: participatingUnits.name })
        .from(participatingUnits)
        .where(
          inArray(
            participatingUnits.id,
            rows.map((r) => r.leadUnitId).filter((x): x is string => Boolean(x)),
          ),
        )
    : [];
  return rows.map((p) => {
    const s = sessions.find((x) => x.id === p.sessionId);
    const sName = s ? sessionName(s.termNo, s.sessionNo) : '';
    const cosigners = signers.filter(
      (x) => x.proposalId === p.id && x.role === 'cosigner' && x.confirmedAt && !x.declinedAt && !x.droppedAt,
    );
    const lead = leads.find((m) => m.id === p.leadMemberId)?.name;
    const people = [...(lead ? [lead] : []), ...cosigners.map((x) => x.name)];
    const base = {
      id: p.id,
      numberLabel: p.number ? `${sName}第${String(p.number).padStart(4, '0')}号` : null,
      sessionName: sName,
      title: p.title,
      category: p.category,
      proposerKind: p.proposerKind,
      proposers: p.leadUnitId ? [unitNames.find((u) => u.id === p.leadUnitId)?.name ?? ''] : people,
      handlerUnits: asg.filter((a) => a.proposalId === p.id).map((a) => ({ name: a.unit, mode: a.mode })),
      state: p.state,
      filedAt: iso(p.filedAt),
      hasReply: p.repliedAt !== null,
    };
    if (!full) return base;
    return {
      ...base,
      situation: p.situation,
      analysis: p.analysis,
      suggestions: p.suggestions,
      // Contact name and phone of the handling unit are never published.
      replies: replies
        .filter((r) => r.proposalId === p.id)
        .sort((a, b) => a.round - b.round)
        .map((r) => ({
          unit: r.unit,
          round: r.round,
          resultClass: r.resultClass,
          resultClassLabel: rules.resultClasses.find((c) => c.code === r.resultClass)?.label ?? null,
          body: r.publishMode === 'full' ? r.body : (r.body.split(/\n\s*\n/)[0] ?? '').slice(0, 300),
          summaryOnly: r.publishMode === 'summary',
          sentAt: iso(r.sentAt),
        })),
    };
  });
}
