/**
 * Plans one proposal of the bench data with the history its state implies, as table rows (snake_case,
 * ready for `json_to_recordset`). Three steps per proposal:
 *
 *   1. who proposes it, what about, which units will handle it;
 *   2. its timeline as offsets from the (last) submission: review stages, 交办, each unit's receipt,
 *      contact, reply draft, 会签, sign-off and sending, ratings, 重新办理, closing;
 *   3. where that timeline sits: in the session's plenary window (大会提案) or after its deadline (平时提案),
 *      never later than now; a proposal still in progress ends a little before now.
 *
 * Long texts are not kept: the proposal's and each letter's seed are, and the writer generates the words
 * chunk by chunk (proposals-text.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Rng } from '../../server/src/modules/demo/prng.ts';
import { addCalendarDays, addMonths, shanghaiDate } from '../../server/src/platform/calendar/working-days.ts';
import {
  type Category,
  categoryWeights,
  feedbackComments,
  reviewComments,
  type Topic,
  title as makeTitle,
  topics,
} from './proposals-text.ts';

export type Row = Record<string, unknown>;

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

type Kind =
  | 'member_individual'
  | 'member_joint'
  | 'party'
  | 'people_org'
  | 'special_committee'
  | 'sector'
  | 'member_group';
const kindWeights: readonly (readonly [Kind, number])[] = [
  ['member_individual', 75],
  ['member_joint', 5],
  ['party', 9],
  ['people_org', 4],
  ['special_committee', 3],
  ['sector', 2.5],
  ['member_group', 1.5],
];

export type FinalState =
  | 'draft'
  | 'submitted'
  | 'under_review'
  | 'returned_for_revision'
  | 'withdrawn'
  | 'not_filed'
  | 'converted'
  | 'merged'
  | 'filed'
  | 'assigned'
  | 'handling'
  | 'evaluating'
  | 'rehandling'
  | 'closed';

/** States of the proposals of a closed-out session, and of the latest one (still being handled). */
export const oldFates: readonly (readonly [FinalState, number])[] = [
  ['closed', 85],
  ['not_filed', 5.5],
  ['converted', 2],
  ['merged', 4.5],
  ['withdrawn', 3],
];
export const latestFates: readonly (readonly [FinalState, number])[] = [
  ['filed', 24],
  ['assigned', 8],
  ['handling', 21],
  ['evaluating', 6],
  ['rehandling', 1.5],
  ['closed', 22],
  ['not_filed', 5],
  ['converted', 1.5],
  ['merged', 4],
  ['withdrawn', 2],
  ['submitted', 1.5],
  ['under_review', 2.5],
  ['returned_for_revision', 1],
];
/** How long ago (days) the last event of a proposal still in progress happened. */
const lagDays: Partial<Record<FinalState, readonly [number, number]>> = {
  submitted: [0.1, 5],
  under_review: [0.5, 10],
  returned_for_revision: [1, 20],
  filed: [1, 60],
  assigned: [0.2, 6],
  handling: [1, 45],
  evaluating: [0.5, 18],
  rehandling: [1, 50],
};
/** The filed states, in the order a proposal reaches them. */
const filedStages = ['filed', 'assigned', 'handling', 'evaluating', 'rehandling', 'closed'];
/** A unit's task, in the order it moves. */
const taskStages = [
  'pending_receipt',
  'handling',
  'reply_drafted',
  'cosigning',
  'leader_signoff',
  'supervision_review',
  'sent',
];
const reviewStageNames = ['初审', '复审', '会审', '审定'];

export interface MemberRef {
  id: string;
  name: string;
  userId: string;
}
export interface UnitPeople {
  id: string;
  name: string;
  clerkId: string;
  clerkName: string;
  leaderId: string;
  leaderName: string;
}
export interface SessionRef {
  id: string;
  openDate: string;
  proposalDeadline: Date;
}

/** The committee the proposals are planned in: who can propose, review, handle and supervise. */
export interface PlanContext {
  rng: Rng;
  committeeId: string;
  nowMs: number;
  /** proposal_staff who assign, record paper proposals and close. */
  staffId: string;
  reviewers: string[];
  supervisorId: string;
  units: UnitPeople[];
  parties: { id: string; name: string }[];
  peopleOrgs: { id: string; name: string }[];
  /** participating unit id → its liaison's user. */
  liaisonOf: Map<string, string>;
  /** special committee id → its staff user. */
  specialCommittees: { id: string; staffId: string }[];
  sectorIds: string[];
  /** The sessions in date order; the next one's window ends the recess of the one before. */
  sessions: SessionRef[];
}

