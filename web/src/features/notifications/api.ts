import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A path inside this app, e.g. `/proposals/…`. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  page: number;
  pageSize: number;
  unreadCount: number;
}

export const notificationsKey = ['notifications'] as const;
/** The header polls the unread count this often, while the person is using the app. */
export const unreadPollMs = 60_000;

/** The unread count for the bell; `poll` off stops the timer (an idle session must be allowed to expire). */
export function useUnreadCount(poll: boolean) {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: ({ signal }) => api<{ count: number }>('/notifications/unread-count', { signal }),
    select: (d) => d.count,
    refetchInterval: poll ? unreadPollMs : false,
    refetchOnWindowFocus: poll,
    staleTime: 10_000,
  });
}

export function useNotificationList(
  query: { unread: boolean; page: number; pageSize: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...notificationsKey, 'list', query],
    queryFn: ({ signal }) => api<NotificationPage>('/notifications', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
    staleTime: 0,
  });
}

/** Mark one or all read; the list and the count refresh afterwards. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationsKey });
  const one = useMutation({
    mutationFn: (id: string) => api<NotificationItem>(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const all = useMutation({
    mutationFn: () => api<{ updated: number }>('/notifications/read-all', { method: 'POST' }),
    onSuccess: refresh,
  });
  return { one, all };
}
