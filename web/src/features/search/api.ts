import type { Page } from '@tongxin/common/pagination.ts';
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
