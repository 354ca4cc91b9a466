import type { Page } from '@tongxin/common/pagination.ts';
import type { AssignmentMode, ProposerKind } from '@tongxin/common/proposals/enums.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../api/client.ts';

/** A filed proposal as anyone may read it (`GET /api/public/proposals`): no contact details, ever. */
export interface PublicProposalItem {
  id: string;
  numberLabel: string | null;
  sessionName: string;
  title: string;
  category: string | null;
  proposerKind: ProposerKind;
  proposers: string[];
  handlerUnits: { name: string; mode: AssignmentMode }[];
  state: string;
  filedAt: string | null;
  hasReply: boolean;
}

export interface PublicReply {
  unit: string;
  round: number;
  resultClass: string | null;
  resultClassLabel: string | null;
  body: string;
  summaryOnly: boolean;
  sentAt: string | null;
}

export interface PublicProposal extends PublicProposalItem {
  situation: string;
  analysis: string;
  suggestions: string;
  replies: PublicReply[];
}

export interface PublicList extends Page<PublicProposalItem> {
  committee: { id: string; name: string };
}

const publicKey = ['public'] as const;
// The public pages never send a visitor to the sign-in page: a 401 cannot happen here, and must not redirect.
const open = { noAuthRedirect: true };

export function usePublicList(query: Query) {
  return useQuery({
    queryKey: [...publicKey, 'list', query],
    queryFn: ({ signal }) => api<PublicList>('/public/proposals', { query, signal, ...open }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicProposal(id: string | undefined) {
  return useQuery({
    queryKey: [...publicKey, 'detail', id],
    queryFn: ({ signal }) => api<PublicProposal>(`/public/proposals/${id}`, { signal, ...open }),
    enabled: Boolean(id),
  });
}

export function usePublicSessions() {
  return useQuery({
    queryKey: [...publicKey, 'sessions'],
    queryFn: ({ signal }) =>
      api<{ committee: { id: string; name: string }; items: { id: string; name: string }[] }>(
        '/public/sessions',
        {
          signal,
          ...open,
        },
      ),
    staleTime: 10 * 60_000,
  });
}
