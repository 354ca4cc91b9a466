import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import type { SearchQuery } from '../../../platform/text/query.ts';
import { rowsOf } from './corpus-stats.ts';

/** One column's most common lexemes, as ANALYZE sampled them. */
interface ColumnShares {
  /** Share of all index rows holding the lexeme, for PostgreSQL's most common ones. */
  common: Map<string, number>;
  /** The least share in that list: every other lexeme is rarer than this. */
  floor: number;
}

interface Shares {
  /** Index rows, as ANALYZE last counted them. */
  rows: number;
  /** The whole text's words (`tsv`). */
  text: ColumnShares;
  /** The title's words (`title_tsv`); null while no title word is common enough to be listed. */
  title: ColumnShares | null;
  /** The handler units copied onto the rows (`proposal_unit_ids`): each unit's share of the index. */
  units: ColumnShares | null;
}

/** Statistics change with ANALYZE (autovacuum), not per request: read them at most this often per process. */
const maxAgeMs = 10 * 60_000;
const cache = new WeakMap<Db, { at: number; shares: Shares | null }>();

/**
 * The most common lexemes of the index's texts and titles and their shares of rows, as ANALYZE sampled
 * them (`pg_stats`, the statistics the planner itself uses for `@@`). Null before the first ANALYZE.
 */
async function lexemeShares(db: Db): Promise<Shares | null> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.shares;
  const result = await db.execute(sql`
    select attname as column, most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs,
      null_frac as nulls,
      (select reltuples from pg_class where oid = 'search_documents'::regclass)::float8 as rows
    from pg_stats
    where schemaname = current_schema() and tablename = 'search_documents'
      and attname in ('tsv', 'title_tsv', 'proposal_unit_ids')`);
  const rows = rowsOf<{
    column: string;
    elems: string[] | null;
    freqs: number[] | null;
    nulls: number;
    rows: number;
  }>(result);
  const sharesOf = (column: string): ColumnShares | null => {
    const row = rows.find((r) => r.column === column);
    const elems = row?.elems ?? [];
    const freqs = row?.freqs ?? [];
    if (!elems.length || !freqs.length) return null;
    // The frequencies are shares of the rows that have the column (a reply letter has no title).
    const had = 1 - Number(row?.nulls ?? 0);
    const common = new Map<string, number>();
    for (const [i, e] of elems.entries()) common.set(e, Number(freqs[i]) * had);
    return { common, floor: Math.min(...common.values()) };
  };
  const text = sharesOf('tsv');
  const shares = text
    ? {
        rows: Math.max(0, Number(rows[0]?.rows ?? 0)),
        text,
        title: sharesOf('title_tsv'),
        units: sharesOf('proposal_unit_ids'),
      }
    : null;
  cache.set(db, { at: Date.now(), shares });
  return shares;
}

export interface MatchEstimate {
  /** Share of index rows whose text matches. */
  share: number;
  /** Index rows whose text matches. */
  rows: number;
  /** Share of index rows whose title matches; null when the statistics list no title word. */
  titleShare: number | null;
  /** The index's rows, as ANALYZE last counted them. */
  indexRows: number;
}

/**
 * Roughly how many index rows a parsed query matches, and which share of the index that is, from the
 * lexemes' shares: a chain no more than its rarest lexeme, a term as its most common alternative, the
 * query as its rarest term. Only used to choose how to fetch candidates, never to count results; null
 * before the first ANALYZE.
 */
export async function estimateMatches(db: Db, query: SearchQuery): Promise<MatchEstimate | null> {
  const shares = await lexemeShares(db);
  if (!shares) return null;
  const shareIn = (column: ColumnShares) => {
    const of = (lexeme: string) => column.common.get(lexeme) ?? column.floor / 2;
    const terms = query.terms.map((t) =>
      Math.max(...t.alternatives.map((c) => Math.min(...c.map((p) => of(p.lexeme))))),
    );
    return terms.length ? Math.min(...terms) : 0;
  };
  const share = shareIn(shares.text);
  return {
    share,
    rows: share * shares.rows,
    titleShare: shares.title ? shareIn(shares.title) : null,
    indexRows: shares.rows,
  };
}

/**
 * The share of the index's rows that belong to these handler units' proposals, for units the statistics
 * list (the larger ones); null when one of them is not listed (its share is small and unknown) or before
 * the first ANALYZE.
 */
export async function unitsShare(db: Db, unitIds: readonly string[]): Promise<number | null> {
  const units = (await lexemeShares(db))?.units;
  if (!units || unitIds.length === 0) return null;
  let total = 0;
  for (const id of unitIds) {
    const share = units.common.get(id);
    if (share === undefined) return null;
    total += share;
  }
  return Math.min(1, total);
}
