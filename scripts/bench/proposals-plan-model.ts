/**
 * The vocabulary of the bench data's planner (proposals-plan.ts): proposer kinds and final states with their
 * weights, the context a plan is made in, the planned rows, and the timeline of one proposal as offsets from
 * its (last) submission.
 */
import type { Rng } from '../../server/src/modules/demo/prng.ts';
import { shanghaiDate } from '../../server/src/platform/calendar/working-days.ts';
import type { Category } from './proposals-text.ts';

export type Row = Record<string, unknown>;

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export type Kind =
  | 'member_individual'
  | 'member_joint'
  | 'party'
  | 'people_org'
  | 'special_committee'
  | 'sector'
  | 'member_group';
export const kindWeights: readonly (readonly [Kind, number])[] = [
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
export const lagDays: Partial<Record<FinalState, readonly [number, number]>> = {
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
export const filedStages = ['filed', 'assigned', 'handling', 'evaluating', 'rehandling', 'closed'];
/** A unit's task, in the order it moves. */
export const taskStages = [
  'pending_receipt',
  'handling',
  'reply_drafted',
  'cosigning',
  'leader_signoff',
  'supervision_review',
  'sent',
];
export const reviewStageNames = ['初审', '复审', '会审', '审定'];

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

export type Mode = 'sole' | 'lead' | 'co' | 'split';
export type Rating = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

export interface Proposer {
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

export interface ReviewEvent {
  stage: number;
  recommendation: 'file' | 'merge' | 'not_file' | 'return_for_revision';
  decision: boolean;
  off: number;
  reason: string | null;
}

/** One unit's task, as offsets (ms) from the submission. */
export interface Task {
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
export interface Timeline {
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

export const iso = (ms: number) => new Date(ms).toISOString();
export const day = (ms: number) => shanghaiDate(new Date(ms));
export const numeralsCn = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const cn = (n: number) => (n <= 10 ? numeralsCn[n]! : `十${numeralsCn[n - 10]}`);

/** The day the plenary window of a session opens: three months before it does (the default rules). */
export function windowOpen(openDate: string): number {
  const d = new Date(`${openDate}T00:00:00+08:00`);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.getTime();
}
