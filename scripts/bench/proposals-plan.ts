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
 * Steps 2 and 4 live in proposals-plan-timeline.ts and proposals-plan-rows.ts; the types in
 * proposals-plan-model.ts. Long texts are not kept: the proposal's and each letter's seed are, and the writer generates the words
 * chunk by chunk (proposals-text.ts).
 */
import { randomUUID } from 'node:crypto';
import { type Category, categoryWeights, type Topic, title as makeTitle, topics } from './proposals-text.ts';
import { addCalendarDays } from '../../server/src/platform/calendar/working-days.ts';
import {
  cn,
  DAY,
  day,
  type FinalState,
  filedStages,
  HOUR,
  iso,
  type Kind,
  kindWeights,
  lagDays,
  type MemberRef,
  type Mode,
  type PlanContext,
  type PlannedProposal,
  type PlannedRows,
  type Proposer,
  type Row,
  type SessionRef,
  type Timeline,
  type UnitPeople,
  windowOpen,
} from './proposals-plan-model.ts';
import { feedbackRows, type RowSink, reviewRows, signerRows, taskRows } from './proposals-plan-rows.ts';
import { timeline } from './proposals-plan-timeline.ts';

export {
  cn,
  DAY,
  type FinalState,
  HOUR,
  latestFates,
  type MemberRef,
  oldFates,
  type PlanContext,
  type PlannedLetter,
  type PlannedProposal,
  type PlannedRows,
  type Row,
  type SessionRef,
  type UnitPeople,
  windowOpen,
} from './proposals-plan-model.ts';

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
  private readonly sink: RowSink;

  constructor(c: PlanContext) {
    this.c = c;
    this.sink = { c, rows: this.rows, nextLetterSeq: () => ++this.letterSeq };
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
    const life = timeline(this.c, state, units, proposer.cosigners);
    const at = session
      ? this.place(life, session, sessionIdx, latest, state, proposer.kind)
      : this.placeDraft();

    const confirmed = signerRows(this.sink, id, state, proposer, life, at);
    const decision = reviewRows(this.sink, id, life, units, at);
    const assignedAt = life.assigned !== null ? at(life.assigned) : null;
    if (assignedAt !== null) {
      taskRows(this.sink, id, life, at, assignedAt, { topicIdx, title, addressee: proposer.addressee });
    }
    feedbackRows(this.sink, id, proposer, life, confirmed, at);
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
}
