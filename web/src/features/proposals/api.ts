import type { Page } from '@tongxin/common/pagination.ts';
import type {
  AssignmentMode,
  ProposalState,
  ProposerKind,
  ReviewRecommendation,
} from '@tongxin/common/proposals/enums.ts';
import type { ProposalRules } from '@tongxin/common/proposals/rules.ts';
import type { AssignmentState } from '@tongxin/common/proposals/workflow.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, download, type Query } from '../../api/client.ts';

export interface Named {
  id: string;
  name: string;
}

export type SignerStatus = 'confirmed' | 'invited' | 'declined' | 'dropped';

export interface Signer {
  memberId: string;
  name: string;
  role: 'lead' | 'cosigner';
  status: SignerStatus;
  fromProposalId: string | null;
  /** 平时提案: the last day to answer the invitation. */
  cosignDueOn?: string | null;
}

/** What the proposal's row allows the signed-in user (keys of `proposalTransitions`). */
export type ProposalAbilities = Partial<Record<string, boolean>>;

/** A proposal as the list presents it (`GET /api/proposals`). */
export interface ProposalItem {
  id: string;
  version: number;
  sessionId: string | null;
  sessionName: string | null;
  number: number | null;
  numberLabel: string | null;
  intakeNo: number | null;
  timing: 'plenary' | 'recess' | null;
  proposerKind: ProposerKind;
  proposerName: string;
  leadMemberId: string | null;
  leadUnitId: string | null;
  enteredOnBehalf: boolean;
  title: string;
  category: string | null;
  subCategory: string | null;
  state: ProposalState;
  reviewStage: number | null;
  reviewStageName: string | null;
  isKey: boolean;
  isUrgent: boolean;
  consentToPublish: boolean;
  mergedIntoId: string | null;
  notFiledReasonCode: string | null;
  notFiledReason: string | null;
  convertedTo: string | null;
  submittedAt: string | null;
  filedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  signers: Signer[];
  abilities: ProposalAbilities;
}

export interface ReviewView {
  stageName: string;
  recommendation: ReviewRecommendation;
  reasonCode: string | null;
  comment: string;
  isDecision: boolean;
  createdAt: string;
  /** The units the reviewer suggested (sent once the server includes them). */
  suggestedHandlerUnitIds?: string[];
  suggestedHandlerUnits?: Named[];
}

export interface TimelineEvent {
  action: string;
  actorName: string | null;
  at: string;
  /** Optional extras some events carry (unit name, comment …). */
  detail?: string | null;
  unitName?: string | null;
}

/** One unit's task as the proposal detail shows it. */
export interface AssignmentSummary {
  id: string;
  version?: number;
  handlerUnit?: Named;
  handlerUnitId?: string;
  handlerUnitName?: string;
  mode: AssignmentMode;
  state: AssignmentState;
  round: number;
  dueOn: string | null;
  extendedDueOn: string | null;
  objectionDueOn?: string | null;
  receivedAt: string | null;
  overdueWorkingDays?: number | null;
  abilities?: Partial<Record<string, boolean>>;
}

/** A reply letter (答复函) or a co-handling unit's opinion (会办意见). */
export interface ReplyView {
  id: string;
  version?: number;
  assignmentId: string;
  handlerUnit?: Named;
  handlerUnitName?: string;
  kind?: 'reply' | 'co_opinion';
  round: number;
  docNumber: string;
  body: string;
  resultClass: string | null;
  resultClassLabel?: string | null;
  contactName?: string;
  contactPhone?: string;
  signedAt?: string | null;
  supervisionStatus?: 'pending' | 'approved' | 'returned' | null;
  supervisionComment?: string | null;
  sentAt: string | null;
  publishMode?: 'full' | 'summary' | 'none';
  updatedAt?: string;
  draftedByName?: string | null;
  signedByName?: string | null;
  /** 会签 of each co-handling unit on this reply. */
  cosigns?: {
    assignmentId: string;
    unitName: string;
    decision: 'agreed' | 'amended';
    comment: string;
    decidedAt: string | null;
  }[];
}

