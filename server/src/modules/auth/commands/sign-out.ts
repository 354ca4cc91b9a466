import { eq } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { sessions } from '../schema.ts';

/** Ends the current session. */
export async function signOut(ctx: RequestContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, ctx.actor.sessionId));
    await recordAudit(tx, auditSource(ctx), {
      action: 'auth.signed_out',
      targetType: 'user',
      targetId: ctx.actor.userId,
      targetLabel: ctx.actor.username,
    });
  });
}
