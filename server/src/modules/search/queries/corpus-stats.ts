import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { sharedCount } from './similarity.ts';

/** Document frequencies of a committee's proposals, estimated from a random sample of them. */
export interface CorpusStats {
  /** Proposals in the index. */
  total: number;
  /** Proposals in the sample (all of them when the corpus is small). */
  sampled: number;
  /**
   * Word → the proposals of the sample that contain it, as ascending positions in the sample (words found
   * in one proposal only are left out): their count is the word's frequency, and two words' lists
   * intersected tell how often they occur together (`estimatedPairDf`).
   */
  postings: Map<string, Int32Array>;
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
 * 200,000); the words of a random sample of 2,000 index rows (the ids are random uuids, so `order by id`
 * is a random sample) cost one statement every ten minutes and tell common words from rare ones, which
 * is all idf needs, and which words go together (the similar proposals' probes). Expired entries of a large corpus are served while a refresh runs in the
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
  const [counted, sample] = await Promise.all([
    db.execute(
      sql`select count(*)::int as n from search_documents where committee_id = ${committeeId} and target_type = 'proposal'`,
    ),
    db.execute(sql`select tsvector_to_array(tsv) as words from search_documents
      where committee_id = ${committeeId} and target_type = 'proposal' order by id limit ${sampleSize}`),
  ]);
  const total = Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0);
  const docs = rowsOf<{ words: string[] }>(sample);
  const lists = new Map<string, number[]>();
  docs.forEach((d, i) => {
    for (const w of d.words) {
      const list = lists.get(w);
      if (list) list.push(i);
      else lists.set(w, [i]);
    }
  });
  const postings = new Map<string, Int32Array>();
  for (const [w, list] of lists) if (list.length > 1) postings.set(w, Int32Array.from(list));
  return { total, sampled: Math.min(total, docs.length), postings, takenAt: Date.now() };
}

/** The rows of `db.execute` (both drivers return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Estimated proposals of the whole corpus that contain a word. */
export function estimatedDf(stats: CorpusStats, word: string): number {
  const inSample = stats.postings.get(word)?.length ?? 1;
  return stats.sampled === 0 ? 1 : (inSample * stats.total) / stats.sampled;
}

/**
 * Estimated proposals that contain both words: counted together in the sample, not multiplied as if
 * independent — the words of one topic (土壤 and 污染, 有效 and 破解 of a set phrase) occur together ten
 * times more often than their frequencies predict, and a probe's cost is its real matches.
 */
export function estimatedPairDf(stats: CorpusStats, a: string, b: string): number {
  if (stats.sampled === 0) return 1;
  const x = stats.postings.get(a);
  const y = stats.postings.get(b);
  const both = x && y ? sharedCount(x, y) : 0;
  return (Math.max(both, 1) * stats.total) / stats.sampled;
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
