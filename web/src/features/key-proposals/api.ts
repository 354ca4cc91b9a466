import type { Page } from '@tongxin/common/pagination.ts';
import type { ExcellentStage, supervisionEventKinds } from '@tongxin/common/proposals/awards.ts';
import type { ProposalState, ProposerKind } from '@tongxin/common/proposals/enums.ts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client.ts';

export type SupervisionEventKind = (typeof supervisionEventKinds)[number];

/** The fields of a proposal view these pages show. */
export interface AwardProposal {
  id: string;
  numberLabel: string | null;
  intakeNo: number | null;
  sessionName: string | null;
  title: string;
  proposerName: string;
  proposerKind: ProposerKind;
  category: string | null;
  state: ProposalState;
  isKey: boolean;
}

export interface SupervisionEvent {
  id: string;
  kind: SupervisionEventKind;
  heldOn: string;
  participants: string;
  findings: string;
  createdAt: string;
}

/** `GET /api/key-proposals` item: the proposal, its four supervision roles, plan and events. */
export interface KeyProposal {
  id: string;
  year: number;
  proposal: AwardProposal;
  /** 领衔督办的主席会议成员 */
  supervisingLeader: string | null;
  /** 跟踪督办的专委会 */
  responsibleCommittee: string | null;
  /** 领办的党政领导 */
  leadingOfficial: string | null;
  /** 联动的重点协商议题 */
  linkedTopic: string | null;
  supervisionPlan: string;
  events: SupervisionEvent[];
}

export interface ExcellentAward {
  id: string;
  version: number;
  proposalId: string;
  year: number;
  stage: ExcellentStage;
  nominatedBy: string;
  notes: string;
  proposal: AwardProposal;
  createdAt: string;
  updatedAt: string;
}

export interface MarkKeyBody {
  supervisingLeaderId?: string | null;
  responsibleCommitteeId?: string | null;
  leadingOfficial?: string | null;
  linkedTopic?: string | null;
  supervisionPlan: string;
}

export interface SupervisionEventBody {
  kind: SupervisionEventKind;
  heldOn: string;
  participants: string;
  findings: string;
}

export const keyProposalsKey = ['key-proposals'] as const;
export const excellentKey = ['excellent-awards'] as const;

export function useKeyProposals(year: number | undefined) {
  return useQuery({
    queryKey: [...keyProposalsKey, year ?? 'all'],
    queryFn: ({ signal }) => api<{ items: KeyProposal[] }>('/key-proposals', { query: { year }, signal }),
  });
}

export function markKeyProposal(proposalId: string, body: MarkKeyBody) {
  return api<{ ok: true }>(`/proposals/${proposalId}/key`, { method: 'POST', body });
}

export function recordSupervisionEvent(keyProposalId: string, body: SupervisionEventBody) {
  return api<{ ok: true }>(`/key-proposals/${keyProposalId}/events`, { method: 'POST', body });
}

export function useExcellentAwards(year: number | undefined) {
  return useQuery({
    queryKey: [...excellentKey, year ?? 'all'],
    queryFn: ({ signal }) =>
      api<{ items: ExcellentAward[] }>('/excellent-awards', { query: { year }, signal }),
  });
}

export function nominateExcellent(body: {
  proposalId: string;
  year: number;
  nominatedBy: string;
  notes: string;
}) {
  return api<{ id: string }>('/excellent-awards', { method: 'POST', body });
}

export function advanceExcellent(
  id: string,
  body: { stage: Exclude<ExcellentStage, 'nominated'>; notes: string; expectedVersion: number },
) {
  return api<{ ok: true }>(`/excellent-awards/${id}/advance`, { method: 'POST', body });
}

/** Proposals that have been filed (and may be handled or closed): the ones that can be key or excellent. */
export const filedStates: ProposalState[] = [
  'filed',
  'assigned',
  'handling',
  'evaluating',
  'rehandling',
  'closed',
];

export function searchFiledProposals(q: string, signal?: AbortSignal) {
  return api<Page<AwardProposal>>('/proposals', {
    query: { state: filedStates.join(','), q, pageSize: 20 },
    signal,
  }).then((page) => page.items);
}

export interface Leader {
  id: string;
  name: string;
  leadershipPosition: string;
}

/**
 * Members of the Chair's Council (chair, vice-chairs, secretary-general), who may lead the supervision of
 * a key proposal. The member list has no filter by position, so every page is read and filtered here.
 */
export function useLeaders(enabled: boolean) {
  return useQuery({
    queryKey: ['org', 'members', 'leaders'],
    queryFn: async ({ signal }) => {
      const leaders: Leader[] = [];
      for (let page = 1; page <= 20; page++) {
        const data = await api<Page<{ id: string; name: string; leadershipPosition: string | null }>>(
          '/org/members',
          { query: { status: 'active', page, pageSize: 200 }, signal },
        );
        for (const m of data.items) {
          if (m.leadershipPosition)
            leaders.push({ id: m.id, name: m.name, leadershipPosition: m.leadershipPosition });
        }
        if (page * data.pageSize >= data.total) break;
      }
      const order = ['chair', 'vice_chair', 'secretary_general'];
      return leaders.sort(
        (a, b) => order.indexOf(a.leadershipPosition) - order.indexOf(b.leadershipPosition),
      );
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** After marking or recording: the lists, the proposal pages and the statistics may all have changed. */
export function useInvalidateAwards() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keyProposalsKey }),
        queryClient.invalidateQueries({ queryKey: excellentKey }),
        queryClient.invalidateQueries({ queryKey: ['proposals'] }),
        queryClient.invalidateQueries({ queryKey: ['proposal-stats'] }),
      ]),
    [queryClient],
  );
}
