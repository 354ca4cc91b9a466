import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';

/** Document frequencies of a committee's proposals, estimated from a random sample of them. */
export interface CorpusStats {
  /** Proposals in the index. */
  total: number;
  /** Proposals in the sample (all of them when the corpus is small). */
  sampled: number;
  /** Word → proposals of the sample that contain it (words found in one proposal only are left out). */
  df: Map<string, number>;
  takenAt: number;
}

/** Sampled proposals: enough to tell 养老 (thousands) from 加装电梯 (dozens) at 200,000 proposals. */
const sampleSize = 2000;
/** A sample of a large corpus stays good for a while: new proposals hardly move the frequencies. */
const largeTtlMs = 10 * 60_000;
/** A small corpus is read whole, cheaply: its counts follow the writes almost at once. */
const smallTtlMs = 3_000;

const cache = new Map<string, { stats: CorpusStats; refreshing?: Promise<void> }>();

/**
 * Document frequencies for idf weights, per committee, cached in the process. Exact counts would need a
 * table written by every proposal write (a hot row) or `ts_stat` over the whole index (seconds at
 * 200,000); a random sample of 2,000 index rows through `ts_stat` (the ids are random uuids, so `order by
 * id` is a random sample) costs one statement every ten minutes and tells common words from rare ones,
 * which is all idf needs. Expired entries of a large corpus are served while a refresh runs in the
 * background, so no search waits for it after the first.
 */
export async function corpusStats(db: Db, committeeId: string): Promise<CorpusStats> {
  const hit = cache.get(committeeId);
  const now = Date.now();
  if (hit) {
    const complete = hit.stats.sampled >= hit.stats.total;
    const age = now - hit.stats.takenAt;
    if (age < (complete ? smallTtlMs : largeTtlMs)) return hit.stats;
    if (!complete) {
      hit.refreshing ??= load(db, committeeId)
        .then((stats) => void cache.set(committeeId, { stats }))
        .catch(() => void cache.set(committeeId, { stats: { ...hit.stats, takenAt: Date.now() } }));
      return hit.stats;
    }
  }
  const stats = await load(db, committeeId);
  cache.set(committeeId, { stats });
  return stats;
}

async function load(db: Db, committeeId: string): Promise<CorpusStats> {
  // ts_stat takes the text of a query; the committee id is a uuid read from our own tables, checked below.
  if (!/^[0-9a-f-]{36}$/i.test(committeeId)) throw new Error('committee id is not a uuid');
  const sample = `select tsv from search_documents where committee_id = '${committeeId}'
    and target_type = 'proposal' order by id limit ${sampleSize}`;
  const [counted, words] = await Promise.all([
    db.execute(
      sql`select count(*)::int as n from search_documents where committee_id = ${committeeId} and target_type = 'proposal'`,
    ),
    db.execute(sql`select word, ndoc from ts_stat(${sample}) where ndoc > 1`),
  ]);
  const total = Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0);
  return {
    total,
    sampled: Math.min(total, sampleSize),
    df: new Map(rowsOf<{ word: string; ndoc: number }>(words).map((r) => [r.word, Number(r.ndoc)])),
    takenAt: Date.now(),
  };
}

/** The rows of `db.execute` (both drivers return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Estimated proposals of the whole corpus that contain a word. */
export function estimatedDf(stats: CorpusStats, word: string): number {
  const inSample = stats.df.get(word) ?? 1;
  return stats.sampled === 0 ? 1 : (inSample * stats.total) / stats.sampled;
}

/** idf: ln((N + 1) / (df + 0.5)) — a word in every proposal weighs next to nothing, never below 0.01. */
export function idfOf(stats: CorpusStats): (word: string) => number {
  const n = Math.max(stats.total, 1);
  return (word) => Math.max(0.01, Math.log((n + 1) / (estimatedDf(stats, word) + 0.5)));
}

/** Forgets a committee's frequencies (tests that rebuild a corpus within a few seconds). */
export function forgetCorpusStats(committeeId?: string): void {
  if (committeeId) cache.delete(committeeId);
  else cache.clear();
}
