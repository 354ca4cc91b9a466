import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { iso } from '../../org/resources/present-helpers.ts';
import { presentAssignments, unitNames } from '../assignments.presenter.ts';
import { seesAllAssignments, visibleAssignments } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { presentProposals } from '../proposals.presenter.ts';
import { presentLetters } from '../replies.presenter.ts';
import {
  assignmentObjections,
  assignments,
  extensionRequests,
  handlingContacts,
  proposals,
  replyLetters,
} from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';

/** States in which the lead unit's reply has been put to its co units. */
const putToCoUnits = ['cosigning', 'leader_signoff', 'supervision_review', 'sent'];

/**
 * One task with what its unit works from: the proposal's text, its replies (drafts included) and their
 * 会签, the co units' opinions (for the lead unit), the lead's reply to co-sign (for a co unit), objections,
 * extension requests, contacts with the proposer and the task's timeline.
 */
export async function getAssignment(db: Db, actor: Actor, id: string, now = currentTime()) {
  const [row] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, id), visibleAssignments(actor)));
  if (!row) throw new AppError('NOT_FOUND');
  const [view] = await presentAssignments(db, actor, [row], { today: shanghaiDate(now) });
  const [p] = await db.select().from(proposals).where(eq(proposals.id, row.proposalId));
  const [pv] = await presentProposals(db, actor, [p!], { withText: true });
  const rules = await loadRules(db, row.committeeId);
  const siblings = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.proposalId, row.proposalId), ne(assignments.state, 'reassigned')));
  const coUnits = siblings.filter((a) => a.mode === 'co');
  const lead = siblings.find((a) => a.mode === 'lead');
  const overseer = seesAllAssignments(actor);
  const letterOwners = [row.id];
  if (row.mode === 'lead' || (overseer && lead)) letterOwners.push(...coUnits.map((c) => c.id));
  if (row.mode === 'co' && lead && putToCoUnits.includes(lead.state)) letterOwners.push(lead.id);
  const letters = await db
    .select()
    .from(replyLetters)
    .where(inArray(replyLetters.assignmentId, [...new Set(letterOwners)]))
    .orderBy(asc(replyLetters.round), asc(replyLetters.createdAt));
  const views = await presentLetters(db, letters, {
    resultClasses: rules.resultClasses,
    withContact: true,
    internal: true,
  });
  const [objections, extensions, contacts, events, names] = [
    await db
      .select()
      .from(assignmentObjections)
      .where(eq(assignmentObjections.assignmentId, id))
      .orderBy(asc(assignmentObjections.raisedAt)),
    await db
      .select()
      .from(extensionRequests)
      .where(eq(extensionRequests.assignmentId, id))
      .orderBy(asc(extensionRequests.requestedAt)),
    await db
      .select()
      .from(handlingContacts)
      .where(eq(handlingContacts.assignmentId, id))
      .orderBy(desc(handlingContacts.contactedOn)),
    await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetType, 'assignment'), eq(auditEvents.targetId, id)))
      .orderBy(asc(auditEvents.id)),
    await unitNames(db, [...siblings.map((s) => s.handlerUnitId)]),
  ];
  const proposedNames = await unitNames(
    db,
    objections.map((o) => o.proposedUnitId).filter((x): x is string => !!x),
  );
  const leadCurrent = lead && letters.find((l) => l.assignmentId === lead.id && l.round === lead.round);
  return {
    ...view!,
    proposal: pick(pv!),
    replies: views.filter((l) => l.assignmentId === row.id && l.kind === 'reply'),
    coOpinion: views.find((l) => l.assignmentId === row.id && l.kind === 'co_opinion') ?? null,
    coOpinions: views.filter((l) => l.kind === 'co_opinion' && l.assignmentId !== row.id),
    leadReply: row.mode === 'co' && leadCurrent ? (views.find((l) => l.id === leadCurrent.id) ?? null) : null,
    otherUnits: siblings
      .filter((s) => s.id !== row.id)
      .map((s) => ({
        assignmentId: s.id,
        handlerUnit: { id: s.handlerUnitId, name: names.get(s.handlerUnitId) ?? '' },
        mode: s.mode,
        state: s.state,
      })),
    objections: objections.map((o) => ({
      id: o.id,
      reason: o.reason,
      proposedUnit: o.proposedUnitId
        ? { id: o.proposedUnitId, name: proposedNames.get(o.proposedUnitId) ?? '' }
        : null,
      raisedAt: iso(o.raisedAt),
      decision: o.decision,
      decisionComment: o.decisionComment,
      decidedAt: iso(o.decidedAt),
    })),
    extensionRequests: extensions.map((e) => ({
      id: e.id,
      reason: e.reason,
      requestedDueOn: e.requestedDueOn,
      round: e.round,
      requestedAt: iso(e.requestedAt),
      decision: e.decision,
      decisionComment: e.decisionComment,
      decidedAt: iso(e.decidedAt),
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      stage: c.stage,
      method: c.method,
      contactedOn: c.contactedOn,
      participants: c.participants,
      notes: c.notes,
      createdAt: iso(c.createdAt),
    })),
    timeline: events.map((e) => ({ action: e.action, actorName: e.actorName, at: iso(e.createdAt) })),
  };
}

type ProposalView = Awaited<ReturnType<typeof presentProposals>>[number] & {
  situation?: string;
  analysis?: string;
  suggestions?: string;
};

/** The proposal as a handler unit works from it: the text and who proposed it, not the others' abilities. */
function pick(p: ProposalView) {
  return {
    id: p.id,
    version: p.version,
    numberLabel: p.numberLabel,
    title: p.title,
    proposerKind: p.proposerKind,
    proposerName: p.proposerName,
    signers: p.signers,
    category: p.category,
    timing: p.timing,
    isKey: p.isKey,
    state: p.state,
    situation: p.situation ?? '',
    analysis: p.analysis ?? '',
    suggestions: p.suggestions ?? '',
  };
}
