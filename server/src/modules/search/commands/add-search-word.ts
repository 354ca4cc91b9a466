import { and, eq } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { normalizeForSearch } from '../../../platform/text/normalize.ts';
import { searchWords } from '../schema.ts';
import { canManageSearch } from '../search.policy.ts';

/**
 * Adds a word to the committee's segmentation dictionary (sysadmin). It is used at once by new indexing
 * and by queries (`committeeSegmenter` sees the changed list); texts indexed before keep their tokens
 * until the index is rebuilt (`reindexCommittee`), which the answer says.
 */
export async function addSearchWord(ctx: RequestContext, input: { word: string }) {
  if (!canManageSearch(ctx.actor)) throw new AppError('FORBIDDEN');
  const word = normalizeForSearch(input.word).trim();
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: searchWords.id })
      .from(searchWords)
      .where(and(eq(searchWords.committeeId, ctx.actor.committeeId), eq(searchWords.word, word)));
    if (existing) throw new AppError('DUPLICATE', [{ path: 'word', message: `词库中已有“${word}”` }]);
    const [row] = await tx
      .insert(searchWords)
      .values({ committeeId: ctx.actor.committeeId, word, createdByUserId: ctx.actor.userId })
      .returning();
    await recordAudit(tx, auditSource(ctx), {
      action: 'search_word.added',
      targetType: 'search_word',
      targetId: row!.id,
      targetLabel: word,
      after: { word },
    });
    return {
      id: row!.id,
      word,
      createdAt: row!.createdAt.toISOString(),
      createdByName: ctx.actor.displayName,
    };
  });
}
