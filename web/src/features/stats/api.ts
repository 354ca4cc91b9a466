import type { Page } from '@tongxin/common/pagination.ts';
import type { ProposalState, ProposerKind, proposalCategories } from '@tongxin/common/proposals/enums.ts';
import type { Figure, Rate } from '@tongxin/common/stats/proposal-stats.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download } from '../../api/client.ts';

export type { Figure, Rate };

/** `GET /api/proposal-stats`: the proposal figures of a session or a year, each with its metric. */
export interface ProposalStats {
  received: Figure;
  filed: Figure;
  merged: Figure;
  notFiled: Figure;
  converted: Figure;
  inReview: Figure;
  key: Figure;
  notRated: Figure;
  /** Shares over received proposals, each with the same count over filed ones (`filed`). */
  memberProposals: Figure & { filed: Figure };
  collectiveProposals: Figure & { filed: Figure };
  byProposerKind: (Figure & { kind: ProposerKind; label: string; filed: Figure })[];
  collectiveByUnit: (Figure & { unitId: string; name: string; unitKind: string; filed: Figure })[];
  byCategory: (Figure & { category: (typeof proposalCategories)[number]; label: string; filed: Figure })[];
  filingRate: Rate;
  replyRate: Rate;
  onTimeReplyRate: Rate;
  satisfactionPerProposal: Rate;
  satisfactionPerRating: Rate;
  satisfactionOverFiled: Rate;
  resultClasses: (Figure & { code: string; label: string })[];
  /** Per level: how many ratings, and the proposals whose deciding rating has that level. */
  ratings: {
    level: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
    label: string;
    ratings: number;
    proposals: Figure;
  }[];
  units: {
    handlerUnitId: string;
    name: string;
    assigned: Figure;
    replied: Figure;
    onTime: Figure;
    satisfaction: Rate;
  }[];
  definitions: Record<string, string>;
}

export type RateKey =
  | 'filingRate'
  | 'replyRate'
  | 'onTimeReplyRate'
  | 'satisfactionPerProposal'
  | 'satisfactionPerRating'
  | 'satisfactionOverFiled';

/** A session or a calendar year (counted by submission date, Beijing time). */
export type StatsScope = { sessionId: string } | { year: number };

/** The fields of a proposal view the drill-down list shows. */
export interface StatsProposal {
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
  submittedAt: string | null;
}

export const statsKey = ['proposal-stats'] as const;

export function useProposalStats(scope: StatsScope | null) {
  return useQuery({
    queryKey: [...statsKey, 'summary', scope],
    queryFn: ({ signal }) => api<ProposalStats>('/proposal-stats', { query: scope ?? {}, signal }),
    enabled: scope !== null,
    placeholderData: keepPreviousData,
  });
}

/** The proposals behind one figure, a page at a time. */
export function useStatsProposals(scope: StatsScope, metric: string | null, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...statsKey, 'proposals', scope, metric, page, pageSize],
    queryFn: ({ signal }) =>
      api<Page<StatsProposal>>('/proposal-stats/proposals', {
        query: { ...scope, metric: metric!, page, pageSize },
        signal,
      }),
    enabled: metric !== null,
    placeholderData: keepPreviousData,
  });
}

export function exportProposalStats(scope: StatsScope, fileName: string) {
  return download('/proposal-stats/export.xlsx', fileName, scope);
}