export interface PlannedProposal {
  row: Row;
  /** Seeds the proposal's text. */
  idx: number;
  topic: number;
  leadUnitName: string;
  year: number;
  category: Category;
  state: FinalState;
  submittedAt: number | null;
  filedAt: number | null;
  /** Members who count as its proposers (lead + confirmed co-signers): a 并案 parent gains them. */
  signerIds: string[];
  /** The deciding review record (a 并案 names its parent there). */
  decision: Row | null;
}

export interface PlannedLetter {
  row: Row;
  seed: number;
  topic: number;
  proposer: string;
  title: string;
  unit: string;
  year: number;
  coOpinion: boolean;
}

/** Every row but the proposals', collected as the proposals are planned. */
export interface PlannedRows {
  signers: Row[];
  reviews: Row[];
  assignments: Row[];
  letters: PlannedLetter[];
  cosigns: Row[];
  feedback: Row[];
  contacts: Row[];
  extensions: Row[];
  keyProposals: Row[];
}

type Mode = 'sole' | 'lead' | 'co' | 'split';
type Rating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

interface Proposer {
  kind: Kind;
  leadMember: MemberRef | null;
  cosigners: MemberRef[];
  leadUnitId: string | null;
  leadSpecialCommitteeId: string | null;
  leadSectorId: string | null;
  groupName: string | null;
  signatory: string | null;
  createdBy: string;
  onBehalf: boolean;
  /** How a reply letter addresses the proposer. */
  addressee: string;
}

interface ReviewEvent {
  stage: number;
  recommendation: 'file' | 'merge' | 'not_file' | 'return_for_revision';
  decision: boolean;
  off: number;
  reason: string | null;
}

/** One unit's task, as offsets (ms) from the submission. */
interface Task {
  unit: UnitPeople;
  mode: Mode;
  progress: string;
  received: number | null;
  contact: number | null;
  drafted: number | null;
  cosigned: number | null;
  signed: number | null;
  sent: number | null;
  timeliness: 'on_time' | 'late' | 'extended';
  extensionAt: number | null;
  round2: { drafted: number | null; signed: number | null; sent: number | null } | null;
  resultClass: string;
  resultClass2: string;
}

/** A proposal's life as offsets (ms) from its (last) submission. */
interface Timeline {
  drafted: number;
  firstSubmit: number;
  reviews: ReviewEvent[];
  stagesDone: number;
  decided: number;
  converted: number | null;
  withdrawn: number | null;
  assigned: number | null;
  tasks: Task[];
  replied: number | null;
  rating1: { off: number; overall: Rating } | null;
  rehandled: number | null;
  replied2: number | null;
  rating2: { off: number; overall: Rating } | null;
  cosignerRatings: { member: MemberRef; off: number; overall: Rating }[];
  closed: number | null;
  closeReason: 'rated' | 'not_rated' | 'consulted' | null;
  key: number | null;
  /** The last event. */
  end: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => shanghaiDate(new Date(ms));
const numeralsCn = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const cn = (n: number) => (n <= 10 ? numeralsCn[n]! : `十${numeralsCn[n - 10]}`);

/** The day the plenary window of a session opens: three months before it does (the default rules). */
export function windowOpen(openDate: string): number {
  const d = new Date(`${openDate}T00:00:00+08:00`);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.getTime();
}

export class ProposalPlanner {
  readonly rows: PlannedRows = {
    signers: [],
    reviews: [],
    assignments: [],
    letters: [],
    cosigns: [],
    feedback: [],
    contacts: [],
    extensions: [],
    keyProposals: [],
  };
  private letterSeq = 0;
  private readonly topicsBy = new Map<Category, number[]>();
  private readonly unitByName: Map<string, UnitPeople>;
  private readonly c: PlanContext;

  constructor(c: PlanContext) {
    this.c = c;
    topics.forEach((tp, i) => {
      this.topicsBy.set(tp.category, [...(this.topicsBy.get(tp.category) ?? []), i]);
    });
    this.unitByName = new Map(c.units.map((u) => [u.name, u]));
  }

