import { count, desc, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { stopWords } from '../../../platform/text/stop-words.ts';
import { governmentVocabulary } from '../../../platform/text/vocabulary.ts';
import { iso } from '../../org/resources/present-helpers.ts';
import { users } from '../../auth/schema.ts';
import { searchDocuments, searchWords } from '../schema.ts';
import { canManageSearch } from '../search.policy.ts';

/** The committee's own dictionary words (newest first), with the built-in lists for reference. */
export async function listSearchWords(db: Db, actor: Actor) {
  if (!canManageSearch(actor)) throw new AppError('FORBIDDEN');
  const rows = await db
    .select({
      id: searchWords.id,
      word: searchWords.word,
      createdAt: searchWords.createdAt,
      createdByName: users.displayName,
    })
    .from(searchWords)
    .leftJoin(users, eq(users.id, searchWords.createdByUserId))
    .where(eq(searchWords.committeeId, actor.committeeId))
    .orderBy(desc(searchWords.createdAt), desc(searchWords.id));
  const [indexed] = await db
    .select({ n: count() })
    .from(searchDocuments)
    .where(eq(searchDocuments.committeeId, actor.committeeId));
  return {
    items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), createdByName: r.createdByName ?? '' })),
    builtin: [...governmentVocabulary],
    stopWords: [...stopWords],
    indexedDocuments: indexed?.n ?? 0,
  };
}
