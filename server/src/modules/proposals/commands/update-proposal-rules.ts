import { eq, sql } from 'drizzle-orm';
import type { ProposalRules } from '@tongxin/common/proposals/rules.ts';
import { hasRole } from '../../../platform/authz/actor.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { proposalSettings } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';

/** Replaces the committee's proposal rules (review stages, reasons, result classes, durations). */
export async function updateProposalRules(ctx: RequestContext, rules: ProposalRules): Promise<void> {
  if (!hasRole(ctx.actor, 'sysadmin', 'proposal_staff')) throw new AppError('FORBIDDEN');
  const codes = rules.resultClasses.map((r) => r.code);
  if (new Set(codes).size !== codes.length) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'resultClasses', message: '办理结果类别代码不能重复' }]);
  }
  await ctx.db.transaction(async (tx) => {
    const before = await loadRules(tx, ctx.actor.committeeId);
    const [row] = await tx
      .select()
      .from(proposalSettings)
      .where(eq(proposalSettings.committeeId, ctx.actor.committeeId))
      .for('update');
    if (row) {
      await tx
        .update(proposalSettings)
        .set({ rules, version: sql`${proposalSettings.version} + 1`, updatedAt: new Date() })
        .where(eq(proposalSettings.id, row.id));
    } else {
      await tx.insert(proposalSettings).values({ committeeId: ctx.actor.committeeId, rules });
    }
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal_rules.updated',
      targetType: 'proposal_rules',
      targetId: ctx.actor.committeeId,
      before,
      after: rules,
    });
  });
}