  /** Plans one proposal; `sessionIdx` −1 = a draft (no session yet). */
  plan(idx: number, sessionIdx: number, state: FinalState, pool: MemberRef[]): PlannedProposal {
    const { rng } = this.c;
    const session = sessionIdx >= 0 ? this.c.sessions[sessionIdx]! : null;
    const latest = sessionIdx === this.c.sessions.length - 1;
    const category = rng.weighted(categoryWeights);
    const topicIdx = rng.pick(this.topicsBy.get(category)!);
    const topic = topics[topicIdx]!;
    const id = randomUUID();
    const proposer = this.proposer(state, pool);
    const units = this.pickUnits(topic);
    const year = session ? Number(session.openDate.slice(0, 4)) : new Date(this.c.nowMs).getUTCFullYear();
    const title = makeTitle(rng, topic);
    const life = this.timeline(state, units, proposer.cosigners);
    const at = session
      ? this.place(life, session, sessionIdx, latest, state, proposer.kind)
      : this.placeDraft();

    const confirmed = this.signerRows(id, state, proposer, life, at);
    const decision = this.reviewRows(id, life, units, at);
    const assignedAt = life.assigned !== null ? at(life.assigned) : null;
    if (assignedAt !== null) {
      this.taskRows(id, life, at, assignedAt, { topicIdx, title, addressee: proposer.addressee });
    }
    this.feedbackRows(id, proposer, life, confirmed, at);
    if (life.key !== null) {
      this.rows.keyProposals.push({
        id: randomUUID(),
        committee_id: this.c.committeeId,
        version: 1,
        created_at: iso(at(life.key)),
        updated_at: iso(at(life.key)),
        proposal_id: id,
        year,
        selected_by_user_id: this.c.staffId,
        selected_at: iso(at(life.key)),
        responsible_committee_id: null,
        supervision_plan: `由主席会议成员领衔督办，${units[0]!.unit.name}牵头办理，专委会跟踪。`,
      });
    }

    const createdAt = at(life.drafted);
    const submittedAt = session && state !== 'draft' ? at(0) : null;
    const filedAt = filedStages.includes(state) ? at(life.decided) : null;
    const repliedAt = life.replied !== null ? at(life.replied) : null;
    const closedAt =
      life.closed !== null ? at(life.closed) : life.withdrawn !== null ? at(life.withdrawn) : null;
    const feedbackDueOn =
      (state === 'evaluating' || state === 'closed') && repliedAt !== null
        ? addCalendarDays(day(life.replied2 !== null ? at(life.replied2) : repliedAt), 21)
        : null;
    const consent = rng.chance(0.92);
    const row: Row = {
      id,
      committee_id: this.c.committeeId,
      version:
        1 +
        life.reviews.length +
        (submittedAt ? 2 : 0) +
        (assignedAt ? 1 : 0) +
        (repliedAt ? 1 : 0) +
        (closedAt ? 1 : 0),
      created_at: iso(createdAt),
      updated_at: iso(
        state === 'draft'
          ? Math.min(this.c.nowMs - 60_000, createdAt + rng.int(1, 48) * HOUR)
          : Math.max(createdAt, at(life.end)),
      ),
      session_id: submittedAt !== null ? session!.id : null,
      intake_no: null,
      number: null,
      timing:
        submittedAt !== null
          ? submittedAt <= session!.proposalDeadline.getTime()
            ? 'plenary'
            : 'recess'
          : null,
      proposer_kind: proposer.kind,
      lead_member_id: proposer.leadMember?.id ?? null,
      lead_unit_id: proposer.leadUnitId,
      lead_special_committee_id: proposer.leadSpecialCommitteeId,
      lead_sector_id: proposer.leadSectorId,
      lead_group_name: proposer.groupName,
      signatory_name: proposer.signatory,
      seal_attached: proposer.leadUnitId !== null,
      created_by_user_id: proposer.createdBy,
      entered_on_behalf: proposer.onBehalf,
      title,
      category,
      sub_category: topic.subCategory,
      suggested_handler_unit_ids: rng.chance(0.4)
        ? [...new Set(topic.units.slice(0, rng.int(1, 2)).map((n) => this.unitOf(n).id))]
        : [],
      consent_to_publish: consent,
      non_publish_reason: consent ? null : '涉及内部工作安排，暂不宜公开。',
      is_urgent: rng.chance(0.02),
      state,
      review_stage: state === 'under_review' ? life.stagesDone : null,
      merged_into_id: null,
      not_filed_reason_code: life.reviews.at(-1)?.reason ?? null,
      not_filed_reason_text: state === 'not_filed' || state === 'converted' ? '' : null,
      converted_to:
        state === 'converted'
          ? rng.weighted([
              ['opinion', 50],
              ['social_opinion', 35],
              ['letter', 15],
            ] as const)
          : null,
      is_key: life.key !== null,
      close_reason: state === 'withdrawn' ? 'withdrawn' : life.closeReason,
      submitted_at: submittedAt !== null ? iso(submittedAt) : null,
      filed_at: filedAt !== null ? iso(filedAt) : null,
      assigned_at: assignedAt !== null ? iso(assignedAt) : null,
      replied_at: repliedAt !== null ? iso(repliedAt) : null,
      closed_at: closedAt !== null ? iso(closedAt) : null,
      feedback_due_on: feedbackDueOn,
    };
    return {
      row,
      idx,
      topic: topicIdx,
      leadUnitName: units[0]!.unit.name,
      year,
      category,
      state,
      submittedAt,
      filedAt,
      signerIds: confirmed.map((m) => m.id),
      decision,
    };
  }

