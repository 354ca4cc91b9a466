import type { Page } from '@tongxin/common/pagination.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download, type Query } from '../../api/client.ts';

export interface AuditEvent {
  id: number | string;
  committeeId: string | null;
  actorUserId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
  createdAt: string;
}

export function useAuditEvents(query: Query) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: ({ signal }) => api<Page<AuditEvent>>('/audit-events', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function exportAudit(query: Query, fileName: string) {
  const { page: _p, pageSize: _s, ...filters } = query;
  return download('/audit-events/export.xlsx', fileName, filters);
}
