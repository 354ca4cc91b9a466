/**
 * Step 4 of planning one proposal: its rows — signers, review records, assignments with contacts,
 * extensions, reply letters and co-signs, and the ratings — placed in time by the planner's `at`.
 */
import { randomUUID } from 'node:crypto';
import { addCalendarDays, addMonths } from '../../server/src/platform/calendar/working-days.ts';
import { feedbackComments, reviewComments } from './proposals-text.ts';
import {
  DAY,
  day,
  type FinalState,
  iso,
  type MemberRef,
  type Mode,
  type PlanContext,
  type PlannedRows,
  type Proposer,
  type Rating,
  reviewStageNames,
  type Row,
  type Task,
  type Timeline,
  type UnitPeople,
} from './proposals-plan-model.ts';

/** Where the row functions write: the planner's context and rows, and its reply-letter counter. */
export interface RowSink {
  c: PlanContext;
  rows: PlannedRows;
  nextLetterSeq(): number;
}

/** The lead (confirmed at drafting) and the invited co-signers; returns those who count as proposers. */
export function signerRows(
  sink: RowSink,
  id: string,
  state: FinalState,
  p: Proposer,
  life: Timeline,
  at: (off: number) => number,
): MemberRef[] {
  const { rng, committeeId } = sink.c;
  const createdAt = at(life.drafted);
  const invitedAt = createdAt + 10 * 60_000;
  const confirmed: MemberRef[] = [];
  const base = { committee_id: committeeId, proposal_id: id, declined_at: null, from_proposal_id: null };
  if (p.leadMember) {
    sink.rows.signers.push({
      ...base,
      member_id: p.leadMember.id,
      role: 'lead',
      invited_at: iso(createdAt),
      confirmed_at: iso(createdAt),
    });
    confirmed.push(p.leadMember);
  }
  p.cosigners.forEach((m, i) => {
    const answered = iso(
      Math.max(invitedAt + 60_000, invitedAt + rng.next() * 0.9 * (at(life.firstSubmit) - invitedAt)),
    );
    const declines = i > 0 && rng.chance(0.06);
    const pending = state === 'draft' && rng.chance(0.5);
    sink.rows.signers.push({
      ...base,
      member_id: m.id,
      role: 'cosigner',
      invited_at: iso(invitedAt),
      confirmed_at: pending || declines ? null : answered,
      declined_at: declines && !pending ? answered : null,
    });
    if (!pending && !declines) confirmed.push(m);
  });
  return confirmed;
}

export function reviewRows(
  sink: RowSink,
  id: string,
  life: Timeline,
  units: { unit: UnitPeople; mode: Mode }[],
  at: (off: number) => number,
): Row | null {
  const { rng, reviewers } = sink.c;
  let decision: Row | null = null;
  for (const r of life.reviews) {
    const comments =
      r.recommendation === 'file'
        ? reviewComments.file
        : r.recommendation === 'not_file'
          ? reviewComments.notFile
          : r.recommendation === 'merge'
            ? reviewComments.merge
            : reviewComments.return;
    const row: Row = {
      committee_id: sink.c.committeeId,
      proposal_id: id,
      stage_index: r.stage,
      stage_name: reviewStageNames[r.stage],
      reviewer_user_id: reviewers[r.stage % reviewers.length],
      recommendation: r.recommendation,
      reason_code: r.reason,
      comment: rng.pick(comments),
      suggested_handler_unit_ids:
        r.recommendation === 'file' && r.stage === 3
          ? units.filter((u) => u.mode !== 'co').map((u) => u.unit.id)
          : [],
      merge_into_id: null,
      is_decision: r.decision,
      created_at: iso(at(r.off)),
    };
    sink.rows.reviews.push(row);
    if (r.decision && r.stage === life.stagesDone - 1) decision = row;
  }
  return decision;
}

