import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * `column = any($1::uuid[])`: a list of ids as ONE bind parameter. drizzle's `inArray` binds one parameter
 * per value, so a list that grows with the data (a handler unit's thousands of proposals, an export) costs a
 * builder chunk per id — a few thousand overflowed its stack in a search — and stops at PostgreSQL's 65,535
 * parameters. The list travels as an array literal: ids are UUIDs from our own rows, and a malformed one is a
 * cast error, never SQL.
 */
export function inIds(column: AnyColumn | SQL, ids: readonly string[]): SQL {
  return sql`${column} = any(${uuidArray(ids)})`;
}

/** `not (column = any($1::uuid[]))`, see `inIds`. */
export function notInIds(column: AnyColumn | SQL, ids: readonly string[]): SQL {
  return sql`not (${column} = any(${uuidArray(ids)}))`;
}

/** A list of uuids as one `uuid[]` parameter. */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}
