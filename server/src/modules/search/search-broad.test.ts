import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { parseSearchQuery } from '../../platform/text/query.ts';
import type { Client } from '../../test/http.ts';
import { actorOf, fileProposals, type Kit, startKit } from '../proposals/assignments.test-kit.ts';
import { ownProposalIds, ownProposals } from '../proposals/proposals.policy.ts';
import { proposals } from '../proposals/schema.ts';
import { indexProposals } from './commands/index-proposal.ts';
import type { SearchLimits } from './queries/search-candidates.ts';
import { estimateMatches } from './queries/lexeme-shares.ts';
import { recordSince } from './queries/record-depths.ts';
import { searchProposals } from './queries/search-proposals.ts';
import { searchDocuments } from './schema.ts';
import { committeeSegmenter } from './segmenters.ts';

/**
 * A broad query (more matching texts than are worth ranking) ranks a selection: the latest title
 * matches, the latest text matches and the actor's own proposals — always within their scope. The
 * limits are shrunk here so that a handful of proposals is "broad"; the code path is the production one.
 */
describe('search: broad queries rank a selection, within the scope', () => {
  let k: Kit;
  const small: SearchLimits = { rankAllUpTo: 3, broadPoolSize: 2 };
  const large: SearchLimits = { rankAllUpTo: 1_000, broadPoolSize: 2 };
  const day = (n: number) => new Date(Date.UTC(2026, 0, n, 2));
  let titled: string[] = [];
  let texts: string[] = [];
  let submitted: string[] = [];
  let ownDraft = '';

  const search = async (c: Client, limits: SearchLimits, q = '养老') =>
    searchProposals(k.t.database.db, await actorOf(k, c), { q, page: 1, pageSize: 50 }, limits);
  const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

  before(async () => {
    k = await startKit();
    const db = k.t.database.db;
    // Filed: three with 养老 in the title (days 1–3), four with it only in the text (days 4–7).
    const one = (n: number, title: string, state: 'filed' | 'submitted' = 'filed') =>
      fileProposals(k, 1, {
        title,
        situation: `第${n}件：社区养老服务设施不足，居家养老缺少支撑。`,
        state,
        createdAt: day(n),
        submittedAt: day(n),
        ...(state === 'submitted' ? { number: null, filedAt: null } : {}),
      }).then((rows) => rows[0]!.id);
    titled = [
      await one(1, '关于养老服务的建议一'),
      await one(2, '关于养老服务的建议二'),
      await one(3, '关于养老服务的建议三'),
    ];
    texts = [];
    for (let n = 4; n <= 7; n++) texts.push(await one(n, `关于社区服务的建议（${n}）`));
    // Newest of all, submitted and not yet reviewed: staff read them, members do not.
    submitted = [
      await one(8, '关于养老机构的建议', 'submitted'),
      await one(9, '关于社区食堂的建议', 'submitted'),
    ];
    await indexProposals(db, [...titled, ...texts, ...submitted]);
    const res = await k.outsider.post('/api/proposals', {
      proposerKind: 'member_individual',
      title: '关于老年助餐的建议',
      situation: '养老助餐点不足。',
      cosignerIds: [],
    });
    assert.equal(res.statusCode, 201, res.body);
    ownDraft = res.json().id as string;
  });
  after(() => k.close());

  it('ranks every match while there are few, and says so', async () => {
    const all = await search(k.outsider, large);
    assert.equal(all.broad, false);
    assert.deepEqual(new Set(ids(all)), new Set([...titled, ...texts, ownDraft]));
    assert.equal(all.total, 8);
  });

  it('past the limit, ranks the latest title and text matches and the own draft, in the same order', async () => {
    const all = ids(await search(k.outsider, large));
    const broad = await search(k.outsider, small);
    assert.equal(broad.broad, true);
    // The member reads the filed record: the latest two filed title matches, the latest two filed text
    // matches (the submitted ones are newer but not theirs to read), and their own draft.
    assert.deepEqual(new Set(ids(broad)), new Set([titled[2], titled[1], texts[3], texts[2], ownDraft]));
    assert.equal(broad.total, 5);
    // Ranked as the full search ranks them.
    assert.deepEqual(
      ids(broad),
      all.filter((id) => ids(broad).includes(id)),
    );
  });

  it('takes a reviewer’s selection among everything submitted, never another member’s draft', async () => {
    const broad = await search(k.staff, small);
    assert.equal(broad.broad, true);
    // 关于养老机构的建议 (day 8) is the latest title match; day 9 and day 8 the latest text matches.
    assert.deepEqual(new Set(ids(broad)), new Set([submitted[0], titled[2], submitted[1]]));
    assert.ok(!ids(broad).includes(ownDraft));
    const full = await search(k.staff, large);
    assert.deepEqual(new Set(ids(full)), new Set([...titled, ...texts, ...submitted]));
  });

  it('applies the filters to the selection', async () => {
    const db = k.t.database.db;
    await db.update(proposals).set({ category: 'economy' }).where(eq(proposals.id, titled[2]!));
    const actor = await actorOf(k, k.outsider);
    const r = await searchProposals(
      db,
      actor,
      { q: '养老', page: 1, pageSize: 50, category: 'economy' },
      small,
    );
    assert.deepEqual(ids(r), [titled[2]]);
    await db.update(proposals).set({ category: 'society' }).where(eq(proposals.id, titled[2]!));
  });

  it('keeps each index row on its proposal’s state, whoever changes it', async () => {
    const db = k.t.database.db;
    const stateOf = async (id: string) =>
      (
        await db
          .select({ s: searchDocuments.proposalState })
          .from(searchDocuments)
          .where(eq(searchDocuments.proposalId, id))
      ).map((r) => r.s);
    assert.deepEqual(await stateOf(submitted[1]!), ['submitted']);
    assert.deepEqual(await stateOf(ownDraft), ['draft']);
    await db.update(proposals).set({ state: 'filed' }).where(eq(proposals.id, submitted[1]!));
    assert.deepEqual(await stateOf(submitted[1]!), ['filed']);
    // Now in the record: the member's broad selection takes it (day 9, the latest text match).
    assert.ok(ids(await search(k.outsider, small)).includes(submitted[1]!));
    await db.update(proposals).set({ state: 'submitted' }).where(eq(proposals.id, submitted[1]!));
    assert.deepEqual(await stateOf(submitted[1]!), ['submitted']);
    assert.ok(!ids(await search(k.outsider, small)).includes(submitted[1]!));
  });

  it('finds the same own proposals by the indexed ids as by the policy’s condition', async () => {
    const db = k.t.database.db;
    for (const c of [k.lead, k.cosigner, k.outsider, k.staff, k.clerkA]) {
      const actor = await actorOf(k, c);
      const byCondition = await db
        .select({ id: proposals.id })
        .from(proposals)
        .where(and(eq(proposals.committeeId, actor.committeeId), ownProposals(actor)));
      const byIds = await db
        .select({ id: proposals.id })
        .from(proposals)
        .where(
          and(
            eq(proposals.committeeId, actor.committeeId),
            sql`${proposals.id} in (${ownProposalIds(actor)})`,
          ),
        );
      assert.deepEqual(
        new Set(byIds.map((r) => r.id)),
        new Set(byCondition.map((r) => r.id)),
        actor.username,
      );
    }
    // Not vacuous: the lead proposer owns the kit's proposals, the outsider only their draft.
    const lead = await actorOf(k, k.lead);
    const leads = await db
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(inArray(proposals.id, titled), sql`${proposals.id} in (${ownProposalIds(lead)})`));
    assert.equal(leads.length, 3);
  });
});