  /** 并案: the merged proposal names its parent, and its proposers join the parent as co-signers. */
  merge(child: PlannedProposal, parent: PlannedProposal) {
    child.row.merged_into_id = parent.row.id;
    if (child.decision) child.decision.merge_into_id = parent.row.id;
    for (const memberId of child.signerIds) {
      if (parent.signerIds.includes(memberId)) continue;
      parent.signerIds.push(memberId);
      this.rows.signers.push({
        committee_id: this.c.committeeId,
        proposal_id: parent.row.id,
        member_id: memberId,
        role: 'cosigner',
        invited_at: child.row.updated_at,
        confirmed_at: child.row.updated_at,
        declined_at: null,
        from_proposal_id: child.row.id,
      });
    }
  }

  // ── 1. who and what ──

  private unitOf(name: string): UnitPeople {
    return this.unitByName.get(name) ?? this.c.rng.pick(this.c.units);
  }

  private proposer(state: FinalState, pool: MemberRef[]): Proposer {
    const { rng, staffId } = this.c;
    const kind: Kind =
      state === 'draft'
        ? rng.chance(0.8)
          ? 'member_individual'
          : 'member_joint'
        : rng.weighted(kindWeights);
    const p: Proposer = {
      kind,
      leadMember: null,
      cosigners: [],
      leadUnitId: null,
      leadSpecialCommitteeId: null,
      leadSectorId: null,
      groupName: null,
      signatory: null,
      createdBy: staffId,
      onBehalf: false,
      addressee: '',
    };
    if (kind === 'member_individual' || kind === 'member_joint' || kind === 'member_group') {
      const size = kind === 'member_individual' ? 1 : rng.int(2, kind === 'member_joint' ? 6 : 7);
      const team = rng.sample(pool, size);
      p.leadMember = team[0]!;
      p.cosigners = team.slice(1);
      p.createdBy = p.leadMember.userId;
      p.addressee = `${p.leadMember.name}委员`;
      // A paper proposal keyed in by the office.
      if (kind === 'member_individual' && rng.chance(0.03)) {
        p.createdBy = staffId;
        p.onBehalf = true;
      }
      if (kind === 'member_group') p.groupName = `第${cn(rng.int(1, 12))}委员小组`;
    } else if (kind === 'party' || kind === 'people_org') {
      const unit = rng.pick(kind === 'party' ? this.c.parties : this.c.peopleOrgs);
      p.leadUnitId = unit.id;
      p.createdBy = this.c.liaisonOf.get(unit.id)!;
      p.signatory = rng.pick(pool).name;
      p.addressee = unit.name;
    } else if (kind === 'special_committee') {
      const sc = rng.pick(this.c.specialCommittees);
      p.leadSpecialCommitteeId = sc.id;
      p.createdBy = sc.staffId;
      p.addressee = '提案人';
    } else {
      p.leadSectorId = rng.pick(this.c.sectorIds);
      p.onBehalf = true;
      p.signatory = rng.pick(pool).name;
      p.addressee = '提案人';
    }
    return p;
  }

