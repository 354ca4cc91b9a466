import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { recordStatesSql } from '../schema.ts';
import { rowsOf } from './corpus-stats.ts';

/**
 * The depths kept: powers of two up to 65,536, so a bound holds at most twice the rows asked for, and a
 * query matching 0.6 % of the index or more (200 matches × 2 within 65,536 rows) can be bounded.
 */
const depths = Array.from({ length: 17 }, (_, k) => 2 ** k);
/** New rows only make a bound hold more, so an older answer stays usable: refreshed this often. */
const maxAgeMs = 10 * 60_000;

interface Depths {
  /** When the n-th newest row of the committee's filed record was created, for each kept depth n. */
  since: Map<number, string>;
  takenAt: number;
  refreshing?: Promise<void>;
}

const cache = new WeakMap<Db, Map<string, Depths>>();

/**
 * A creation time such that at least `depth` rows of the committee's filed record are as new or newer,
 * or null when the record is not that deep (or the depth is past the kept ones). Read from the date index
 * (a walk of up to 65,536 entries, ~20 ms) once in ten minutes per committee and kept in the process,
 * refreshed in the background once old: a bound a query adds to read only the newest rows (see
 * `newestMatches`). Times are text: a JS Date would drop the microseconds.
 */
export async function recordSince(db: Db, committeeId: string, depth: number): Promise<string | null> {
  const kept = depths.find((d) => d >= depth);
  if (kept === undefined) return null;
  const known = await recordDepths(db, committeeId);
  return known.since.get(kept) ?? null;
}

async function recordDepths(db: Db, committeeId: string): Promise<Depths> {
  const byCommittee = cache.get(db) ?? new Map<string, Depths>();
  cache.set(db, byCommittee);
  const hit = byCommittee.get(committeeId);
  if (hit) {
    if (Date.now() - hit.takenAt >= maxAgeMs) {
      hit.refreshing ??= load(db, committeeId)
        .then((fresh) => void byCommittee.set(committeeId, fresh))
        .catch(() => void byCommittee.set(committeeId, { since: hit.since, takenAt: Date.now() }));
    }
    return hit;
  }
  const fresh = await load(db, committeeId);
  byCommittee.set(committeeId, fresh);
  return fresh;
}

async function load(db: Db, committeeId: string): Promise<Depths> {
  const deepest = depths[depths.length - 1]!;
  const rows = rowsOf<{ n: number; at: string }>(
    await db.execute(sql`
      select n::int as n, at from (
        select row_number() over (order by proposal_created_at desc nulls last) as n,
          proposal_created_at::text as at
        from search_documents
        where committee_id = ${committeeId} and proposal_state in (${sql.raw(recordStatesSql)})
        order by proposal_created_at desc nulls last
        limit ${deepest}
      ) newest
      where n in (${sql.raw(depths.join(', '))})`),
  );
  return { since: new Map(rows.map((r) => [Number(r.n), r.at])), takenAt: Date.now() };
}
