import { and, eq, ne } from 'drizzle-orm';
import { passwordProblems } from '@tongxin/common/auth/password-rules.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { hashPassword, verifyPassword } from '../../../platform/security/password.ts';
import { sessions, users } from '../schema.ts';

/**
 * Changes the actor's own password. Clears the "must change initial password" flag and signs out every
 * other session of the user.
 */
export async function changePassword(
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordAudit(ctx.db, auditSource(ctx), {
      action: 'auth.password_change_failed',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.username,
    });
    throw new AppError('WRONG_PASSWORD');
  }
  const problems = passwordProblems(input.newPassword, user.username);
  if (problems.length) {
    throw new AppError(
      'WEAK_PASSWORD',
      problems.map((message) => ({ path: 'newPassword', message })),
    );
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_REUSED');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, ctx.actor.sessionId)));
    await recordAudit(tx, auditSource(ctx), {
      action: 'auth.password_changed',
      targetType: 'user',
      targetId: user.id,
      targetLabel: user.username,
    });
  });
}