/**
 * With the planner's statistics (after ANALYZE), a broad query first looks for its latest matches among
 * the filed record's newest rows only — as many as should hold twice the pool — and reads again without
 * that bound when they hold too few. Either way the selection is the one without the bound.
 */
describe('search: a broad query bounded to the newest rows finds the same selection', () => {
  let k: Kit;
  const small: SearchLimits = { rankAllUpTo: 3, broadPoolSize: 2 };
  const day = (n: number) => new Date(Date.UTC(2025, 0, n, 2));
  const byDay = new Map<number, string>();

  before(async () => {
    k = await startKit();
    const db = k.t.database.db;
    // 养老 on the oldest days (1–4 in the title and the text, 5–8 in the text only), 交通 likewise on the
    // newest (101–108), and 100 proposals on neither in between (day 50).
    const one = async (n: number, word: string) => {
      const [row] = await fileProposals(k, 1, {
        title: n % 100 <= 4 ? `关于${word}服务的建议（${n}）` : `关于社区服务的建议（${n}）`,
        situation: `第${n}件：${word}问题突出。`,
        createdAt: day(n),
        submittedAt: day(n),
      });
      byDay.set(n, row!.id);
    };
    for (let n = 1; n <= 8; n++) await one(n, '养老');
    for (let n = 101; n <= 108; n++) await one(n, '交通');
    const between = await fileProposals(k, 100, {
      title: '关于河道治理的建议',
      situation: '河道淤积。',
      createdAt: day(50),
      submittedAt: day(50),
    });
    await indexProposals(db, [...byDay.values(), ...between.map((r) => r.id)]);
    await db.execute(sql`analyze`);
  });
  after(() => k.close());

  const selection = async (q: string) => {
    const actor = await actorOf(k, k.staff);
    const r = await searchProposals(k.t.database.db, actor, { q, page: 1, pageSize: 50 }, small);
    assert.equal(r.broad, true, q);
    return new Set(r.items.map((i) => i.id));
  };
  const days = (...ns: number[]) => new Set(ns.map((n) => byDay.get(n)!));

  it('uses the statistics and the record’s dates (the bound is in play)', async () => {
    const db = k.t.database.db;
    const seg = await committeeSegmenter(db, k.c.id);
    // 8 of 116 rows: not common enough to walk the dates (8 %), so the pool of 2, twice over, is sought
    // among the newest 64 rows: from day 50 on.
    const share = (await estimateMatches(db, parseSearchQuery('养老', seg)))?.share ?? 0;
    assert.ok(share > 0.03 && share < 0.08, String(share));
    assert.equal(new Date((await recordSince(db, k.c.id, 64))!).getTime(), day(50).getTime());
  });

  it('takes the latest matches among the newest rows when they hold enough', async () => {
    assert.deepEqual(await selection('交通'), days(104, 103, 108, 107));
  });

  it('reads again without the bound when the newest rows hold too few', async () => {
    // None of the newest 64 rows has 养老: the latest titles are still days 4 and 3, the texts 8 and 7.
    assert.deepEqual(await selection('养老'), days(4, 3, 8, 7));
  });
});
