import { and, count, eq } from 'drizzle-orm';
import { replyScanTypes } from '@tongxin/common/proposals/attachments.ts';
import { auditSource, recordAudit } from '../../../../platform/audit/record.ts';
import { AppError } from '../../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../../platform/http/request-context.ts';
import { loadRules } from '../../settings/load-rules.ts';
import type { Upload } from '../read-upload.ts';
import { proposalAttachments } from '../schema.ts';
import { scanVerdict } from '../attachments.policy.ts';
import { checkedFile, fileFacts } from './checked-file.ts';
import { lockLetter } from './lock-letter.ts';

/** Attaches the scanned signed and sealed copy (PDF, JPEG or PNG) to a reply letter; see `scanVerdict`. */
export async function addReplyScan(
  ctx: RequestContext,
  letterId: string,
  upload: Upload,
): Promise<{ id: string; proposalId: string }> {
  return ctx.db.transaction(async (tx) => {
    const { letter, assignment, proposal } = await lockLetter(tx, ctx.actor, letterId);
    const verdict = scanVerdict(ctx.actor, letter, assignment, 'add');
    if (verdict === 'forbidden') throw new AppError('FORBIDDEN');
    if (verdict === 'wrong_state') {
      throw new AppError('WRONG_STATE', { state: assignment.state, action: 'attach_scan' });
    }
    const file = checkedFile(upload, replyScanTypes, 'SCAN_TYPE');
    const rules = await loadRules(tx, proposal.committeeId);
    const [n] = await tx
      .select({ n: count() })
      .from(proposalAttachments)
      .where(
        and(eq(proposalAttachments.replyLetterId, letterId), eq(proposalAttachments.kind, 'reply_scan')),
      );
    if ((n?.n ?? 0) >= rules.attachmentMaxCount) {
      throw new AppError('ATTACHMENT_LIMIT', { maxCount: rules.attachmentMaxCount });
    }
    const [row] = await tx
      .insert(proposalAttachments)
      .values({
        ...file,
        committeeId: proposal.committeeId,
        proposalId: proposal.id,
        kind: 'reply_scan',
        replyLetterId: letterId,
        uploadedByUserId: ctx.actor.userId,
      })
      .returning({ id: proposalAttachments.id });
    await recordAudit(tx, auditSource(ctx), {
      action: 'assignment.reply_scan_added',
      targetType: 'assignment',
      targetId: assignment.id,
      targetLabel: proposal.title,
      after: { attachmentId: row!.id, replyLetterId: letterId, ...fileFacts(file) },
    });
    return { id: row!.id, proposalId: proposal.id };
  });
}