/** Assignments with their due dates, contacts, extensions, reply letters and co-signs. */
export function taskRows(
  sink: RowSink,
  id: string,
  life: Timeline,
  at: (off: number) => number,
  assignedAt: number,
  p: { topicIdx: number; title: string; addressee: string },
) {
  const { rng, committeeId } = sink.c;
  const rehandleDue = life.rehandled !== null ? addMonths(day(at(life.rehandled)), 3) : null;
  let leadLetterId: string | null = null;
  const ids: string[] = [];
  const letter = (
    t: Task,
    assignmentId: string,
    round: number,
    drafted: number,
    signed: number | null,
    sent: number | null,
  ) => {
    const letterId = randomUUID();
    const n = sink.nextLetterSeq();
    const year = new Date(drafted).getUTCFullYear();
    sink.rows.letters.push({
      seed: n,
      topic: p.topicIdx,
      proposer: p.addressee,
      title: p.title,
      unit: t.unit.name,
      year,
      coOpinion: false,
      row: {
        id: letterId,
        committee_id: committeeId,
        version: 1 + (signed ? 1 : 0) + (sent ? 1 : 0),
        created_at: iso(drafted),
        updated_at: iso(sent ?? signed ?? drafted),
        proposal_id: id,
        assignment_id: assignmentId,
        kind: 'reply',
        round,
        doc_number: `${t.unit.name.replace(/^(国家税务总局)?(同心)?市/, '').slice(0, 4)}函〔${year}〕${(n % 900) + 1}号`,
        result_class: round === 1 ? t.resultClass : t.resultClass2,
        contact_name: t.unit.clerkName,
        contact_phone: `0999-${6_000_000 + (n % 999_999)}`.slice(0, 12),
        drafted_by_user_id: t.unit.clerkId,
        signed_by_user_id: signed ? t.unit.leaderId : null,
        signed_at: signed ? iso(signed) : null,
        supervision_status: sent ? 'approved' : signed ? 'pending' : null,
        sent_at: sent ? iso(sent) : null,
        publish_mode: rng.weighted([
          ['full', 80],
          ['summary', 15],
          ['none', 5],
        ] as const),
      },
    });
    return letterId;
  };
  for (const t of life.tasks) {
    const assignmentId = randomUUID();
    ids.push(assignmentId);
    const due = addMonths(day(assignedAt), t.mode === 'co' ? 1 : 3);
    const extended = t.extensionAt !== null ? addMonths(due, 1) : null;
    const r2 = t.round2;
    const state = r2 ? (r2.sent ? 'sent' : r2.drafted ? 'reply_drafted' : 'rehandling') : t.progress;
    const completed = r2 ? r2.sent : t.sent;
    const events = [
      t.received,
      t.drafted,
      t.signed,
      t.sent,
      t.cosigned,
      r2?.drafted ?? null,
      r2?.sent ?? null,
    ];
    sink.rows.assignments.push({
      id: assignmentId,
      committee_id: committeeId,
      version: 1 + (t.received ? 1 : 0) + (t.drafted ? 3 : 0) + (t.sent ? 1 : 0) + (r2 ? 2 : 0),
      created_at: iso(assignedAt),
      updated_at: iso(Math.max(assignedAt, ...events.filter((x): x is number => x !== null).map(at))),
      proposal_id: id,
      handler_unit_id: t.unit.id,
      mode: t.mode,
      state,
      round: r2 ? 2 : 1,
      assigned_by_user_id: sink.c.staffId,
      assigned_at: iso(assignedAt),
      received_at: t.received !== null ? iso(at(t.received)) : null,
      objection_due_on: addCalendarDays(day(assignedAt), 9),
      // 重新办理 gives the units a new deadline and drops any extension.
      due_on: r2 ? rehandleDue : due,
      extended_due_on: r2 ? null : extended,
      completed_at: completed ? iso(at(completed)) : null,
    });
    if (t.contact !== null) {
      sink.rows.contacts.push({
        committee_id: committeeId,
        assignment_id: assignmentId,
        stage: 'before',
        method: rng.pick(['visit', 'meeting', 'phone', 'online']),
        contacted_on: day(at(t.contact)),
        participants: `${t.unit.clerkName}、${p.addressee}`,
        notes: '就提案办理思路与提案人进行沟通，听取意见建议。',
        recorded_by_user_id: t.unit.clerkId,
        created_at: iso(at(t.contact)),
      });
    }
    if (t.extensionAt !== null && extended) {
      sink.rows.extensions.push({
        committee_id: committeeId,
        assignment_id: assignmentId,
        reason: '涉及多部门协调，需进一步调研论证。',
        requested_due_on: extended,
        requested_by_user_id: t.unit.clerkId,
        requested_at: iso(at(t.extensionAt)),
        decision: 'approved',
        decided_by_user_id: sink.c.supervisorId,
        decided_at: iso(at(t.extensionAt) + 2 * DAY),
        decision_comment: '同意延期。',
      });
    }
    if (t.mode === 'co') {
      if (t.sent !== null) {
        const sentAt = at(t.sent);
        sink.rows.letters.push({
          seed: sink.nextLetterSeq(),
          topic: p.topicIdx,
          proposer: p.addressee,
          title: p.title,
          unit: t.unit.name,
          year: new Date(sentAt).getUTCFullYear(),
          coOpinion: true,
          row: {
            id: randomUUID(),
            committee_id: committeeId,
            version: 1,
            created_at: iso(sentAt),
            updated_at: iso(sentAt),
            proposal_id: id,
            assignment_id: assignmentId,
            kind: 'co_opinion',
            round: 1,
            doc_number: '',
            result_class: null,
            contact_name: t.unit.clerkName,
            contact_phone: '',
            drafted_by_user_id: t.unit.clerkId,
            signed_by_user_id: null,
            signed_at: null,
            supervision_status: null,
            sent_at: iso(sentAt),
            publish_mode: 'none',
          },
        });
      }
    } else if (t.drafted !== null) {
      const opt = (x: number | null) => (x === null ? null : at(x));
      const letterId = letter(t, assignmentId, 1, at(t.drafted), opt(t.signed), opt(t.sent));
      if (t.mode === 'lead') leadLetterId = letterId;
    }
    if (r2?.drafted) {
      const opt = (x: number | null) => (x === null ? null : at(x));
      letter(t, assignmentId, 2, at(r2.drafted), opt(r2.signed), opt(r2.sent));
    }
  }
  if (leadLetterId) {
    life.tasks.forEach((t, i) => {
      if (t.mode !== 'co' || t.cosigned === null) return;
      sink.rows.cosigns.push({
        committee_id: committeeId,
        reply_letter_id: leadLetterId,
        assignment_id: ids[i],
        decision: rng.chance(0.92) ? 'agreed' : 'amended',
        comment: rng.chance(0.8) ? '同意' : '建议补充我单位相关工作措施。',
        decided_by_user_id: t.unit.clerkId,
        decided_at: iso(at(t.cosigned)),
      });
    });
  }
}

