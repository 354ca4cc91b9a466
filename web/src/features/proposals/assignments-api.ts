import type { Page } from '@tongxin/common/pagination.ts';
import type { AssignmentMode } from '@tongxin/common/proposals/enums.ts';
import type { AssignmentState } from '@tongxin/common/proposals/workflow.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download, type Query } from '../../api/client.ts';
import { assignmentsKey, type Named, type ReplyView, type TimelineEvent } from './api.ts';

/** One unit's task, as the unit's lists show it (`GET /api/assignments`). */
export interface AssignmentItem {
  id: string;
  version: number;
  proposal: { id: string; numberLabel: string | null; title: string; timing: string | null; isKey: boolean };
  handlerUnit: Named;
  mode: AssignmentMode;
  state: AssignmentState;
  round: number;
  dueOn: string | null;
  extendedDueOn: string | null;
  objectionDueOn: string | null;
  receivedAt: string | null;
  overdueWorkingDays: number | null;
  abilities: Partial<Record<string, boolean>>;
  /** Open requests, when the list carries them (the supervision office's queues). */
  pendingExtensionRequests?: number;
  pendingObjection?: boolean;
}

export interface ContactView {
  id: string;
  stage: 'before' | 'during' | 'after';
  method: 'visit' | 'meeting' | 'phone' | 'online';
  contactedOn: string;
  participants: string;
  notes: string;
  recordedByName?: string | null;
  createdAt?: string;
}

export interface ObjectionView {
  id: string;
  reason: string;
  proposedUnit?: Named | null;
  proposedUnitId?: string | null;
  raisedAt: string;
  raisedByName?: string | null;
  decision: 'reassigned' | 'upheld' | null;
  decisionComment: string | null;
  decidedAt: string | null;
}

export interface ExtensionView {
  id: string;
  reason: string;
  requestedDueOn: string;
  requestedAt: string;
  requestedByName?: string | null;
  decision: 'approved' | 'rejected' | null;
  decisionComment: string | null;
  decidedAt: string | null;
}

export interface CosignView {
  assignmentId: string;
  handlerUnit?: Named;
  handlerUnitName?: string;
  decision: 'agreed' | 'amended' | null;
  comment: string;
  decidedAt: string | null;
}

/** `GET /api/assignments/:id`: the task with the proposal's text and everything recorded on it. */
export interface AssignmentDetail extends AssignmentItem {
  proposal: AssignmentItem['proposal'] & {
    situation?: string;
    analysis?: string;
    suggestions?: string;
    proposerName?: string;
    proposerKind?: string;
    category?: string | null;
    state?: string;
    sessionName?: string | null;
  };
  /** This unit's replies (drafts and sent, every round), for lead / sole / split units. */
  replies?: ReplyView[];
  /** The lead unit's draft a co-handling unit is asked to co-sign. */
  leadReply?: ReplyView | null;
  coOpinion?: ReplyView | null;
  coOpinions?: ReplyView[];
  cosigns?: CosignView[];
  objections?: ObjectionView[];
  extensionRequests?: ExtensionView[];
  contacts?: ContactView[];
  /** The other units on the same proposal. */
  otherUnits?: { assignmentId: string; handlerUnit: Named; mode: AssignmentMode; state: AssignmentState }[];
  /** The task's own history (its audit trail). */
  timeline?: TimelineEvent[];
}

export interface AssignmentListQuery extends Query {
  box?: 'todo' | 'overdue' | 'due_soon' | 'all';
  handlerUnitId?: string;
  state?: string;
  proposalId?: string;
  page?: number;
  pageSize?: number;
}

export function useAssignmentList(query: AssignmentListQuery, enabled = true) {
  return useQuery({
    queryKey: [...assignmentsKey, 'list', query],
    queryFn: ({ signal }) => api<Page<AssignmentItem>>('/assignments', { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssignment(id: string | undefined) {
  return useQuery({
    queryKey: [...assignmentsKey, 'detail', id],
    queryFn: ({ signal }) => api<AssignmentDetail>(`/assignments/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

const post = <T = AssignmentDetail>(path: string, body: unknown) => api<T>(path, { method: 'POST', body });

export const assignmentActions = {
  receive: (id: string, expectedVersion: number) => post(`/assignments/${id}/receive`, { expectedVersion }),
  object: (id: string, body: { reason: string; proposedUnitId?: string | null; expectedVersion: number }) =>
    post(`/assignments/${id}/object`, body),
  decideObjection: (
    id: string,
    body: {
      decision: 'uphold' | 'reassign';
      newHandlerUnitId?: string | null;
      comment: string;
      expectedVersion: number;
    },
  ) => post(`/assignments/${id}/objection-decision`, body),
  requestExtension: (id: string, body: { reason: string; requestedDueOn: string; expectedVersion: number }) =>
    post(`/assignments/${id}/extension-requests`, body),
  decideExtension: (requestId: string, body: { approve: boolean; comment: string }) =>
    post(`/extension-requests/${requestId}/decision`, body),
  recordContact: (
    id: string,
    body: { stage: string; method: string; contactedOn: string; participants: string; notes: string },
  ) => post(`/assignments/${id}/contacts`, body),
  sendCoOpinion: (id: string, body: { body: string; expectedVersion: number }) =>
    post(`/assignments/${id}/co-opinion`, body),
  saveReply: (
    id: string,
    body: {
      docNumber: string;
      body: string;
      resultClass: string;
      contactName: string;
      contactPhone: string;
      publishMode?: 'full' | 'summary' | 'none';
      expectedVersion: number;
    },
  ) => api<AssignmentDetail>(`/assignments/${id}/reply`, { method: 'PUT', body }),
  submitReply: (id: string, expectedVersion: number) =>
    post(`/assignments/${id}/reply/submit`, { expectedVersion }),
  cosign: (
    coAssignmentId: string,
    body: { decision: 'agreed' | 'amended'; comment: string; expectedVersion: number },
  ) => post(`/assignments/${coAssignmentId}/cosign`, body),
  signOff: (id: string, body: { approve: boolean; comment: string; expectedVersion: number }) =>
    post(`/assignments/${id}/reply/sign-off`, body),
  reviewReply: (
    id: string,
    body: { approve: boolean; resultClass?: string | null; comment: string; expectedVersion: number },
  ) => post(`/assignments/${id}/reply/review`, body),
};

export function downloadReplyDocx(assignmentId: string, fileName: string) {
  return download(`/assignments/${assignmentId}/reply.docx`, fileName);
}
