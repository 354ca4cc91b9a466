import { and, count, eq } from 'drizzle-orm';
import { proposalAttachmentTypes } from '@tongxin/common/proposals/attachments.ts';
import { auditSource, recordAudit } from '../../../../platform/audit/record.ts';
import { AppError } from '../../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../../platform/http/request-context.ts';
import { loadForAction } from '../../commands/load-for-action.ts';
import { loadRules } from '../../settings/load-rules.ts';
import type { Upload } from '../read-upload.ts';
import { proposalAttachments } from '../schema.ts';
import { checkedFile, fileFacts } from './checked-file.ts';

/**
 * Attaches a file to a proposal while it may be edited (draft, returned for revision) by its proposer or
 * the staff who entered it. The proposal row is locked, so two uploads cannot both pass the count limit;
 * its version is left alone, so the editor's autosave is not made stale by an upload.
 */
export async function addProposalAttachment(
  ctx: RequestContext,
  proposalId: string,
  upload: Upload,
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const { proposal } = await loadForAction(tx, ctx.actor, proposalId, 'edit');
    const file = checkedFile(upload, proposalAttachmentTypes, 'ATTACHMENT_TYPE');
    const rules = await loadRules(tx, proposal.committeeId);
    const [n] = await tx
      .select({ n: count() })
      .from(proposalAttachments)
      .where(and(eq(proposalAttachments.proposalId, proposalId), eq(proposalAttachments.kind, 'proposal')));
    if ((n?.n ?? 0) >= rules.attachmentMaxCount) {
      throw new AppError('ATTACHMENT_LIMIT', { maxCount: rules.attachmentMaxCount });
    }
    const [row] = await tx
      .insert(proposalAttachments)
      .values({
        ...file,
        committeeId: proposal.committeeId,
        proposalId,
        kind: 'proposal',
        uploadedByUserId: ctx.actor.userId,
      })
      .returning({ id: proposalAttachments.id });
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.attachment_added',
      targetType: 'proposal',
      targetId: proposalId,
      targetLabel: proposal.title,
      after: { attachmentId: row!.id, ...fileFacts(file) },
    });
    return row!.id;
  });
}
