import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../../platform/authz/actor.ts';
import type { Db } from '../../../../platform/db/connect.ts';
import { AppError } from '../../../../platform/http/app-error.ts';
import { proposalAttachments } from '../schema.ts';
import { lettersOf, readableProposal } from './list-attachments.ts';

/**
 * The bytes of one attachment, for whoever may read the proposal (and, for a reply scan, its letter):
 * the same scope as the detail page, so a download never shows more than the page. 404 otherwise.
 */
export async function attachmentFile(db: Db, actor: Actor, proposalId: string, attachmentId: string) {
  const p = await readableProposal(db, actor, proposalId);
  const [row] = await db
    .select()
    .from(proposalAttachments)
    .where(and(eq(proposalAttachments.id, attachmentId), eq(proposalAttachments.proposalId, p.id)));
  if (!row) throw new AppError('NOT_FOUND');
  if (row.kind === 'reply_scan') {
    const letter = (await lettersOf(db, actor, p.id)).find((l) => l.letter.id === row.replyLetterId);
    if (!letter?.readable) throw new AppError('NOT_FOUND');
  }
  return { fileName: row.fileName, mimeType: row.mimeType, data: row.data };
}
