import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { passwordProblems } from '@tongxin/common/auth/password-rules.ts';
import type { updateUserInput } from '@tongxin/common/auth/schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { hashPassword } from '../../../platform/security/password.ts';
import { canManageUsers } from '../auth.policy.ts';
import { sessions, userRoles, users } from '../schema.ts';
import { checkGrants } from './check-grants.ts';

/**
 * Changes an account: name, roles, active flag, or a password reset (which unlocks the account and makes
 * the user choose a new password). Disabling or resetting ends the user's sessions.
 */
export async function updateUser(
  ctx: RequestContext,
  userId: string,
  input: z.infer<typeof updateUserInput>,
) {
  if (!canManageUsers(ctx.actor)) throw new AppError('FORBIDDEN');
  if (userId === ctx.actor.userId && input.isActive === false) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'isActive', message: '不能停用自己的账号' }]);
  }
  const passwordHash = input.resetPassword ? await hashPassword(input.resetPassword) : undefined;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), eq(users.committeeId, ctx.actor.committeeId)))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (input.resetPassword) {
      const problems = passwordProblems(input.resetPassword, before.username);
      if (problems.length)
        throw new AppError(
          'WEAK_PASSWORD',
          problems.map((message) => ({ path: 'resetPassword', message })),
        );
    }
    const beforeRoles = await tx.select().from(userRoles).where(eq(userRoles.userId, userId));
    if (input.roles) {
      await checkGrants(tx, ctx.actor.committeeId, input.roles);
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
      await tx.insert(userRoles).values(
        input.roles.map((g) => ({
          committeeId: ctx.actor.committeeId,
          userId,
          role: g.role,
          scopeId: g.scopeId,
        })),
      );
    }
    await tx
      .update(users)
      .set({
        displayName: input.displayName,
        isActive: input.isActive,
        ...(passwordHash
          ? { passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null }
          : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    if (input.isActive === false || passwordHash)
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, auditSource(ctx), {
      action: passwordHash ? 'user.password_reset' : 'user.updated',
      targetType: 'user',
      targetId: userId,
      targetLabel: before.username,
      before: {
        displayName: before.displayName,
        isActive: before.isActive,
        roles: beforeRoles.map((r) => ({ role: r.role, scopeId: r.scopeId })),
      },
      after: {
        displayName: input.displayName,
        isActive: input.isActive,
        roles: input.roles,
        passwordReset: Boolean(passwordHash),
      },
    });
  });
}
