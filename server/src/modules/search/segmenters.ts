import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/connect.ts';
import { baseSegmenter, createSegmenter, type Segmenter } from '../../platform/text/segmenter.ts';
import { searchWords } from './schema.ts';

interface Entry {
  fingerprint: string;
  segmenter: Segmenter;
}

/** Committees with words of their own each hold a jieba instance (≈40 MB); the least recently used go first. */
const maxCached = 8;
const cache = new Map<string, Entry>();

/**
 * The segmenter of a committee: the built-in one, or — once an administrator has added words — one of its
 * own with those words. Every call compares a fingerprint of the committee's word list (count and a sum
 * of hashes: one indexed aggregate) with the cached one, so a word added or removed by any instance of
 * the app takes effect at the next indexing or query everywhere. Additions are loaded into the existing
 * instance (jieba loads words incrementally); a removal builds a new one.
 */
export async function committeeSegmenter(db: Db, committeeId: string): Promise<Segmenter> {
  const [fp] = await db
    .select({
      n: count(),
      h: sql<string>`coalesce(sum(hashtext(${searchWords.word})::bigint), 0)::text`,
    })
    .from(searchWords)
    .where(eq(searchWords.committeeId, committeeId));
  if (!fp || fp.n === 0) {
    cache.delete(committeeId);
    return baseSegmenter();
  }
  const fingerprint = `${fp.n}:${fp.h}`;
  const hit = cache.get(committeeId);
  if (hit && hit.fingerprint === fingerprint) {
    cache.delete(committeeId);
    cache.set(committeeId, hit);
    return hit.segmenter;
  }
  const words = (
    await db
      .select({ word: searchWords.word })
      .from(searchWords)
      .where(eq(searchWords.committeeId, committeeId))
  ).map((w) => w.word);
  let segmenter: Segmenter;
  const wanted = new Set(words);
  if (hit && [...hit.segmenter.extraWords].every((w) => wanted.has(w))) {
    hit.segmenter.addWords(words);
    segmenter = hit.segmenter;
  } else {
    segmenter = createSegmenter(words);
  }
  cache.delete(committeeId);
  cache.set(committeeId, { fingerprint, segmenter });
  while (cache.size > maxCached) cache.delete(cache.keys().next().value!);
  return segmenter;
}
