import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { type Database, fromPglite, openPostgres } from '../platform/db/connect.ts';

export type Engine = 'pglite' | 'postgres';

/** Which engine this test process runs on: `TEST_DB=pglite` (default) or `TEST_DB=postgres` + `TEST_PG_URL`. */
export function testEngine(): Engine {
  const e = process.env.TEST_DB ?? 'pglite';
  if (e !== 'pglite' && e !== 'postgres') throw new Error(`TEST_DB must be pglite or postgres, not ${e}`);
  return e;
}

const templateName = 'tongxin_test_template';

/**
 * A fresh, migrated database for one test file. On PostgreSQL it is copied from a template database that
 * the first test process migrates (under an advisory lock, since test files run in parallel).
 */
export async function openTestDatabase(): Promise<Database & { name: string }> {
  if (testEngine() === 'pglite') {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    return { ...(await fromPglite(client)), name: 'memory' };
  }
  const adminUrl = process.env.TEST_PG_URL;
  if (!adminUrl)
    throw new Error('TEST_DB=postgres needs TEST_PG_URL (the test runner starts a cluster and sets it)');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const name = `tx_${crypto.randomBytes(6).toString('hex')}`;
  try {
    await admin.query('select pg_advisory_lock(7411)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [templateName]);
    if (exists.rowCount === 0) {
      await admin.query(`create database ${templateName}`);
      const migrated = await openPostgres(withDatabase(adminUrl, templateName), 1);
      await migrated.close();
    }
    await admin.query(`create database ${name} template ${templateName}`);
  } finally {
    await admin.query('select pg_advisory_unlock(7411)').catch(() => {});
    await admin.end();
  }
  const database = await openPostgres(withDatabase(adminUrl, name), 5);
  return {
    ...database,
    name,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name}`).catch(() => {});
      await a.end();
    },
  };
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
