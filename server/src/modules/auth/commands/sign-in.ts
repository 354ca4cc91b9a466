import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { type AuditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { dummyHash, newSessionToken, verifyPassword } from '../../../platform/security/password.ts';
import { sessions, users } from '../schema.ts';

export const maxFailedAttempts = 5;
export const lockMinutes = 15;

interface Meta {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

/**
 * Checks a username and password and opens a session. Every success and every failure is audited, and
 * the audit row of a failure is committed before the error is thrown. Five failures in a row lock the
 * account for fifteen minutes (等保 2.0 level 3).
 */
export async function signIn(
  db: Db,
  input: { username: string; password: string },
  meta: Meta,
  now = new Date(),
): Promise<{ token: string; userId: string }> {
  const username = input.username.toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const anon: AuditSource = { actor: null, ...meta };
  if (!user) {
    await verifyPassword(input.password, await dummyHash);
    await recordAudit(db, anon, {
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetLabel: username,
      committeeId: null,
      after: { reason: 'unknown_user' },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  // Until the password is verified nobody is known to be acting: refusals are recorded without an actor,
  // under the account's committee; only a successful sign-in names the user as the actor.
  const self: AuditSource = {
    actor: { userId: user.id, displayName: user.displayName, committeeId: user.committeeId },
    ...meta,
  };
  const target = {
    targetType: 'user',
    targetId: user.id,
    targetLabel: user.username,
    committeeId: user.committeeId,
  };
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, anon, { action: 'auth.sign_in_refused', ...target, after: { reason: 'locked' } });
    throw new AppError('ACCOUNT_LOCKED', { lockedUntil: user.lockedUntil.toISOString() });
  }
  if (!user.isActive) {
    await recordAudit(db, anon, { action: 'auth.sign_in_refused', ...target, after: { reason: 'disabled' } });
    throw new AppError('ACCOUNT_DISABLED');
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const locked = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedAttempts: users.failedAttempts });
      const attempts = row?.failedAttempts ?? 0;
      await recordAudit(tx, anon, { action: 'auth.sign_in_failed', ...target, after: { attempts } });
      if (attempts < maxFailedAttempts) return null;
      const lockedUntil = new Date(now.getTime() + lockMinutes * 60_000);
      await tx.update(users).set({ lockedUntil, failedAttempts: 0 }).where(eq(users.id, user.id));
      await recordAudit(tx, anon, { action: 'auth.account_locked', ...target, after: { lockedUntil } });
      return lockedUntil;
    });
    if (locked) throw new AppError('ACCOUNT_LOCKED', { lockedUntil: locked.toISOString() });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const { token, id } = newSessionToken();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now })
      .where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      id,
      userId: user.id,
      committeeId: user.committeeId,
      createdAt: now,
      lastSeenAt: now,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, self, { action: 'auth.signed_in', ...target });
  });
  return { token, userId: user.id };
}
