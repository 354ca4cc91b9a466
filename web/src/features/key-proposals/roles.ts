import type { Role } from '@tongxin/common/roles.ts';
import { useSession } from '../../app/session.tsx';

/**
 * Whether the signed-in user holds one of the roles (and, for a scoped role, for the body named). The API
 * gives no per-action abilities for key and excellent proposals, so buttons follow the roles the server
 * checks; the server still decides, and its refusal is shown as is.
 */
export function useHasRole() {
  const { user } = useSession();
  return (roles: Role[], scopeName?: string | null) =>
    user.roles.some((r) => roles.includes(r.role) && (scopeName === undefined || r.scopeName === scopeName));
}
