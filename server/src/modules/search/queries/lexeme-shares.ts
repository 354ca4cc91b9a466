import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import type { SearchQuery } from '../../../platform/text/query.ts';
import { rowsOf } from './corpus-stats.ts';

interface Shares {
  /** Index rows, as ANALYZE last counted them. */
  rows: number;
  /** Share of index rows holding the lexeme, for PostgreSQL's most common ones. */
  common: Map<string, number>;
  /** The least share in that list: every other lexeme is rarer than this. */
  floor: number;
}

/** Statistics change with ANALYZE (autovacuum), not per request: read them at most this often per process. */
const maxAgeMs = 10 * 60_000;
const cache = new WeakMap<Db, { at: number; shares: Shares | null }>();

/**
 * The most common lexemes of the index and their shares of rows, as ANALYZE sampled them (`pg_stats`,
 * the statistics the planner itself uses for `@@`). Null before the first ANALYZE.
 */
async function lexemeShares(db: Db): Promise<Shares | null> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.shares;
  const result = await db.execute(sql`
    select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs,
      (select reltuples from pg_class where oid = 'search_documents'::regclass)::float8 as rows
    from pg_stats
    where schemaname = current_schema() and tablename = 'search_documents' and attname = 'tsv'`);
  const row = rowsOf<{ elems: string[] | null; freqs: number[] | null; rows: number }>(result)[0];
  let shares: Shares | null = null;
  const elems = row?.elems ?? [];
  const freqs = row?.freqs ?? [];
  if (elems.length && freqs.length) {
    const common = new Map<string, number>();
    for (const [i, e] of elems.entries()) common.set(e, Number(freqs[i]));
    shares = { rows: Math.max(0, Number(row?.rows ?? 0)), common, floor: Math.min(...common.values()) };
  }
  cache.set(db, { at: Date.now(), shares });
  return shares;
}

/**
 * Roughly how many index rows a parsed query matches, and which share of the index that is, from the
 * lexemes' shares: a chain no more than its rarest lexeme, a term as its most common alternative, the
 * query as its rarest term. Only used to choose how to fetch candidates, never to count results; null
 * before the first ANALYZE.
 */
export async function estimateMatches(
  db: Db,
  query: SearchQuery,
): Promise<{ share: number; rows: number } | null> {
  const shares = await lexemeShares(db);
  if (!shares) return null;
  const of = (lexeme: string) => shares.common.get(lexeme) ?? shares.floor / 2;
  const terms = query.terms.map((t) =>
    Math.max(...t.alternatives.map((c) => Math.min(...c.map((p) => of(p.lexeme))))),
  );
  const share = terms.length ? Math.min(...terms) : 0;
  return { share, rows: share * shares.rows };
}