  /** 独办 (one unit), 主办 + 1–3 会办, or 2–3 分办; the topic's usual units first. */
  private pickUnits(topic: Topic): { unit: UnitPeople; mode: Mode }[] {
    const { rng } = this.c;
    const mode = rng.weighted([
      ['sole', 62],
      ['lead', 30],
      ['split', 8],
    ] as const);
    const main = this.unitOf(topic.units[0]!);
    if (mode === 'sole') return [{ unit: rng.chance(0.8) ? main : this.unitOf(rng.pick(topic.units)), mode }];
    const pool = topic.units.slice(1).map((n) => this.unitOf(n));
    while (pool.length < 4) pool.push(rng.pick(this.c.units));
    const rest = rng.shuffle([
      ...new Map(pool.filter((u) => u.id !== main.id).map((u) => [u.id, u])).values(),
    ]);
    if (mode === 'lead') {
      const co = rest.slice(
        0,
        rng.weighted([
          [1, 60],
          [2, 30],
          [3, 10],
        ] as const),
      );
      return [{ unit: main, mode: 'lead' }, ...co.map((unit) => ({ unit, mode: 'co' as const }))];
    }
    return [main, ...rest.slice(0, rng.int(1, 2))].map((unit) => ({ unit, mode: 'split' as const }));
  }

  // ── 2. the timeline ──

  private timeline(
    state: FinalState,
    units: { unit: UnitPeople; mode: Mode }[],
    cosigners: MemberRef[],
  ): Timeline {
    const { rng } = this.c;
    const reach = filedStages.indexOf(state);
    // A few were returned at 初审 first, revised and submitted again (offset 0 = the second submission).
    const returnedBefore = reach >= 0 && rng.chance(0.04);
    const firstSubmit = returnedBefore ? -rng.int(8, 25) * DAY : 0;
    const life: Timeline = {
      drafted: firstSubmit - rng.int(1, 15 * 24) * HOUR,
      firstSubmit,
      reviews: [],
      stagesDone: 0,
      decided: 0,
      converted: null,
      withdrawn: null,
      assigned: null,
      tasks: [],
      replied: null,
      rating1: null,
      rehandled: null,
      replied2: null,
      rating2: null,
      cosignerRatings: [],
      closed: null,
      closeReason: null,
      key: null,
      end: 0,
    };
    const later = (off: number | null) => {
      if (off !== null) life.end = Math.max(life.end, off);
    };
    if (returnedBefore) {
      life.reviews.push({
        stage: 0,
        recommendation: 'return_for_revision',
        decision: true,
        off: firstSubmit + rng.int(2, 6) * DAY,
        reason: null,
      });
    }

    // 审查: four stages for a decided proposal; the last one decides.
    let decision: ReviewEvent['recommendation'] | null = null;
    if (reach >= 0 || state === 'not_filed' || state === 'converted' || state === 'merged') {
      life.stagesDone = 4;
      decision = reach >= 0 ? 'file' : state === 'merged' ? 'merge' : 'not_file';
    } else if (state === 'under_review') life.stagesDone = rng.int(1, 3);
    else if (state === 'returned_for_revision') {
      life.stagesDone = rng.int(1, 3);
      decision = 'return_for_revision';
    } else if (state === 'withdrawn') life.stagesDone = rng.int(0, 2);
    let cursor = 0;
    for (let s = 0; s < life.stagesDone; s++) {
      cursor += (s === 0 ? rng.int(1, 8) : s === 2 ? rng.int(2, 10) : rng.int(1, 6)) * DAY;
      const last = s === life.stagesDone - 1;
      const recommendation =
        decision === 'return_for_revision' ? (last ? decision : 'file') : (decision ?? 'file');
      life.reviews.push({
        stage: s,
        recommendation,
        decision: last && decision !== null,
        off: cursor,
        reason: recommendation === 'not_file' ? rng.pick(['N06', 'N10', 'L01', 'L02', 'N07']) : null,
      });
    }
    life.decided = cursor;
    later(cursor);
    if (state === 'converted') {
      life.converted = cursor + rng.int(2, 10) * DAY;
      later(life.converted);
    }
    if (state === 'withdrawn') {
      life.withdrawn = cursor + rng.int(1, 6) * DAY;
      later(life.withdrawn);
    }
    if (reach >= 0 && rng.chance(0.012)) {
      life.key = cursor + rng.int(10, 40) * DAY;
      later(life.key);
    }
    if (reach >= 1) this.handling(life, reach, state, units, cosigners, later);
    return life;
  }

