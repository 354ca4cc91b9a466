import { eq, sql } from 'drizzle-orm';
import type { RoleGrant } from '@tongxin/common/roles.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { sessions, userRoles, users } from '../schema.ts';

const touchEveryMs = 60_000;

/**
 * Resolves a session id to the acting user. A session idle for longer than the limit is deleted and
 * reported as expired; touching `last_seen_at` at most once a minute keeps reads from becoming writes.
 * Background polls (`touch: false`, e.g. the unread-notification count) do not count as activity.
 */
export async function loadActor(
  db: Db,
  sessionId: string,
  idleMinutes: number,
  now = new Date(),
  touch = true,
): Promise<Actor> {
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      // The role grants ride along in the same statement: one round trip per authenticated request.
      grants: sql<
        RoleGrant[]
      >`coalesce((select json_agg(json_build_object('role', r.role, 'scopeId', r.scope_id))
        from ${userRoles} r where r.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row) throw new AppError('UNAUTHENTICATED');
  const idleMs = now.getTime() - row.session.lastSeenAt.getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    throw new AppError('SESSION_EXPIRED');
  }
  if (!row.user.isActive) {
    await db.delete(sessions).where(eq(sessions.userId, row.user.id));
    throw new AppError('ACCOUNT_DISABLED');
  }
  if (touch && idleMs > touchEveryMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    userId: row.user.id,
    committeeId: row.user.committeeId,
    username: row.user.username,
    displayName: row.user.displayName,
    grants: typeof row.grants === 'string' ? JSON.parse(row.grants) : row.grants,
    mustChangePassword: row.user.mustChangePassword,
    sessionId,
  };
}
