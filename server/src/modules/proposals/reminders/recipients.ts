import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '@tongxin/common/roles.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { userRoles, users } from '../../auth/schema.ts';

/**
 * The committee's active accounts holding `roles`, grouped by the body they hold them for (`''` for
 * unscoped roles). One query per committee instead of one per reminder.
 */
export async function accountsByScope(
  db: Db,
  committeeId: string,
  roles: Role[],
): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ userId: userRoles.userId, scopeId: userRoles.scopeId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(eq(userRoles.committeeId, committeeId), inArray(userRoles.role, roles), eq(users.isActive, true)),
    );
  const byScope = new Map<string, string[]>();
  for (const r of rows) {
    const key = r.scopeId ?? '';
    const list = byScope.get(key) ?? [];
    if (!list.includes(r.userId)) list.push(r.userId);
    byScope.set(key, list);
  }
  return byScope;
}

/** Every account of the map, once. */
export function allAccounts(byScope: Map<string, string[]>): string[] {
  return [...new Set([...byScope.values()].flat())];
}