  /** 交办 to 办结: each unit's task, the replies, the ratings, 重新办理 and closing. */
  private handling(
    life: Timeline,
    reach: number,
    state: FinalState,
    units: { unit: UnitPeople; mode: Mode }[],
    cosigners: MemberRef[],
    later: (off: number | null) => void,
  ) {
    const { rng } = this.c;
    const assigned = life.decided + rng.int(5, 25) * DAY;
    life.assigned = assigned;
    later(assigned);
    const allSent = reach >= 3;
    const hasCo = units.some((u) => u.mode === 'co');
    for (const u of units) {
      let progress: string;
      if (reach === 1) progress = 'pending_receipt';
      else if (allSent) progress = u.mode === 'co' ? 'opinion_sent' : 'sent';
      else if (u.mode === 'co')
        progress = rng.weighted([
          ['pending_receipt', 5],
          ['handling', 45],
          ['opinion_sent', 50],
        ] as const);
      else
        progress = rng.weighted([
          ['pending_receipt', 5],
          ['handling', 35],
          ['reply_drafted', 18],
          ['cosigning', hasCo && u.mode === 'lead' ? 8 : 0],
          ['leader_signoff', 12],
          ['supervision_review', 10],
          ['sent', 18],
        ] as const);
      life.tasks.push({
        unit: u.unit,
        mode: u.mode,
        progress,
        received: null,
        contact: null,
        drafted: null,
        cosigned: null,
        signed: null,
        sent: null,
        timeliness: rng.weighted([
          ['on_time', 93],
          ['late', 4],
          ['extended', 3],
        ] as const),
        extensionAt: null,
        round2: null,
        resultClass: rng.weighted([
          ['A', 45],
          ['B', 40],
          ['C', 15],
        ] as const),
        resultClass2: rng.weighted([
          ['A', 55],
          ['B', 40],
          ['C', 5],
        ] as const),
      });
    }
    const lead = life.tasks.find((t) => t.mode === 'lead');
    const required = life.tasks.filter((t) => t.mode !== 'co');
    if (reach === 2) {
      // 办理中: some unit has signed for it, not every required reply has gone out, and once the lead
      // unit's draft is out for 会签 every co-handling unit has signed for its task.
      if (life.tasks.every((t) => t.progress === 'pending_receipt')) life.tasks[0]!.progress = 'handling';
      if (required.every((t) => t.progress === 'sent')) required[0]!.progress = 'handling';
      if (lead && taskStages.indexOf(lead.progress) >= 3) {
        for (const t of life.tasks)
          if (t.mode === 'co' && t.progress === 'pending_receipt') t.progress = 'handling';
      }
    }
    for (const t of life.tasks) {
      if (t.progress === 'pending_receipt') continue;
      t.received = assigned + rng.int(8, 144) * HOUR;
      later(t.received);
      if (t.mode === 'co') {
        if (t.progress === 'opinion_sent') {
          t.sent = t.received + rng.int(10, 28) * DAY;
          later(t.sent);
        }
        continue;
      }
      if (rng.chance(0.55)) {
        t.contact = t.received + rng.int(2, 12) * DAY;
        later(t.contact);
      }
      const rank = taskStages.indexOf(t.progress);
      // The reply is due three months after 交办 (about 90 days).
      const sendOff =
        assigned +
        (t.timeliness === 'on_time'
          ? rng.int(30, 88)
          : t.timeliness === 'late'
            ? rng.int(96, 130)
            : rng.int(95, 114)) *
          DAY;
      if (rank >= 2) {
        t.drafted = sendOff - rng.int(10, 20) * DAY;
        later(t.drafted);
        if (t.contact !== null && t.contact >= t.drafted) t.contact = t.received + DAY;
      }
      if (rank >= 5) {
        t.signed = sendOff - rng.int(1, 4) * DAY;
        later(t.signed);
      }
      if (rank >= 6) {
        t.sent = sendOff;
        later(t.sent);
      }
      // An extension, asked for and granted before the first deadline, for a reply that went out late.
      if (t.timeliness === 'extended' && (rank >= 6 || assigned + 82 * DAY <= life.end)) {
        t.extensionAt = assigned + rng.int(50, 80) * DAY;
      }
    }
    // 会签: the co-handling units agree to the lead unit's draft once it is submitted.
    if (lead?.drafted) {
      const leadRank = taskStages.indexOf(lead.progress);
      for (const t of life.tasks.filter((x) => x.mode === 'co' && x.received !== null)) {
        if (leadRank >= 4 || (leadRank === 3 && rng.chance(0.5))) {
          t.cosigned = lead.drafted + rng.int(1, 3) * DAY;
          later(t.cosigned);
        }
      }
    }
    if (!allSent) return;

    const replied = Math.max(...required.map((t) => t.sent!));
    life.replied = replied;
    later(replied);
    // Ratings: the deciding one (lead member or the collective), and the co-signers'. Evaluating: mostly
    // not rated yet, some 不满意 waiting for the office's decision.
    let overall1: Rating | null;
    let notRated = false;
    if (state === 'evaluating') overall1 = rng.chance(0.12) ? 'dissatisfied' : null;
    else if (state === 'rehandling') overall1 = 'dissatisfied';
    else {
      notRated = rng.chance(0.045);
      overall1 = notRated
        ? null
        : rng.weighted([
            ['satisfied', 72],
            ['basically_satisfied', 22],
            ['dissatisfied', 6],
          ] as const);
    }
    if (overall1) {
      life.rating1 = { off: replied + rng.int(2, 18) * DAY, overall: overall1 };
      later(life.rating1.off);
    }
    for (const member of cosigners) {
      if (rng.chance(state === 'evaluating' ? 0.3 : 0.6)) {
        const off = replied + rng.int(1, 19) * DAY;
        life.cosignerRatings.push({
          member,
          off,
          overall: rng.weighted([
            ['satisfied', 70],
            ['basically_satisfied', 25],
            ['dissatisfied', 5],
          ] as const),
        });
        later(off);
      }
    }
    if (state === 'closed') {
      if (notRated) {
        life.closeReason = 'not_rated';
        life.closed = replied + 22 * DAY;
      } else if (overall1 !== 'dissatisfied') {
        life.closeReason = 'rated';
        life.closed = life.rating1!.off;
      }
    }
    // 不满意: mostly 重新办理 (round 2), otherwise closed after consultation (协商办结).
    const rehandled =
      state === 'rehandling' || (state === 'closed' && overall1 === 'dissatisfied' && rng.chance(0.8));
    if (state === 'closed' && overall1 === 'dissatisfied' && !rehandled) {
      life.closeReason = 'consulted';
      life.closed = life.rating1!.off + rng.int(5, 15) * DAY;
    }
    if (rehandled) {
      const rehandle = life.rating1!.off + 3 * DAY;
      life.rehandled = rehandle;
      later(rehandle);
      for (const t of required) {
        if (state === 'rehandling') {
          const drafted = rng.chance(0.3) ? rehandle + rng.int(10, 40) * DAY : null;
          t.round2 = { drafted, signed: null, sent: null };
          later(drafted);
        } else {
          const drafted = rehandle + rng.int(15, 60) * DAY;
          const signed = drafted + rng.int(2, 8) * DAY;
          t.round2 = { drafted, signed, sent: signed + rng.int(1, 6) * DAY };
        }
      }
      if (state === 'closed') {
        const replied2 = Math.max(...required.map((t) => t.round2!.sent!));
        life.replied2 = replied2;
        const overall2 = rng.weighted([
          ['satisfied', 45],
          ['basically_satisfied', 40],
          ['dissatisfied', 15],
        ] as const);
        life.rating2 = { off: replied2 + rng.int(2, 15) * DAY, overall: overall2 };
        life.closeReason = overall2 === 'dissatisfied' ? 'consulted' : 'rated';
        life.closed =
          overall2 === 'dissatisfied' ? life.rating2.off + rng.int(5, 15) * DAY : life.rating2.off;
      }
    }
    later(life.closed);
  }