export interface FeedbackView {
  id?: string;
  round: number;
  memberId?: string | null;
  raterName?: string | null;
  memberName?: string | null;
  overall: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  consultedBeforeReply?: string | null;
  handlerAttitude?: string | null;
  agreesWithResult?: boolean | null;
  replyOnPoint?: boolean | null;
  visitHappened?: boolean | null;
  comment: string;
  recordedByStaff?: boolean;
  /** Who entered a paper form (staff), else null. */
  enteredByName?: string | null;
  submittedAt: string;
}

/** 协商办结: the consultation that closed the proposal. */
export interface ConsultationView {
  round: number;
  heldOn: string;
  form: ConsultationForm;
  participants: string;
  outcome: string;
  recordedByName: string;
  recordedAt: string;
}
export const consultationForms = ['meeting', 'visit', 'phone', 'online', 'written'] as const;
export type ConsultationForm = (typeof consultationForms)[number];
export interface CloseBody {
  heldOn: string;
  form: ConsultationForm;
  participants: string;
  outcome: string;
}

/** `GET /api/proposals/:id`: the text, signers, reviews, timeline and (once assigned) the handling. */
export interface ProposalDetail extends ProposalItem {
  situation: string;
  analysis: string;
  suggestions: string;
  suggestedHandlerUnits: Named[];
  nonPublishReason: string | null;
  signatoryName: string | null;
  sealAttached: boolean;
  leadGroupName: string | null;
  reviews: ReviewView[];
  timeline: TimelineEvent[];
  assignments?: AssignmentSummary[];
  replies?: ReplyView[];
  feedback?: FeedbackView[];
  feedbackDueOn?: string | null;
  round?: number;
  consultation?: ConsultationView | null;
}

export interface ProposalListQuery extends Query {
  box?: 'all' | 'mine' | 'cosign' | 'review' | 'unit';
  q?: string;
  sessionId?: string;
  state?: string;
  category?: string;
  proposerKind?: string;
  handlerUnitId?: string;
  isKey?: string;
  timing?: string;
  page?: number;
  pageSize?: number;
}

export const proposalsKey = ['proposals'] as const;
export const assignmentsKey = ['assignments'] as const;

