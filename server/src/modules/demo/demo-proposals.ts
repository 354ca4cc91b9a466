/**
 * The demo's proposals, from the shared corpus (`corpus/`): 40 in each of the five past sessions — filed,
 * assigned to the unit the topic belongs to and answered with a sent reply letter (办结), or merged into
 * their twin (并案) — and 40 in the current session, submitted and awaiting review. The corpus puts
 * near-duplicates where a reviewer meets them: a current proposal whose twin was answered last year, and
 * pairs within the current session (并案 candidates); so search and similar proposals have something to
 * show in `npm start`. Built in memory like the rest of the demo; ids come from here.
 */
import { randomUUID } from 'node:crypto';
import type {
  assignments,
  proposalSigners,
  proposals,
  replyLetters,
  reviewRecords,
} from '../../platform/db/schema.ts';
import type { DemoRows } from './build-demo.ts';
import { composeReply } from './corpus/compose.ts';
import { createCorpus } from './corpus/corpus.ts';
import { createRng } from './prng.ts';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface DemoProposalRows {
  proposals: Insert<typeof proposals>[];
  signers: Insert<typeof proposalSigners>[];
  reviews: Insert<typeof reviewRecords>[];
  assignments: Insert<typeof assignments>[];
  letters: Insert<typeof replyLetters>[];
}

/** Per past session, and in the current one. */
export const demoProposalsPerSession = 40;
export const demoCurrentProposals = 40;

/** Handler units with demo logins, and how many past proposals each handled. */
const loginUnits = ['市教育局', '市财政局'];
const maxLoginUnitTasks = 6;
const fallbackUnit = '市发展和改革委员会';

const day = 86_400_000;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * day);
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Rows for the demo's proposals. `staffUserId` enters them (paper proposals typed in by the office) and
 * drafts the historical replies; a proposal of the `member` login is its own.
 */
