import { and, eq } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../../platform/audit/record.ts';
import { AppError } from '../../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../../platform/http/request-context.ts';
import { loadForAction } from '../../commands/load-for-action.ts';
import { scanVerdict } from '../attachments.policy.ts';
import { proposalAttachments } from '../schema.ts';
import { fileFacts } from './checked-file.ts';
import { lockLetter } from './lock-letter.ts';

/**
 * Removes an attachment: a proposal's while the proposal may still be edited by the actor, a reply scan
 * while its letter is not sent (`scanVerdict`). The row goes; the audit event keeps its name and hash.
 */
export async function removeAttachment(
  ctx: RequestContext,
  proposalId: string,
  attachmentId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [file] = await tx
      .select({
        id: proposalAttachments.id,
        kind: proposalAttachments.kind,
        replyLetterId: proposalAttachments.replyLetterId,
        fileName: proposalAttachments.fileName,
        fileType: proposalAttachments.fileType,
        sizeBytes: proposalAttachments.sizeBytes,
        sha256: proposalAttachments.sha256,
      })
      .from(proposalAttachments)
      .where(
        and(
          eq(proposalAttachments.id, attachmentId),
          eq(proposalAttachments.proposalId, proposalId),
          eq(proposalAttachments.committeeId, ctx.actor.committeeId),
        ),
      );
    if (!file) throw new AppError('NOT_FOUND');
    let audit: { action: string; targetType: string; targetId: string; targetLabel: string };
    if (file.kind === 'proposal') {
      const { proposal } = await loadForAction(tx, ctx.actor, proposalId, 'edit');
      audit = {
        action: 'proposal.attachment_removed',
        targetType: 'proposal',
        targetId: proposalId,
        targetLabel: proposal.title,
      };
    } else {
      const { letter, assignment, proposal } = await lockLetter(tx, ctx.actor, file.replyLetterId!);
      const verdict = scanVerdict(ctx.actor, letter, assignment, 'remove');
      if (verdict === 'forbidden') throw new AppError('FORBIDDEN');
      if (verdict === 'wrong_state') {
        throw new AppError('WRONG_STATE', { state: assignment.state, action: 'remove_scan' });
      }
      audit = {
        action: 'assignment.reply_scan_removed',
        targetType: 'assignment',
        targetId: assignment.id,
        targetLabel: proposal.title,
      };
    }
    await tx.delete(proposalAttachments).where(eq(proposalAttachments.id, attachmentId));
    await recordAudit(tx, auditSource(ctx), {
      ...audit,
      before: { attachmentId, replyLetterId: file.replyLetterId, ...fileFacts(file) },
    });
  });
}