export function useProposalList(query: ProposalListQuery, enabled = true) {
  return useQuery({
    queryKey: [...proposalsKey, 'list', query],
    queryFn: ({ signal }) => api<Page<ProposalItem>>('/proposals', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function fetchProposal(id: string, signal?: AbortSignal) {
  return api<ProposalDetail>(`/proposals/${id}`, { signal });
}

export function useProposal(id: string | undefined) {
  return useQuery({
    queryKey: [...proposalsKey, 'detail', id],
    queryFn: ({ signal }) => fetchProposal(id!, signal),
    enabled: Boolean(id),
  });
}

export function useProposalRules() {
  return useQuery({
    queryKey: [...proposalsKey, 'rules'],
    queryFn: ({ signal }) => api<ProposalRules>('/proposal-rules', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** A fresh key per form submission: a double click or a retry makes one proposal, not two. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

const idem = (key: string) => ({ 'Idempotency-Key': key });

export interface ProposalContent {
  title?: string;
  situation?: string;
  analysis?: string;
  suggestions?: string;
  category?: string | null;
  suggestedHandlerUnitIds?: string[];
  consentToPublish?: boolean;
  nonPublishReason?: string | null;
  isUrgent?: boolean;
  signatoryName?: string | null;
  sealAttached?: boolean;
}

export interface CreateProposal extends ProposalContent {
  proposerKind: ProposerKind;
  leadMemberId?: string | null;
  cosignerIds?: string[];
}

export function createProposal(body: CreateProposal, key: string) {
  return api<ProposalDetail>('/proposals', { method: 'POST', body, headers: idem(key) });
}

export function updateProposal(id: string, body: ProposalContent & { expectedVersion: number }) {
  return api<ProposalDetail>(`/proposals/${id}`, { method: 'PATCH', body });
}

export function inviteCosigners(id: string, memberIds: string[]) {
  return api<ProposalDetail>(`/proposals/${id}/cosigners`, { method: 'POST', body: { memberIds } });
}

export function respondCosign(id: string, accept: boolean) {
  return api<ProposalDetail>(`/proposals/${id}/cosign`, { method: 'POST', body: { accept } });
}

export function submitProposal(id: string, expectedVersion: number, key: string) {
  return api<ProposalDetail>(`/proposals/${id}/submit`, {
    method: 'POST',
    body: { expectedVersion },
    headers: idem(key),
  });
}

export function withdrawProposal(id: string, expectedVersion: number) {
  return api<ProposalDetail>(`/proposals/${id}/withdraw`, { method: 'POST', body: { expectedVersion } });
}

export interface ReviewBody {
  recommendation: ReviewRecommendation;
  reasonCode?: string | null;
  comment: string;
  suggestedHandlerUnitIds: string[];
  mergeIntoId?: string | null;
  expectedVersion: number;
}

export function reviewProposal(id: string, body: ReviewBody) {
  return api<ProposalDetail>(`/proposals/${id}/review`, { method: 'POST', body });
}

export function convertProposal(id: string, body: { target: string; note: string; expectedVersion: number }) {
  return api<ProposalDetail>(`/proposals/${id}/convert`, { method: 'POST', body });
}

export interface DocxDraft {
  title: string;
  situation: string;
  analysis: string;
  suggestions: string;
  warnings: string[];
}

/** Reads a proposal written in Word: the server splits it into 案由 and 情况 / 分析 / 建议. */
export function draftFromDocx(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api<DocxDraft>('/proposals/draft-from-docx', { method: 'POST', form });
}

export function saveRules(rules: ProposalRules) {
  return api<ProposalRules>('/proposal-rules', { method: 'PUT', body: rules });
}

export function exportProposals(query: ProposalListQuery, fileName: string) {
  const { page: _page, pageSize: _size, ...filters } = query;
  return download('/proposals/export.xlsx', fileName, filters);
}

// ── handling: assignments, replies, ratings ──

export interface UnitChoice {
  handlerUnitId: string;
  mode: AssignmentMode;
}

export function assignProposal(id: string, units: UnitChoice[], expectedVersion: number) {
  return api<ProposalDetail>(`/proposals/${id}/assignments`, {
    method: 'POST',
    body: { units, expectedVersion },
  });
}

export interface BulkResult {
  /** How many proposals were assigned (all or nothing: a problem in any row is a 400 naming `items.N`). */
  assigned: number;
  results?: { proposalId: string; ok: boolean; error?: { code: string; message: string } }[];
}

export function assignBulk(items: { proposalId: string; units: UnitChoice[] }[], key: string) {
  return api<BulkResult>('/assignments/bulk', { method: 'POST', body: { items }, headers: idem(key) });
}

export interface FeedbackBody {
  overall: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  consultedBeforeReply?: 'visit' | 'meeting' | 'phone' | 'letter' | 'none';
  handlerAttitude?: 'good' | 'fair' | 'poor';
  agreesWithResult?: boolean;
  replyOnPoint?: boolean;
  visitHappened?: boolean;
  comment: string;
  onBehalfOfMemberId?: string;
}

export function rateProposal(id: string, body: FeedbackBody) {
  return api<ProposalDetail>(`/proposals/${id}/feedback`, { method: 'POST', body });
}

export function rehandleProposal(id: string, comment: string, expectedVersion: number) {
  return api<ProposalDetail>(`/proposals/${id}/rehandle`, {
    method: 'POST',
    body: { comment, expectedVersion },
  });
}

/** 协商办结 with the consultation record. */
export function closeProposal(id: string, body: CloseBody, expectedVersion: number) {
  return api<ProposalDetail>(`/proposals/${id}/close`, {
    method: 'POST',
    body: { reason: 'consulted', ...body, expectedVersion },
  });
}

/** After a write: every proposal and assignment list and detail may have changed. */
export function useInvalidateProposals() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: proposalsKey }),
        queryClient.invalidateQueries({ queryKey: assignmentsKey }),
      ]),
    [queryClient],
  );
}
