import { and, asc, eq, getTableColumns, inArray, isNotNull } from 'drizzle-orm';
import type { AssignmentMode, ProposalState } from '@tongxin/common/proposals/enums.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { handlerUnits, plenarySessions } from '../../org/schema.ts';
import { presentProposals } from '../../proposals/proposals.presenter.ts';
import { assignments, proposals, replyLetters } from '../../proposals/schema.ts';

/** One sent reply letter of a similar proposal: "此事已于2024年由市民政局答复". */
export interface SimilarReply {
  unitName: string;
  mode: AssignmentMode;
  sentAt: string;
  year: number;
}

export interface SimilarProposal {
  id: string;
  version: number;
  title: string;
  score: number;
  state: ProposalState;
  /** The review stage's name while under review (the review queue). */
  reviewStageName: string | null;
  sessionId: string | null;
  sessionName: string | null;
  /** The year the session opened (proposals of past years). */
  sessionYear: number | null;
  numberLabel: string | null;
  proposerName: string;
  submittedAt: string | null;
  /** Sent reply letters only: a draft reply is the unit's until it is sent. */
  replies: SimilarReply[];
  /** Where the web app opens the proposal (its replies are on the detail page). */
  link: string;
}

/**
 * Ranked ids → views the panels show. The ids come from queries already scoped by `visibleProposals`;
 * the presenter adds the session and proposer names, and only sent reply letters are listed, as anyone
 * who may read the proposal may read those.
 */
export async function presentSimilar(
  db: Db,
  actor: Actor,
  ranked: { id: string; score: number }[],
): Promise<SimilarProposal[]> {
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const { situation, analysis, suggestions, ...listColumns } = getTableColumns(proposals);
  const rows = await db.select(listColumns).from(proposals).where(inArray(proposals.id, ids));
  const sessionIds = [...new Set(rows.map((r) => r.sessionId).filter((s): s is string => Boolean(s)))];
  const [views, sessions, letters] = await Promise.all([
    presentProposals(
      db,
      actor,
      rows.map((r) => ({ ...r, situation: '', analysis: '', suggestions: '' })),
    ),
    sessionIds.length
      ? db
          .select({ id: plenarySessions.id, openDate: plenarySessions.openDate })
          .from(plenarySessions)
          .where(inArray(plenarySessions.id, sessionIds))
      : Promise.resolve([]),
    db
      .select({
        proposalId: replyLetters.proposalId,
        sentAt: replyLetters.sentAt,
        mode: assignments.mode,
        unitName: handlerUnits.name,
      })
      .from(replyLetters)
      .innerJoin(assignments, eq(assignments.id, replyLetters.assignmentId))
      .innerJoin(handlerUnits, eq(handlerUnits.id, assignments.handlerUnitId))
      .where(
        and(
          inArray(replyLetters.proposalId, ids),
          eq(replyLetters.kind, 'reply'),
          isNotNull(replyLetters.sentAt),
        ),
      )
      .orderBy(asc(replyLetters.sentAt)),
  ]);
  const byId = new Map(views.map((v) => [v.id, v]));
  return ranked.flatMap((r) => {
    const v = byId.get(r.id);
    if (!v) return [];
    const openDate = sessions.find((s) => s.id === v.sessionId)?.openDate;
    return [
      {
        id: v.id,
        version: v.version,
        title: v.title,
        score: r.score,
        state: v.state,
        reviewStageName: v.reviewStageName,
        sessionId: v.sessionId,
        sessionName: v.sessionName,
        sessionYear: openDate ? Number(openDate.slice(0, 4)) : null,
        numberLabel: v.numberLabel,
        proposerName: v.proposerName,
        submittedAt: v.submittedAt,
        replies: letters
          .filter((l) => l.proposalId === r.id)
          .map((l) => ({
            unitName: l.unitName,
            mode: l.mode,
            sentAt: l.sentAt!.toISOString(),
            year: Number(shanghaiYear(l.sentAt!)),
          })),
        link: `/proposals/${v.id}`,
      },
    ];
  });
}

/** The calendar year in Beijing time (a letter sent at 00:30 on 1 January belongs to the new year). */
function shanghaiYear(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 4);
}
