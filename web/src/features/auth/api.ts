import type { MeView } from '@tongxin/common/auth/schemas.ts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const meKey = ['auth', 'me'] as const;

/** The signed-in user and what they may do; 401 sends the browser to the sign-in page. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => api<MeView>('/auth/me', { signal }),
    staleTime: 60_000,
  });
}

export function signIn(input: { username: string; password: string }) {
  return api<MeView>('/auth/sign-in', { method: 'POST', body: input, noAuthRedirect: true });
}

export function signOut() {
  return api<void>('/auth/sign-out', { method: 'POST', noAuthRedirect: true });
}

export function changePassword(input: { currentPassword: string; newPassword: string }) {
  return api<void>('/auth/change-password', { method: 'POST', body: input });
}
