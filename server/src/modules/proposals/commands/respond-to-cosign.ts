import { and, eq } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { memberIdsOf } from '../proposals.policy.ts';
import { proposalSigners } from '../schema.ts';
import { completeSubmissionIfReady } from './submit-proposal.ts';
import { loadForAction } from './load-for-action.ts';

/**
 * An invited co-signer accepts or declines. When the proposal is waiting in `cosigning` and this was the
 * last open invitation, the submission completes.
 */
export async function respondToCosign(ctx: RequestContext, id: string, accept: boolean): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal, signers } = await loadForAction(
      tx,
      ctx.actor,
      id,
      accept ? 'accept_cosign' : 'decline_cosign',
    );
    const mine = memberIdsOf(ctx.actor);
    const signer = signers.find((s) => mine.includes(s.memberId) && s.role === 'cosigner');
    if (!signer) return;
    const now = currentTime();
    // A recess invitation's own deadline holds even before the sweep has dropped the name.
    if (signer.cosignDueOn && shanghaiDate(now) > signer.cosignDueOn && !signer.confirmedAt) {
      throw new AppError('DEADLINE_PASSED', { deadline: signer.cosignDueOn });
    }
    await tx
      .update(proposalSigners)
      .set(accept ? { confirmedAt: now } : { declinedAt: now })
      .where(and(eq(proposalSigners.id, signer.id)));
    await recordAudit(tx, auditSource(ctx), {
      action: accept ? 'proposal.cosign_accepted' : 'proposal.cosign_declined',
      targetType: 'proposal',
      targetId: id,
      targetLabel: proposal.title,
      after: { memberId: signer.memberId },
    });
    await completeSubmissionIfReady(tx, ctx, id);
  });
}
