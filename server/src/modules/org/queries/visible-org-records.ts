import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { canOrg } from '../org.policy.ts';
import type { OrgResource } from '../resources/types.ts';

/** `%`, `_` and `\` typed into a search box are literal characters, not patterns. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The scope every read of a directory list goes through: the actor's committee, the resource's row
 * scope, then the caller's filters. A role without read access gets 403 before any query runs.
 */
export function visibleOrgRecords(actor: Actor, resource: OrgResource, extra: (SQL | undefined)[] = []): SQL {
  if (!canOrg(actor, resource.key, 'read')) throw new AppError('FORBIDDEN');
  return and(eq(resource.table.committeeId, actor.committeeId), resource.rowScope?.(actor), ...extra) as SQL;
}

export function searchCondition(resource: OrgResource, q: unknown): SQL | undefined {
  if (typeof q !== 'string' || q.trim() === '' || resource.searchColumns.length === 0) return undefined;
  const pattern = likePattern(q.trim());
  return or(...resource.searchColumns.map((c) => ilike(c, pattern)));
}
