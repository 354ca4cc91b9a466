import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** One type for both engines (and for a transaction, which is a PgDatabase too). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const migrationsFolder = path.join(import.meta.dirname, '../../../drizzle');

/** Embedded PostgreSQL in `dataDir/pgdata`, behind the app's exclusive lock file. */
export async function openPglite(dataDir: string): Promise<Database> {
  const release = acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(path.join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
    return await fromPglite(client, release);
  } catch (err) {
    release();
    throw err;
  }
}

/** Wraps an already-open PGlite (tests load one from a migrated snapshot). */
export async function fromPglite(client: PGlite, onClose: () => void = () => {}): Promise<Database> {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return {
    db,
    engine: 'pglite',
    async close() {
      await client.close();
      onClose();
    },
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  // JIT off: it pays off for long analytic scans only; on the app's queries of tens of milliseconds it
  // added 25–45 ms of compiling whenever a plan's cost estimate crossed `jit_above_cost`.
  //
  // Idle connections are kept half an hour, not pg's 10 s: a new connection is a new server process that
  // loads its catalog caches on its first queries, and a search after 11 s of quiet took 350 ms instead
  // of 60 (200,000 proposals) — the normal case for a committee's sporadic users.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 30 * 60_000,
    options: '-c jit=off',
  });
  // An idle connection closed by the server (restart, admin command) must not crash the process;
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (err) => console.warn(`PostgreSQL idle connection closed: ${err.message}`));
  // pg returns DATE as a JS Date in local time by default; keep the calendar date as text.
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  await migrateSerialized(pool);
  return { db, engine: 'postgres', close: () => pool.end() };
}

/** Any number fixed for Tongxin: the advisory lock that serializes start-up migrations. */
const migrationLockKey = 7_300_416_2026;

/**
 * Several instances starting at once against one server would each try to apply the same migration (and
 * one would fail on a duplicate table). They queue on a session-level advisory lock instead: the first
 * migrates, the others then find nothing left to apply.
 */
async function migrateSerialized(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await migrateNodePg(drizzleNodePg({ client, schema }) as never, { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
  }
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}
