import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { parseSearchQuery } from '../../platform/text/query.ts';
import type { Client } from '../../test/http.ts';
import { actorOf, fileProposals, type Kit, startKit } from '../proposals/assignments.test-kit.ts';
import { visibleProposals } from '../proposals/proposals.policy.ts';
import { assignments, proposals } from '../proposals/schema.ts';
import { indexProposals } from './commands/index-proposal.ts';
import { estimateMatches, unitsShare } from './queries/lexeme-shares.ts';
import type { SearchLimits } from './queries/search-candidates.ts';
import { searchProposals } from './queries/search-proposals.ts';
import { searchDocuments } from './schema.ts';
import { narrowScopeDocuments } from './search.policy.ts';

interface Result {
  items: { id: string }[];
  total: number;
  broad: boolean;
}

/**
 * A handler unit that has received thousands of proposals over the years searches them like anyone else:
 * every match ranked while there are few, a selection past that, never anything assigned to another unit.
 * (Its scope was once passed to the database as one parameter per proposal, and a few thousand overflowed
 * the SQL builder's stack.)
 */
describe('search: a handler unit with thousands of proposals', () => {
  let k: Kit;
  /** Unit D's proposals: 3,000 on 养老, of which the first 1,200 also on 托育 and the first alone on 电梯. */
  const ofD: string[] = [];
  /** Unit A's: 电梯 and 养老 too, but not D's to find. */
  const ofA: string[] = [];
  const total = 3_000;

  const search = async (by: Client, q: string, extra = ''): Promise<Result> => {
    const res = await by.get(`/api/search?q=${encodeURIComponent(q)}&pageSize=50${extra}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Result;
  };

  before(async () => {
    k = await startKit();
    const db = k.t.database.db;
    const task = (proposalId: string, handlerUnitId: string) => ({
      committeeId: k.c.id,
      proposalId,
      handlerUnitId,
      mode: 'sole' as const,
      state: 'handling' as const,
      assignedByUserId: k.staffUserId,
      dueOn: '2026-06-30',
    });
    // Groups written in batches: 1 on 电梯 and 托育, 1,199 more on 托育, the rest on 养老 alone.
    const groups = [
      { n: 1, situation: '社区养老与托育服务一体化建设，老旧小区加装电梯进展缓慢。' },
      { n: 1_199, situation: '社区养老与托育服务一体化建设。' },
      { n: total - 1_200, situation: '社区养老服务设施不足。' },
    ];
    for (const g of groups) {
      for (let done = 0; done < g.n; done += 500) {
        const rows = await fileProposals(k, Math.min(500, g.n - done), {
          state: 'assigned',
          title: '关于完善社区养老服务的建议',
          situation: g.situation,
        });
        await db.insert(assignments).values(rows.map((p) => task(p.id, k.units.D)));
        ofD.push(...rows.map((p) => p.id));
      }
    }
    const others = await fileProposals(k, 3, {
      state: 'assigned',
      title: '关于老旧小区加装电梯的建议',
      situation: '社区养老服务设施不足，加装电梯难。',
    });
    await db.insert(assignments).values(others.map((p) => task(p.id, k.units.A)));
    ofA.push(...others.map((p) => p.id));
    for (let i = 0; i < ofD.length; i += 1_000) await indexProposals(db, ofD.slice(i, i + 1_000));
    await indexProposals(db, ofA);
  });
  after(() => k.close());

  it('ranks every match while there are up to 1,500, and counts them exactly', async () => {
    const r = await search(k.clerkD, '托育');
    assert.equal(r.broad, false);
    assert.equal(r.total, 1_200);
    assert.equal(r.items.length, 50);
    assert.ok(r.items.every((i) => ofD.slice(0, 1_200).includes(i.id)));
  });

  it('finds the one proposal with a rarer word, and nothing of another unit', async () => {
    const r = await search(k.clerkD, '电梯');
    assert.deepEqual(
      r.items.map((i) => i.id),
      [ofD[0]],
    );
    assert.equal(r.total, 1);
    const a = await search(k.clerkA, '电梯');
    assert.deepEqual(new Set(a.items.map((i) => i.id)), new Set(ofA));
  });

  it('past 1,500 matches, ranks a selection of its own proposals and says so', async () => {
    const r = await search(k.clerkD, '养老');
    assert.equal(r.broad, true);
    assert.ok(r.total > 0 && r.total < total, String(r.total));
    assert.equal(r.items.length, 50);
    assert.ok(r.items.every((i) => ofD.includes(i.id)));
    const page2 = await search(k.clerkD, '养老', '&page=2');
    assert.ok(page2.items.every((i) => ofD.includes(i.id) && !r.items.some((x) => x.id === i.id)));
  });

  it('narrows the index to the same proposals as the policy’s condition', async () => {
    const db = k.t.database.db;
    // A task moved to another unit leaves the first unit's scope.
    await db
      .update(assignments)
      .set({ state: 'reassigned' })
      .where(and(eq(assignments.proposalId, ofA[2]!), eq(assignments.handlerUnitId, k.units.A)));
    for (const [c, expected] of [
      [k.clerkD, total],
      [k.clerkA, 2],
      [k.clerkB, 0],
    ] as const) {
      const actor = await actorOf(k, c);
      const byCondition = await db
        .select({ id: proposals.id })
        .from(proposals)
        .where(visibleProposals(actor));
      const scope = narrowScopeDocuments(actor, []);
      const byIndex = await db
        .selectDistinct({ id: searchDocuments.proposalId })
        .from(searchDocuments)
        .where(scope ?? sql`false`);
      assert.equal(byCondition.length, expected, actor.username);
      assert.deepEqual(
        new Set(byIndex.map((r) => r.id)),
        new Set(byCondition.map((r) => r.id)),
        actor.username,
      );
    }
    assert.deepEqual((await search(k.clerkA, '电梯')).items.map((i) => i.id).sort(), ofA.slice(0, 2).sort());
  });

  it('keeps each index row on its proposal’s live units, whoever writes the tasks', async () => {
    const db = k.t.database.db;
    const unitsOf = async (id: string) =>
      (
        await db
          .select({ u: searchDocuments.proposalUnitIds })
          .from(searchDocuments)
          .where(eq(searchDocuments.proposalId, id))
      ).map((r) => [...r.u].sort());
    const [p] = await fileProposals(k, 1, { state: 'filed', title: '关于规范共享单车停放的建议' });
    await indexProposals(db, [p!.id]);
    assert.deepEqual(await unitsOf(p!.id), [[]]);
    const [task] = await db
      .insert(assignments)
      .values({
        committeeId: k.c.id,
        proposalId: p!.id,
        handlerUnitId: k.units.B,
        mode: 'lead',
        assignedByUserId: k.staffUserId,
        dueOn: '2026-06-30',
      })
      .returning();
    await db.insert(assignments).values({
      committeeId: k.c.id,
      proposalId: p!.id,
      handlerUnitId: k.units.D,
      mode: 'co',
      assignedByUserId: k.staffUserId,
      dueOn: '2026-06-30',
    });
    assert.deepEqual(await unitsOf(p!.id), [[k.units.B, k.units.D].sort()]);
    // Rebuilt rows take the units as they are inserted.
    await db.delete(searchDocuments).where(eq(searchDocuments.proposalId, p!.id));
    await indexProposals(db, [p!.id]);
    assert.deepEqual(await unitsOf(p!.id), [[k.units.B, k.units.D].sort()]);
    await db.update(assignments).set({ state: 'reassigned' }).where(eq(assignments.id, task!.id));
    assert.deepEqual(await unitsOf(p!.id), [[k.units.D]]);
    assert.equal((await search(k.clerkB, '共享单车')).total, 0);
    assert.equal((await search(k.clerkD, '共享单车')).total, 1);
    await db.delete(assignments).where(eq(assignments.proposalId, p!.id));
    assert.deepEqual(await unitsOf(p!.id), [[]]);
  });

  it('ranks thousands of candidates when the limits allow it', async () => {
    const actor = await actorOf(k, k.staff);
    const r = await searchProposals(
      k.t.database.db,
      actor,
      { q: '养老', page: 1, pageSize: 10 },
      { rankAllUpTo: 10_000, broadPoolSize: 200 },
    );
    assert.equal(r.broad, false);
    assert.equal(r.total, total + ofA.length);
  });
});

/**
 * With the planner's statistics, a word common in the index searched by a unit with a large share of it is
 * broad past doubt: its latest matches in the unit's scope are sought among the newest rows first, and read
 * again without that bound when they hold too few — the selection is the same either way.
 */
describe('search: a handler unit’s broad query bounded to the newest rows', () => {
  let k: Kit;
  const small: SearchLimits = { rankAllUpTo: 3, broadPoolSize: 2 };
  const day = (n: number) => new Date(Date.UTC(2025, 0, n, 2));
  const byDay = new Map<number, string>();

  before(async () => {
    k = await startKit();
    const db = k.t.database.db;
    // Unit D's proposals on days 1–20, unit A's on the newest days 21–40; all on 养老.
    for (let n = 1; n <= 40; n++) {
      const [p] = await fileProposals(k, 1, {
        state: 'assigned',
        title: `关于完善社区养老服务的建议（${n}）`,
        situation: `第${n}件：社区养老服务设施不足。`,
        createdAt: day(n),
        submittedAt: day(n),
      });
      await db.insert(assignments).values({
        committeeId: k.c.id,
        proposalId: p!.id,
        handlerUnitId: n <= 20 ? k.units.D : k.units.A,
        mode: 'sole',
        state: 'handling',
        assignedByUserId: k.staffUserId,
        dueOn: '2026-06-30',
      });
      byDay.set(n, p!.id);
    }
    await indexProposals(db, [...byDay.values()]);
    await db.execute(sql`analyze`);
  });
  after(() => k.close());

  const selection = async (c: Client) => {
    const actor = await actorOf(k, c);
    const r = await searchProposals(k.t.database.db, actor, { q: '养老', page: 1, pageSize: 50 }, small);
    assert.equal(r.broad, true);
    return new Set(r.items.map((i) => i.id));
  };
  const days = (...ns: number[]) => new Set(ns.map((n) => byDay.get(n)!));

  it('knows each unit’s share of the index and the word’s (the shortcut is in play)', async () => {
    const db = k.t.database.db;
    const share = await unitsShare(db, [k.units.D]);
    assert.ok(share !== null && share > 0.3 && share < 0.7, String(share));
    assert.ok((await estimateMatches(db, parseSearchQuery('养老')))!.share > 0.9);
  });

  it('takes the latest matches among the newest rows when they are the unit’s', async () => {
    assert.deepEqual(await selection(k.clerkA), days(40, 39));
  });

  it('reads again without the bound when the newest rows are another unit’s', async () => {
    assert.deepEqual(await selection(k.clerkD), days(20, 19));
  });
});
