import type { Page } from '@tongxin/common/pagination.ts';
import type {
  MergeCandidateGroup,
  SimilarProposalView,
  UnitSuggestion,
} from '@tongxin/common/search/similar.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client.ts';
import type { ProposalItem } from '../proposals/api.ts';

/** Where a passage comes from: the proposal's three parts or a reply letter. */
export type SnippetSource = 'situation' | 'analysis' | 'suggestions' | 'reply';

/** A search hit: the proposal as lists show it, with the server's highlighted title and passages. */
export interface SearchHit extends ProposalItem {
  score: number;
  /** Escaped by the server; the only markup is `<mark>` (rendered by `Highlighted`, never as HTML). */
  titleHtml: string;
  snippets: { source: SnippetSource; html: string }[];
}

export interface SearchResult extends Page<SearchHit> {
  /** The words and phrases the server searched for. */
  terms: string[];
  /**
   * The query matched too many texts to rank them all: the hits are the best among the latest and the
   * title matches, and `total` counts those.
   */
  broad: boolean;
}

export interface SearchParams {
  q: string;
  sessionId?: string;
  state?: string;
  category?: string;
  proposerKind?: string;
  handlerUnitId?: string;
  page: number;
  pageSize: number;
}

export const searchKey = ['search'] as const;

export function useSearch(params: SearchParams) {
  return useQuery({
    queryKey: [...searchKey, 'proposals', params],
    queryFn: ({ signal }) => api<SearchResult>('/search', { query: { ...params }, signal }),
    enabled: params.q.trim().length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export interface SearchWord {
  id: string;
  word: string;
  createdAt: string;
  createdByName: string;
}

export interface SearchDictionary {
  items: SearchWord[];
  builtin: string[];
  stopWords: string[];
  indexedDocuments: number;
}

export interface ReindexProgress {
  indexed: number;
  total: number;
  done: number;
  next: string | null;
}

export function useSearchDictionary() {
  return useQuery({
    queryKey: [...searchKey, 'dictionary'],
    queryFn: ({ signal }) => api<SearchDictionary>('/search/dictionary', { signal }),
  });
}

export function addSearchWord(word: string) {
  return api<SearchWord>('/search/dictionary', { method: 'POST', body: { word } });
}

export function deleteSearchWord(id: string) {
  return api<void>(`/search/dictionary/${id}`, { method: 'DELETE' });
}

/** One batch of the index rebuild; call again with `next` until it is null. */
export function reindexBatch(after: string | null) {
  return api<ReindexProgress>('/search/reindex', { method: 'POST', body: after ? { after } : {} });
}

/** After a dictionary change or a rebuild: the word list and every cached search. */
export function useInvalidateSearch() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: searchKey }), [client]);
}

export type {
  MergeCandidateGroup,
  SimilarProposalView,
  UnitSuggestion,
} from '@tongxin/common/search/similar.ts';

/**
 * Similar proposals of a text being drafted. The caller debounces; the previous list stays on screen while
 * the next one loads, so the panel does not flicker under the typing.
 */
export function useSimilarDraft(input: { title: string; body: string; excludeProposalId?: string }) {
  const title = input.title.trim();
  const body = input.body.trim();
  return useQuery({
    queryKey: [...searchKey, 'similar', title, body, input.excludeProposalId],
    queryFn: ({ signal }) =>
      api<{ items: SimilarProposalView[] }>('/search/similar', {
        method: 'POST',
        body: { title, body, excludeProposalId: input.excludeProposalId },
        signal,
      }),
    enabled: title.length >= 4 || body.length >= 20,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

/** The proposals most similar to one proposal (the review queue). */
export function useSimilarTo(id: string | null) {
  return useQuery({
    queryKey: [...searchKey, 'similar-to', id],
    queryFn: ({ signal }) => api<{ items: SimilarProposalView[] }>(`/proposals/${id}/similar`, { signal }),
    enabled: id !== null,
    retry: false,
  });
}

export function useMergeCandidates(sessionId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...searchKey, 'merge-candidates', sessionId],
    queryFn: ({ signal }) =>
      api<{ groups: MergeCandidateGroup[] }>('/search/merge-candidates', { query: { sessionId }, signal }),
    enabled: enabled && Boolean(sessionId),
    retry: false,
  });
}

/** The one-step 并案: the others merged into the parent, all or nothing. */
export function mergeDuplicates(
  parent: { id: string; version: number },
  children: { id: string; version: number }[],
) {
  return api<{ parentId: string; mergedIds: string[] }>(`/proposals/${parent.id}/merge-duplicates`, {
    method: 'POST',
    body: {
      expectedVersion: parent.version,
      children: children.map((c) => ({ id: c.id, expectedVersion: c.version })),
    },
  });
}

export function useUnitSuggestions(proposalId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...searchKey, 'unit-suggestions', proposalId],
    queryFn: ({ signal }) =>
      api<{ items: UnitSuggestion[] }>(`/proposals/${proposalId}/unit-suggestions`, { signal }),
    enabled,
    retry: false,
  });
}