  // ── 3. where the timeline sits ──

  /**
   * The submission time and a scale (1 unless the timeline must be squeezed to end before now): most
   * 大会提案 come in the last weeks before the deadline; 平时提案 any time until the next window; a proposal
   * still in progress had its last event a little before now.
   */
  private place(
    life: Timeline,
    session: SessionRef,
    sessionIdx: number,
    latest: boolean,
    state: FinalState,
    kind: Kind,
  ): (off: number) => number {
    const { rng, nowMs } = this.c;
    const open = windowOpen(session.openDate);
    const deadline = session.proposalDeadline.getTime();
    const next = this.c.sessions[sessionIdx + 1];
    const recessEnd = Math.min(next ? windowOpen(next.openDate) : open + 365 * DAY, nowMs) - DAY;
    const plenaryOnly = kind === 'sector' || kind === 'member_group';
    const margin = 6 * HOUR;
    const lag = latest ? lagDays[state] : undefined;
    let base: number;
    let scale = 1;
    if (lag) base = nowMs - rng.int(lag[0] * 24, lag[1] * 24) * HOUR - life.end;
    else if (plenaryOnly || rng.chance(0.78)) base = deadline - (deadline - open) * rng.next() ** 2.2;
    else base = deadline + DAY + rng.next() * Math.max(0, recessEnd - deadline - DAY);
    if (base + life.end > nowMs - margin) base = nowMs - margin - life.end;
    const earliest = open - life.firstSubmit + DAY;
    if (base < earliest) {
      base = earliest + rng.next() * DAY;
      if (base + life.end > nowMs - margin) scale = (nowMs - margin - base) / life.end;
    }
    // 界别 and 委员小组 proposals are made only during the plenary.
    if (plenaryOnly && base > deadline) base = deadline - rng.int(1, 30) * DAY;
    return (off) => Math.round(base + off * scale);
  }