export function buildDemoProposals(
  rows: DemoRows,
  users: { staffUserId: string; memberUserId: string; memberId: string },
): DemoProposalRows {
  const committeeId = rows.committee.id;
  const sessions = [...rows.sessions].sort((a, b) => a.openDate.localeCompare(b.openDate));
  const corpus = createCorpus({
    count: (sessions.length - 1) * demoProposalsPerSession + demoCurrentProposals,
    sessions: sessions.length,
    years: sessions.map((s) => Number(s.openDate.slice(0, 4))),
  });
  const rng = createRng(20261122);
  const unitId = new Map(rows.handlerUnits.map((u) => [u.name, u.id!]));
  // The \`member\` login's proposals are the two chosen below, so "我的提案" stays small and predictable.
  const eligible = rows.members.filter(
    (m) => m.status === 'active' && !m.leadershipPosition && m.id !== users.memberId,
  );
  const memberName = new Map(rows.members.map((m) => [m.id!, m.name]));
  const unitNameOf = new Map(rows.handlerUnits.map((u) => [u.id!, u.name]));
  const loginUnitTasks = new Map<string, number>();
  /**
   * The topic's lead unit; the units with demo logins (clerk, clerk2) get only a few past proposals, so
   * their 全部 list — soonest due first — still opens with what a visitor assigns them today.
   */
  const handlerFor = (names: readonly string[]): string => {
    for (const name of names) {
      const id = unitId.get(name);
      if (!id) continue;
      if (!loginUnits.includes(name)) return id;
      const n = loginUnitTasks.get(name) ?? 0;
      if (n < maxLoginUnitTasks) {
        loginUnitTasks.set(name, n + 1);
        return id;
      }
    }
    return unitId.get(fallbackUnit)!;
  };
  const out: DemoProposalRows = { proposals: [], signers: [], reviews: [], assignments: [], letters: [] };
  const ids: string[] = [];
  const numbers = new Map<number, { intake: number; number: number }>();
  const current = sessions.length - 1;

  for (let i = 0; i < corpus.count; i++) {
    const c = corpus.proposal(i);
    const session = sessions[c.session]!;
    const id = randomUUID();
    ids.push(id);
    const counter = numbers.get(c.session) ?? { intake: 0, number: 0 };
    numbers.set(c.session, counter);
    counter.intake += 1;
    // Two of the past proposals are the `member` login's own, so "我的提案" shows an answered one.
    const own = c.session < current && c.kind === 'original' && i % demoProposalsPerSession === 5;
    const leadMemberId = own ? users.memberId : rng.pick(eligible).id!;
    const open = new Date(`${session.openDate}T09:00:00+08:00`);
    const submittedAt =
      c.session === current ? addDays(new Date(), -rng.int(1, 12)) : addDays(open, -rng.int(3, 60));
    const units = c.units.map((u) => unitId.get(u)).filter((u): u is string => !!u);
    const base = {
      id,
      committeeId,
      sessionId: session.id,
      intakeNo: counter.intake,
      timing: 'plenary' as const,
      proposerKind: 'member_individual' as const,
      leadMemberId,
      createdByUserId: own ? users.memberUserId : users.staffUserId,
      enteredOnBehalf: !own,
      title: c.title,
      situation: c.situation,
      analysis: c.analysis,
      suggestions: c.suggestions,
      category: c.category,
      subCategory: c.subCategory,
      suggestedHandlerUnitIds: units.slice(0, 1),
      submittedAt,
      createdAt: addDays(submittedAt, -rng.int(1, 10)),
      updatedAt: submittedAt,
    };
    out.signers.push({
      committeeId,
      proposalId: id,
      memberId: leadMemberId,
      role: 'lead',
      invitedAt: base.createdAt,
      confirmedAt: base.createdAt,
    });
    if (c.session === current) {
      out.proposals.push({ ...base, state: 'submitted' });
      continue;
    }
    const decidedAt = addDays(new Date(`${session.closeDate}T10:00:00+08:00`), rng.int(10, 25));
    // A same-session near-duplicate of a past session was merged into its twin (并案).
    if (c.kind === 'paraphrase' && c.twinOf !== null && corpus.sessionOf(c.twinOf) === c.session) {
      out.proposals.push({ ...base, state: 'merged', mergedIntoId: ids[c.twinOf]!, updatedAt: decidedAt });
      out.reviews.push({
        committeeId,
        proposalId: id,
        stageIndex: 3,
        stageName: '审定',
        reviewerUserId: users.staffUserId,
        recommendation: 'merge',
        comment: '与同类提案内容相近，并案办理。',
        mergeIntoId: ids[c.twinOf]!,
        isDecision: true,
        createdAt: decidedAt,
      });
      continue;
    }
    counter.number += 1;
    const assignedAt = addDays(decidedAt, rng.int(5, 12));
    const repliedAt = addDays(assignedAt, rng.int(40, 85));
    const closedAt = addDays(repliedAt, 30);
    const handlerUnitId = handlerFor(c.units);
    const unitName = unitNameOf.get(handlerUnitId)!;
    const assignmentId = randomUUID();
    out.proposals.push({
      ...base,
      number: counter.number,
      state: 'closed',
      closeReason: 'not_rated',
      filedAt: decidedAt,
      assignedAt,
      repliedAt,
      closedAt,
      feedbackDueOn: dateOnly(addDays(repliedAt, 21)),
      updatedAt: closedAt,
    });
    out.reviews.push({
      committeeId,
      proposalId: id,
      stageIndex: 3,
      stageName: '审定',
      reviewerUserId: users.staffUserId,
      recommendation: 'file',
      comment: '符合立案标准，同意立案。',
      suggestedHandlerUnitIds: [handlerUnitId],
      isDecision: true,
      createdAt: decidedAt,
    });
    out.assignments.push({
      id: assignmentId,
      committeeId,
      proposalId: id,
      handlerUnitId,
      mode: 'sole',
      state: 'sent',
      assignedByUserId: users.staffUserId,
      assignedAt,
      receivedAt: addDays(assignedAt, 2),
      dueOn: dateOnly(addDays(assignedAt, 91)),
      completedAt: repliedAt,
      createdAt: assignedAt,
      updatedAt: repliedAt,
    });
    const year = repliedAt.getUTCFullYear();
    out.letters.push({
      committeeId,
      proposalId: id,
      assignmentId,
      kind: 'reply',
      docNumber: `${unitName.replace(/^(国家税务总局)?(同心)?市?/, '').slice(0, 4)}函〔${year}〕${counter.number}号`,
      body: composeReply(rng, c.angle, {
        proposer: `${memberName.get(leadMemberId)}委员`,
        title: c.title,
        unit: unitName,
      }),
      resultClass: rng.weighted([
        ['A', 5],
        ['B', 4],
        ['C', 1],
      ] as const),
      draftedByUserId: users.staffUserId,
      signedByUserId: users.staffUserId,
      signedAt: addDays(repliedAt, -2),
      supervisionStatus: 'approved',
      sentAt: repliedAt,
      createdAt: addDays(repliedAt, -5),
      updatedAt: repliedAt,
    });
  }
  return out;
}
