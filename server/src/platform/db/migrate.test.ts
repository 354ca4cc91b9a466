import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { testEngine, withDatabase } from '../../test/db.ts';
import { openPostgres } from './connect.ts';

// PostgreSQL only: several server instances can start at once against one server. (PGlite is opened by a
// single process, which lock.test.ts guards.)
if (testEngine() === 'postgres') {
  describe('start-up migrations on PostgreSQL', () => {
    it('three instances starting at once on an empty database all come up, and each migration runs once', async () => {
      const adminUrl = process.env.TEST_PG_URL!;
      const name = `tx_migrate_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = withDatabase(adminUrl, name);
        const opened = await Promise.allSettled([1, 2, 3].map(() => openPostgres(url, 2)));
        const failures = opened.filter((o) => o.status === 'rejected');
        assert.deepEqual(failures, [], 'every instance started');
        const db = new pg.Client({ connectionString: url });
        await db.connect();
        const applied = await db.query(
          'select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash',
        );
        await db.end();
        assert.ok(applied.rows.length >= 6, `migrations recorded: ${applied.rows.length}`);
        assert.ok(
          applied.rows.every((r) => r.n === 1),
          'no migration recorded twice',
        );
        for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  });
}