/** The deciding rater is the lead member, or the collective's author (the office, for a paper form). */
export function feedbackRows(
  sink: RowSink,
  id: string,
  p: Proposer,
  life: Timeline,
  confirmed: MemberRef[],
  at: (off: number) => number,
) {
  const { rng } = sink.c;
  const decisive = p.leadMember
    ? { memberId: p.leadMember.id, userId: p.leadMember.userId, byStaff: false }
    : { memberId: null, userId: p.createdBy, byStaff: p.createdBy === sink.c.staffId };
  const rate = (round: number, off: number, overall: Rating, r: typeof decisive) =>
    sink.rows.feedback.push({
      committee_id: sink.c.committeeId,
      proposal_id: id,
      round,
      member_id: r.memberId,
      rater_user_id: r.userId,
      overall,
      consulted_before_reply: rng.pick(['visit', 'meeting', 'phone', 'letter', 'phone']),
      handler_attitude:
        overall === 'dissatisfied' ? rng.pick(['fair', 'poor']) : rng.pick(['good', 'good', 'fair']),
      agrees_with_result: overall !== 'dissatisfied',
      reply_on_point: overall !== 'dissatisfied' || rng.chance(0.3),
      visit_happened: rng.chance(0.4),
      comment:
        overall === 'dissatisfied'
          ? '答复未能回应提案的核心建议，希望重新研究办理。'
          : rng.pick(feedbackComments),
      recorded_by_staff: r.byStaff,
      submitted_at: iso(at(off)),
    });
  if (life.rating1) rate(1, life.rating1.off, life.rating1.overall, decisive);
  if (life.rating2) rate(2, life.rating2.off, life.rating2.overall, decisive);
  for (const c of life.cosignerRatings) {
    if (confirmed.includes(c.member)) {
      rate(1, c.off, c.overall, { memberId: c.member.id, userId: c.member.userId, byStaff: false });
    }
  }
}
