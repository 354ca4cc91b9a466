import type { z } from 'zod';
import { passwordProblems } from '@tongxin/common/auth/password-rules.ts';
import type { createUserInput } from '@tongxin/common/auth/schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { hashPassword } from '../../../platform/security/password.ts';
import { canManageUsers } from '../auth.policy.ts';
import { userRoles, users } from '../schema.ts';
import { checkGrants } from './check-grants.ts';

/** Opens an account with an initial password the user must change at first sign-in. */
export async function createUser(
  ctx: RequestContext,
  input: z.infer<typeof createUserInput>,
): Promise<string> {
  if (!canManageUsers(ctx.actor)) throw new AppError('FORBIDDEN');
  const username = input.username.toLowerCase();
  const problems = passwordProblems(input.initialPassword, username);
  if (problems.length) {
    throw new AppError(
      'WEAK_PASSWORD',
      problems.map((message) => ({ path: 'initialPassword', message })),
    );
  }
  const passwordHash = await hashPassword(input.initialPassword);
  return ctx.db.transaction(async (tx) => {
    await checkGrants(tx, ctx.actor.committeeId, input.roles);
    const [user] = await tx
      .insert(users)
      .values({
        committeeId: ctx.actor.committeeId,
        username,
        displayName: input.displayName,
        passwordHash,
        mustChangePassword: true,
      })
      .returning();
    if (!user) throw new AppError('INTERNAL');
    await tx.insert(userRoles).values(
      input.roles.map((g) => ({
        committeeId: ctx.actor.committeeId,
        userId: user.id,
        role: g.role,
        scopeId: g.scopeId,
      })),
    );
    await recordAudit(tx, auditSource(ctx), {
      action: 'user.created',
      targetType: 'user',
      targetId: user.id,
      targetLabel: username,
      after: { username, displayName: input.displayName, roles: input.roles },
    });
    return user.id;
  });
}
