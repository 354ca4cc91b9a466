import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import type { Segmenter } from '../../../platform/text/segmenter.ts';
import { toTsVector } from '../../../platform/text/tsvector.ts';
import { assignments, proposals, replyLetters } from '../../proposals/schema.ts';
import { searchDocuments } from '../schema.ts';
import { committeeSegmenter } from '../segmenters.ts';
import { inIds, notInIds } from '../../../platform/db/id-list.ts';

type DocumentRow = typeof searchDocuments.$inferInsert;

/**
 * Brings the search index of one proposal up to date: its own text and each of its reply letters (答复函;
 * 会办意见 are internal to the units and not searchable). Called explicitly — no trigger — by every
 * command that changes a proposal's title or text, its session, or a reply letter's body or sent state,
 * with that command's transaction: the index commits or rolls back with the write, and a search in the
 * next request sees it.
 */
export async function indexProposal(tx: Db, proposalId: string): Promise<void> {
  await indexProposals(tx, [proposalId]);
}

/** The same for many proposals of one committee at once (the rebuild). */
export async function indexProposals(tx: Db, proposalIds: string[]): Promise<number> {
  if (proposalIds.length === 0) return 0;
  const rows = await tx
    .select({
      id: proposals.id,
      committeeId: proposals.committeeId,
      sessionId: proposals.sessionId,
      createdAt: proposals.createdAt,
      state: proposals.state,
      title: proposals.title,
      situation: proposals.situation,
      analysis: proposals.analysis,
      suggestions: proposals.suggestions,
    })
    .from(proposals)
    .where(inIds(proposals.id, proposalIds));
  const letters = await tx
    .select({
      id: replyLetters.id,
      proposalId: replyLetters.proposalId,
      body: replyLetters.body,
      sentAt: replyLetters.sentAt,
      handlerUnitId: assignments.handlerUnitId,
    })
    .from(replyLetters)
    .innerJoin(assignments, eq(assignments.id, replyLetters.assignmentId))
    .where(and(inIds(replyLetters.proposalId, proposalIds), eq(replyLetters.kind, 'reply')));
  const docs: DocumentRow[] = [];
  const now = new Date();
  const segmenters = new Map<string, Segmenter>();
  for (const p of rows) {
    const seg = segmenters.get(p.committeeId) ?? (await committeeSegmenter(tx, p.committeeId));
    segmenters.set(p.committeeId, seg);
    const own = toTsVector(
      [{ text: p.title, weight: 'A' }, { text: p.situation }, { text: p.analysis }, { text: p.suggestions }],
      seg,
    );
    docs.push({
      committeeId: p.committeeId,
      targetType: 'proposal',
      targetId: p.id,
      proposalId: p.id,
      sessionId: p.sessionId,
      handlerUnitId: null,
      published: true,
      tokens: own.tokens,
      tsv: own.tsv,
      titleTsv: own.firstTsv,
      title: p.title,
      proposalCreatedAt: p.createdAt,
      proposalState: p.state,
      updatedAt: now,
    });
    for (const l of letters.filter((x) => x.proposalId === p.id)) {
      const doc = toTsVector([{ text: l.body }], seg);
      docs.push({
        committeeId: p.committeeId,
        targetType: 'reply_letter',
        targetId: l.id,
        proposalId: p.id,
        sessionId: p.sessionId,
        handlerUnitId: l.handlerUnitId,
        published: l.sentAt !== null,
        tokens: doc.tokens,
        tsv: doc.tsv,
        titleTsv: null,
        title: null,
        proposalCreatedAt: p.createdAt,
        proposalState: p.state,
        updatedAt: now,
      });
    }
  }
  // Rows of texts that no longer exist (or of a proposal that is gone) leave the index.
  await tx.delete(searchDocuments).where(
    and(
      inIds(searchDocuments.proposalId, proposalIds),
      docs.length
        ? notInIds(
            searchDocuments.targetId,
            docs.map((d) => d.targetId),
          )
        : undefined,
    ),
  );
  for (let i = 0; i < docs.length; i += 500) {
    await tx
      .insert(searchDocuments)
      .values(docs.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [searchDocuments.targetType, searchDocuments.targetId],
        set: {
          sessionId: sql`excluded.session_id`,
          handlerUnitId: sql`excluded.handler_unit_id`,
          published: sql`excluded.published`,
          tokens: sql`excluded.tokens`,
          tsv: sql`excluded.tsv`,
          titleTsv: sql`excluded.title_tsv`,
          title: sql`excluded.title`,
          proposalCreatedAt: sql`excluded.proposal_created_at`,
          proposalState: sql`excluded.proposal_state`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
  return rows.length;
}
