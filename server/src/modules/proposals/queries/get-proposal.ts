import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { type ConsultationForm, proposalLabels } from '@tongxin/common/proposals/enums.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { iso } from '../../org/resources/present-helpers.ts';
import { presentProposals } from '../proposals.presenter.ts';
import { visibleProposals } from '../proposals.policy.ts';
import { assignments, proposalSigners, proposals, reviewRecords } from '../schema.ts';
import { hasRole } from '../../../platform/authz/actor.ts';
import { proposalHandling } from './proposal-handling.ts';

/** Steps of the handling that belong on the proposal's public timeline (the rest is the unit's own file). */
const timelineAssignmentEvents = ['assignment.received', 'assignment.reassigned', 'assignment.reply_sent'];

/**
 * One proposal with its full text, review records (staff and proposers), its handling (units, replies,
 * ratings) and its timeline.
 */
export async function getProposal(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, id), visibleProposals(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  const [view] = await presentProposals(db, actor, [row], { withText: true });
  const reviews = await db
    .select()
    .from(reviewRecords)
    .where(eq(reviewRecords.proposalId, id))
    .orderBy(asc(reviewRecords.createdAt));
  const signers = await db.select().from(proposalSigners).where(eq(proposalSigners.proposalId, id));
  const handling = await proposalHandling(db, actor, row, signers);
  const assignmentIds = (
    await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.proposalId, id))
  ).map((a) => a.id);
  // The timeline is the proposal's audit trail: every write to it left exactly one row there.
  const events = await db
    .select()
    .from(auditEvents)
    .where(
      or(
        and(eq(auditEvents.targetType, 'proposal'), eq(auditEvents.targetId, id)),
        assignmentIds.length
          ? and(
              eq(auditEvents.targetType, 'assignment'),
              inArray(auditEvents.targetId, assignmentIds),
              inArray(auditEvents.action, timelineAssignmentEvents),
            )
          : undefined,
      ),
    )
    .orderBy(asc(auditEvents.id));
  const staffView = hasRole(actor, 'proposal_staff', 'chair_council', 'sysadmin');
  return {
    ...view,
    ...handling,
    reviews: reviews.map((r) => ({
      stageName: r.stageName,
      recommendation: r.recommendation,
      reasonCode: r.reasonCode,
      // Reviewers' internal comments are for staff; the proposer sees the decision and its reason.
      comment: staffView || r.isDecision ? r.comment : '',
      isDecision: r.isDecision,
      // Reviewers' suggested handler units prefill the assignment screens (staff only).
      suggestedHandlerUnitIds: staffView ? r.suggestedHandlerUnitIds : [],
      createdAt: iso(r.createdAt),
    })),
    timeline: events.map((e) => ({
      action: e.action,
      actorName: e.actorName,
      at: iso(e.createdAt),
      // The 协商办结 line carries the consultation, for those who may read it (see proposalHandling).
      ...(e.action === 'proposal.closed' && handling.consultation
        ? { detail: consultationLine(handling.consultation) }
        : {}),
    })),
  };
}

/** "2026-07-01 当面座谈（参加：…）：结果" — the consultation in one line of the timeline. */
function consultationLine(c: {
  heldOn: string;
  form: ConsultationForm;
  participants: string;
  outcome: string;
}) {
  return `${c.heldOn} ${proposalLabels.consultationForm[c.form]}（参加：${c.participants}）：${c.outcome}`;
}
