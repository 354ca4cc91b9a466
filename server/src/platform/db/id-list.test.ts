import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../test/db.ts';
import type { Database } from './connect.ts';
import { inIds, notInIds } from './id-list.ts';

describe('id lists as one parameter', () => {
  let database: Database;
  const ids = Array.from({ length: 70_000 }, () => crypto.randomUUID());
  const rowsOf = (r: unknown) => (r as { rows: { id: string }[] }).rows;

  before(async () => {
    database = await openTestDatabase();
    await database.db.execute(sql`create temporary table t (id uuid primary key)`);
    await database.db.execute(sql`insert into t select gen_random_uuid() from generate_series(1, 3)`);
  });
  after(() => database.close());

  it('selects by 70,000 ids (past the 65,535 bind parameters an IN list can have)', async () => {
    const have = rowsOf(await database.db.execute(sql`select id from t order by id`)).map((r) => r.id);
    const wanted = [...ids, have[0]!, have[2]!];
    const found = rowsOf(
      await database.db.execute(sql`select id from t where ${inIds(sql`id`, wanted)} order by id`),
    );
    assert.deepEqual(
      found.map((r) => r.id),
      [have[0], have[2]],
    );
    const rest = rowsOf(await database.db.execute(sql`select id from t where ${notInIds(sql`id`, wanted)}`));
    assert.deepEqual(
      rest.map((r) => r.id),
      [have[1]],
    );
  });

  it('an empty list matches nothing, and its negation everything', async () => {
    assert.equal(
      rowsOf(await database.db.execute(sql`select id from t where ${inIds(sql`id`, [])}`)).length,
      0,
    );
    assert.equal(
      rowsOf(await database.db.execute(sql`select id from t where ${notInIds(sql`id`, [])}`)).length,
      3,
    );
  });

  it('refuses a value that is not a uuid, as a cast error', async () => {
    await assert.rejects(
      database.db.execute(sql`select id from t where ${inIds(sql`id`, ["x') or true --"])}`),
    );
  });
});
