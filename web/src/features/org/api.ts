import type { ImportReport } from '@tongxin/common/org/schemas.ts';
import type { Page } from '@tongxin/common/pagination.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, download, type Query } from '../../api/client.ts';
import type { OrgKey } from './keys.ts';
import type { Named, OrgOptions, OrgView } from './types.ts';

export const orgKey = ['org'] as const;

export function useOrgOptions() {
  return useQuery({
    queryKey: [...orgKey, 'options'],
    queryFn: ({ signal }) => api<OrgOptions>('/org/options', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useOrgList(resource: OrgKey, query: Query) {
  return useQuery({
    queryKey: [...orgKey, resource, 'list', query],
    queryFn: ({ signal }) => api<Page<OrgView>>(`/org/${resource}`, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function fetchRow(resource: OrgKey, id: string, signal?: AbortSignal) {
  return api<OrgView>(`/org/${resource}/${id}`, { signal });
}

export function useOrgDetail(resource: OrgKey, id: string | null) {
  return useQuery({
    queryKey: [...orgKey, resource, 'detail', id],
    queryFn: ({ signal }) => fetchRow(resource, id!, signal),
    enabled: id !== null,
  });
}

export function createRow(resource: OrgKey, body: Record<string, unknown>) {
  return api<OrgView>(`/org/${resource}`, { method: 'POST', body });
}

export function updateRow(resource: OrgKey, id: string, body: Record<string, unknown>) {
  return api<OrgView>(`/org/${resource}/${id}`, { method: 'PATCH', body });
}

export function deleteRow(resource: OrgKey, id: string, expectedVersion: number) {
  return api<void>(`/org/${resource}/${id}`, { method: 'DELETE', query: { expectedVersion } });
}

export function exportRows(resource: OrgKey, query: Query, fileName: string) {
  const { page: _page, pageSize: _size, ...filters } = query;
  return download(`/org/${resource}/export.xlsx`, `${fileName}.xlsx`, filters);
}

export function importRows(resource: OrgKey, file: File, dryRun: boolean) {
  const form = new FormData();
  form.append('file', file);
  return api<ImportReport>(`/org/${resource}/import`, { method: 'POST', query: { dryRun }, form });
}

export function downloadTemplate(resource: OrgKey, fileName: string) {
  return download(`/org/${resource}/import-template.xlsx`, `${fileName}.xlsx`);
}

/** Members by name, for the member pickers (conveners, directors, platform members, member accounts). */
export function searchMembers(q: string, signal?: AbortSignal) {
  return api<Page<OrgView>>('/org/members', { query: { q, pageSize: 20 }, signal }).then((page) =>
    page.items.map((m): Named => ({ id: m.id, name: String(m.name) })),
  );
}

/** After a write: every list and the dropdown options may have changed. */
export function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: orgKey }), [queryClient]);
}
