import { and, eq } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { searchWords } from '../schema.ts';
import { canManageSearch } from '../search.policy.ts';

/** Removes one of the committee's dictionary words (sysadmin); new indexing and queries stop using it at once. */
export async function deleteSearchWord(ctx: RequestContext, id: string): Promise<void> {
  if (!canManageSearch(ctx.actor)) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(searchWords)
      .where(and(eq(searchWords.id, id), eq(searchWords.committeeId, ctx.actor.committeeId)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, auditSource(ctx), {
      action: 'search_word.deleted',
      targetType: 'search_word',
      targetId: row.id,
      targetLabel: row.word,
      before: { word: row.word },
    });
  });
}
