import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AttachmentFileType, AttachmentList } from '@tongxin/common/proposals/attachments.ts';
import type { Actor } from '../../../../platform/authz/actor.ts';
import type { Db } from '../../../../platform/db/connect.ts';
import { AppError } from '../../../../platform/http/app-error.ts';
import { users } from '../../../auth/schema.ts';
import { iso } from '../../../org/resources/present-helpers.ts';
import { canProposal, type ProposalRow, relationOf, visibleProposals } from '../../proposals.policy.ts';
import { assignments, proposalSigners, proposals, replyLetters } from '../../schema.ts';
import { loadRules } from '../../settings/load-rules.ts';
import { replyReadable, scanVerdict } from '../attachments.policy.ts';
import { proposalAttachments } from '../schema.ts';

/** The proposal the actor may read (404 otherwise) — the scope of every attachment read. */
export async function readableProposal(db: Db, actor: Actor, id: string): Promise<ProposalRow> {
  const [p] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, id), visibleProposals(actor)));
  if (!p) throw new AppError('NOT_FOUND');
  return p;
}

/** The reply letters of a proposal with their unit and task, and which of them the actor may read. */
export async function lettersOf(db: Db, actor: Actor, proposalId: string) {
  const rows = await db
    .select({ letter: replyLetters, assignment: assignments })
    .from(replyLetters)
    .innerJoin(assignments, eq(assignments.id, replyLetters.assignmentId))
    .where(eq(replyLetters.proposalId, proposalId));
  return rows.map((r) => ({
    ...r,
    readable: replyReadable(actor, r.letter, r.assignment.handlerUnitId),
  }));
}

/**
 * The files of a proposal the actor may read: its attachments (whoever reads the proposal) and the scans
 * of the reply letters the actor may read; with what the actor may add or remove now, and the limits.
 */
export async function listAttachments(db: Db, actor: Actor, proposalId: string): Promise<AttachmentList> {
  const p = await readableProposal(db, actor, proposalId);
  const signers = await db.select().from(proposalSigners).where(eq(proposalSigners.proposalId, p.id));
  const canEdit = canProposal(actor, 'edit', p, relationOf(actor, p, signers));
  const letters = await lettersOf(db, actor, p.id);
  const rows = await db
    .select({
      id: proposalAttachments.id,
      kind: proposalAttachments.kind,
      replyLetterId: proposalAttachments.replyLetterId,
      fileName: proposalAttachments.fileName,
      fileType: proposalAttachments.fileType,
      mimeType: proposalAttachments.mimeType,
      sizeBytes: proposalAttachments.sizeBytes,
      sha256: proposalAttachments.sha256,
      uploadedByUserId: proposalAttachments.uploadedByUserId,
      createdAt: proposalAttachments.createdAt,
    })
    .from(proposalAttachments)
    .where(eq(proposalAttachments.proposalId, p.id))
    .orderBy(asc(proposalAttachments.createdAt), asc(proposalAttachments.id));
  const letterOf = (id: string | null) => letters.find((l) => l.letter.id === id);
  const visible = rows.filter((r) => r.kind === 'proposal' || letterOf(r.replyLetterId)?.readable);
  const uploaderIds = [...new Set(visible.map((r) => r.uploadedByUserId))];
  const names = new Map(
    uploaderIds.length
      ? (
          await db
            .select({ id: users.id, name: users.displayName })
            .from(users)
            .where(inArray(users.id, uploaderIds))
        ).map((u) => [u.id, u.name])
      : [],
  );
  const rules = await loadRules(db, p.committeeId);
  return {
    items: visible.map((r) => {
      const l = letterOf(r.replyLetterId);
      return {
        id: r.id,
        kind: r.kind,
        replyLetterId: r.replyLetterId,
        fileName: r.fileName,
        fileType: r.fileType as AttachmentFileType,
        mimeType: r.mimeType,
        sizeBytes: r.sizeBytes,
        sha256: r.sha256,
        // A scan is the unit's paper; who in the unit scanned it is the unit's own business.
        uploadedByName:
          r.kind === 'proposal' || l?.letter.sentAt === null ? (names.get(r.uploadedByUserId) ?? null) : null,
        createdAt: iso(r.createdAt)!,
        downloadUrl: `/api/proposals/${p.id}/attachments/${r.id}`,
        canRemove:
          r.kind === 'proposal'
            ? canEdit
            : Boolean(l && scanVerdict(actor, l.letter, l.assignment, 'remove') === 'ok'),
      };
    }),
    canAttach: canEdit,
    scanLetterIds: letters
      .filter((l) => scanVerdict(actor, l.letter, l.assignment, 'add') === 'ok')
      .map((l) => l.letter.id),
    limits: { maxBytes: rules.attachmentMaxMb * 1024 * 1024, maxCount: rules.attachmentMaxCount },
  };
}
