import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor.ts';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/connect.ts';
import { iso } from '../org/resources/present-helpers.ts';
import { sessionName } from '../org/resources/simple.ts';
import {
  handlerUnits,
  members,
  participatingUnits,
  plenarySessions,
  sectors,
  specialCommittees,
  terms,
} from '../org/schema.ts';
import { handlingAbilities } from './assignments.policy.ts';
import { currentTime } from './clock.ts';
import { type ProposalRow, proposalAbilities, relationOf, type SignerRow } from './proposals.policy.ts';
import { assignments, proposalSigners, proposerFeedback } from './schema.ts';
import { loadRules } from './settings/load-rules.ts';
import { inIds } from '../../platform/db/id-list.ts';

async function names(
  db: Db,
  table:
    | typeof members
    | typeof participatingUnits
    | typeof specialCommittees
    | typeof sectors
    | typeof handlerUnits,
  ids: (string | null)[],
) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: table.id, name: table.name }).from(table).where(inIds(table.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Proposal rows → API views: display names of the proposer and session, the signers with their status,
 * the current review stage's name and the row's abilities. The only way proposals become JSON.
 */
export async function presentProposals(
  db: Db,
  actor: Actor,
  rows: ProposalRow[],
  opts: { withText?: boolean } = {},
) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const sessionIds = [...new Set(rows.map((r) => r.sessionId).filter((s): s is string => Boolean(s)))];
  // Rating, 重新办理 and 协商办结 depend on the units' rounds and the ratings given so far.
  const rated = rows.filter((r) => r.state === 'evaluating' || r.state === 'closed').map((r) => r.id);
  // Independent reads side by side (on PostgreSQL each takes its own pooled connection); only the members'
  // names wait, for the signers.
  const [signers, sessions, unitNames, committeeNames, sectorNames, handlerNames, rules, handled, ratings] =
    await Promise.all([
      db.select().from(proposalSigners).where(inIds(proposalSigners.proposalId, ids)),
      sessionIds.length
        ? db
            .select({ id: plenarySessions.id, sessionNo: plenarySessions.sessionNo, termNo: terms.termNo })
            .from(plenarySessions)
            .innerJoin(terms, eq(terms.id, plenarySessions.termId))
            .where(inArray(plenarySessions.id, sessionIds))
        : Promise.resolve([]),
      names(
        db,
        participatingUnits,
        rows.map((r) => r.leadUnitId),
      ),
      names(
        db,
        specialCommittees,
        rows.map((r) => r.leadSpecialCommitteeId),
      ),
      names(
        db,
        sectors,
        rows.map((r) => r.leadSectorId),
      ),
      names(
        db,
        handlerUnits,
        rows.flatMap((r) => r.suggestedHandlerUnitIds),
      ),
      loadRules(db, actor.committeeId),
      rated.length ? db.select().from(assignments).where(inIds(assignments.proposalId, rated)) : [],
      rated.length ? db.select().from(proposerFeedback).where(inIds(proposerFeedback.proposalId, rated)) : [],
    ]);
  const memberNames = await names(db, members, [
    ...rows.map((r) => r.leadMemberId),
    ...signers.map((s) => s.memberId),
  ]);
  const today = shanghaiDate(currentTime());
  return rows.map((p) => {
    const mine = signers.filter((s) => s.proposalId === p.id);
    const session = sessions.find((s) => s.id === p.sessionId);
    const sName = session ? sessionName(session.termNo, session.sessionNo) : null;
    const proposerName =
      (p.leadMemberId && memberNames.get(p.leadMemberId)) ||
      (p.leadUnitId && unitNames.get(p.leadUnitId)) ||
      (p.leadSpecialCommitteeId && committeeNames.get(p.leadSpecialCommitteeId)) ||
      (p.leadSectorId && sectorNames.get(p.leadSectorId)) ||
      p.leadGroupName ||
      '';
    const view = {
      id: p.id,
      version: p.version,
      sessionId: p.sessionId,
      sessionName: sName,
      number: p.number,
      numberLabel: p.number && sName ? `${sName}第${String(p.number).padStart(4, '0')}号` : null,
      intakeNo: p.intakeNo,
      timing: p.timing,
      proposerKind: p.proposerKind,
      proposerName,
      leadMemberId: p.leadMemberId,
      leadUnitId: p.leadUnitId,
      enteredOnBehalf: p.enteredOnBehalf,
      title: p.title,
      category: p.category,
      subCategory: p.subCategory,
      state: p.state,
      reviewStage: p.reviewStage,
      reviewStageName:
        p.state === 'under_review'
          ? (rules.reviewStages[p.reviewStage ?? 0]?.name ?? null)
          : p.state === 'submitted'
            ? (rules.reviewStages[0]?.name ?? null)
            : null,
      isKey: p.isKey,
      isUrgent: p.isUrgent,
      consentToPublish: p.consentToPublish,
      mergedIntoId: p.mergedIntoId,
      notFiledReasonCode: p.notFiledReasonCode,
      notFiledReason: rules.notFiledReasons.find((r) => r.code === p.notFiledReasonCode)?.label ?? null,
      convertedTo: p.convertedTo,
      submittedAt: iso(p.submittedAt),
      filedAt: iso(p.filedAt),
      assignedAt: iso(p.assignedAt),
      repliedAt: iso(p.repliedAt),
      feedbackDueOn: p.feedbackDueOn,
      closeReason: p.closeReason,
      closedAt: iso(p.closedAt),
      updatedAt: iso(p.updatedAt),
      signers: mine
        .sort((a, b) =>
          a.role === b.role ? a.invitedAt.getTime() - b.invitedAt.getTime() : a.role === 'lead' ? -1 : 1,
        )
        .map((s) => ({
          memberId: s.memberId,
          name: memberNames.get(s.memberId) ?? '',
          role: s.role,
          status: signerStatus(s),
          fromProposalId: s.fromProposalId,
          cosignDueOn: s.cosignDueOn,
        })),
      abilities: abilitiesOf(actor, p, mine, {
        today,
        assignments: handled.filter((a) => a.proposalId === p.id),
        feedback: ratings.filter((f) => f.proposalId === p.id),
      }),
    };
    if (!opts.withText) return view;
    return {
      ...view,
      situation: p.situation,
      analysis: p.analysis,
      suggestions: p.suggestions,
      suggestedHandlerUnits: p.suggestedHandlerUnitIds.map((id) => ({
        id,
        name: handlerNames.get(id) ?? '',
      })),
      nonPublishReason: p.nonPublishReason,
      signatoryName: p.signatoryName,
      sealAttached: p.sealAttached,
      leadGroupName: p.leadGroupName,
    };
  });
}

function abilitiesOf(
  actor: Actor,
  p: ProposalRow,
  signers: SignerRow[],
  ctx: Parameters<typeof handlingAbilities>[4],
): Record<string, boolean> {
  const rel = relationOf(actor, p, signers);
  const table = proposalAbilities(actor, p, rel);
  return table.rate || table.rehandle || table.close
    ? { ...table, ...handlingAbilities(actor, p, rel, signers, ctx) }
    : table;
}

function signerStatus(s: SignerRow): 'confirmed' | 'invited' | 'declined' | 'dropped' {
  if (s.droppedAt) return 'dropped';
  if (s.declinedAt) return 'declined';
  if (s.confirmedAt) return 'confirmed';
  return 'invited';
}
