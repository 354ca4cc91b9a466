import type { UserView } from '@tongxin/common/auth/schemas.ts';
import type { Role } from '@tongxin/common/roles.ts';
import type { Page } from '@tongxin/common/pagination.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const usersKey = ['users'] as const;

export interface Grant {
  role: Role;
  scopeId: string | null;
}

export function useUsers(query: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...usersKey, query],
    queryFn: ({ signal }) => api<Page<UserView>>('/users', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function searchUsers(q: string, signal?: AbortSignal) {
  return api<Page<UserView>>('/users', { query: { q, pageSize: 20 }, signal }).then((p) => p.items);
}

export function createUser(body: {
  username: string;
  displayName: string;
  initialPassword: string;
  roles: Grant[];
}) {
  return api<UserView>('/users', { method: 'POST', body });
}

export function updateUser(
  id: string,
  body: { displayName?: string; roles?: Grant[]; isActive?: boolean; resetPassword?: string },
) {
  return api<UserView>(`/users/${id}`, { method: 'PATCH', body });
}

/** A password that passes the shared rules: letters of both cases, digits and a symbol, 12 characters. */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%&*?'];
  const all = sets.join('');
  const random = new Uint32Array(12);
  crypto.getRandomValues(random);
  const chars = [...random].map((n, i) => {
    const set = i < sets.length ? sets[i]! : all;
    return set[n % set.length]!;
  });
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random[i]! % (i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