  private placeDraft(): (off: number) => number {
    const base = this.c.nowMs - this.c.rng.int(1, 60) * DAY;
    return (off) => base + off;
  }

  // ── rows ──

  /** The lead (confirmed at drafting) and the invited co-signers; returns those who count as proposers. */
  private signerRows(
    id: string,
    state: FinalState,
    p: Proposer,
    life: Timeline,
    at: (off: number) => number,
  ): MemberRef[] {
    const { rng, committeeId } = this.c;
    const createdAt = at(life.drafted);
    const invitedAt = createdAt + 10 * 60_000;
    const confirmed: MemberRef[] = [];
    const base = { committee_id: committeeId, proposal_id: id, declined_at: null, from_proposal_id: null };
    if (p.leadMember) {
      this.rows.signers.push({
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
      this.rows.signers.push({
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

  private reviewRows(
    id: string,
    life: Timeline,
    units: { unit: UnitPeople; mode: Mode }[],
    at: (off: number) => number,
  ): Row | null {
    const { rng, reviewers } = this.c;
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
        committee_id: this.c.committeeId,
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
      this.rows.reviews.push(row);
      if (r.decision && r.stage === life.stagesDone - 1) decision = row;
    }
    return decision;
  }

  /** Assignments with their due dates, contacts, extensions, reply letters and co-signs. */
  private taskRows(
    id: string,
    life: Timeline,
    at: (off: number) => number,
    assignedAt: number,
    p: { topicIdx: number; title: string; addressee: string },
  ) {
    const { rng, committeeId } = this.c;
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
      const n = ++this.letterSeq;
      const year = new Date(drafted).getUTCFullYear();
      this.rows.letters.push({
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
      this.rows.assignments.push({
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
        assigned_by_user_id: this.c.staffId,
        assigned_at: iso(assignedAt),
        received_at: t.received !== null ? iso(at(t.received)) : null,
        objection_due_on: addCalendarDays(day(assignedAt), 9),
        // 重新办理 gives the units a new deadline and drops any extension.
        due_on: r2 ? rehandleDue : due,
        extended_due_on: r2 ? null : extended,
        completed_at: completed ? iso(at(completed)) : null,
      });
      if (t.contact !== null) {
        this.rows.contacts.push({
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
        this.rows.extensions.push({
          committee_id: committeeId,
          assignment_id: assignmentId,
          reason: '涉及多部门协调，需进一步调研论证。',
          requested_due_on: extended,
          requested_by_user_id: t.unit.clerkId,
          requested_at: iso(at(t.extensionAt)),
          decision: 'approved',
          decided_by_user_id: this.c.supervisorId,
          decided_at: iso(at(t.extensionAt) + 2 * DAY),
          decision_comment: '同意延期。',
        });
      }
      if (t.mode === 'co') {
        if (t.sent !== null) {
          const sentAt = at(t.sent);
          this.rows.letters.push({
            seed: ++this.letterSeq,
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
        this.rows.cosigns.push({
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
  private feedbackRows(
    id: string,
    p: Proposer,
    life: Timeline,
    confirmed: MemberRef[],
    at: (off: number) => number,
  ) {
    const { rng } = this.c;
    const decisive = p.leadMember
      ? { memberId: p.leadMember.id, userId: p.leadMember.userId, byStaff: false }
      : { memberId: null, userId: p.createdBy, byStaff: p.createdBy === this.c.staffId };
    const rate = (round: number, off: number, overall: Rating, r: typeof decisive) =>
      this.rows.feedback.push({
        committee_id: this.c.committeeId,
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
}
