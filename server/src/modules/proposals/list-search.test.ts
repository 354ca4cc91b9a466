import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, ilike } from 'drizzle-orm';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { likePattern } from '../org/queries/visible-org-records.ts';
import { proposals } from './schema.ts';

/**
 * The list's title search (`q`) runs through the title's character grams (`proposals_title_grams_idx`):
 * it must find exactly what `title ILIKE '%q%'` finds — one character, two, more, any case, `%` and `_`
 * as plain characters — inside the caller's scope; and the page and its total stay right on every page.
 */
describe('proposal list: title search and paging', () => {
  let t: TestApp;
  let c: TestCommittee;
  let staff: Client;
  const titles = [
    '关于发展社区养老服务的建议',
    '关于老旧小区改造的建议',
    '关于推进ABC平台建设的建议',
    '关于实现100%覆盖的建议',
    '关于a_b试点的建议',
    '关于保养老旧车辆的建议',
    '教育',
    '关于Ǆ字母的建议',
  ];
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    const db = t.database.db;
    const staffUser = await createTestUser(db, c, ['proposal_staff']);
    const other = await createTestUser(db, c, ['member']);
    staff = await signInAs(t.app, staffUser);
    const row = (title: string, i: number) => ({
      committeeId: c.id,
      proposerKind: 'member_individual' as const,
      leadMemberId: c.memberIds[0]!,
      createdByUserId: staffUser.id,
      title,
      state: 'filed' as const,
      // Distinct change times, so the order is defined: the later in the list, the more recent.
      updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    });
    await db.insert(proposals).values(titles.map(row));
    // Another member's draft: outside the staff's scope however well its title matches.
    await db
      .insert(proposals)
      .values({ ...row('关于养老驿站的建议（草稿）', 50), createdByUserId: other.id, state: 'draft' });
    // 25 more for paging, all matching 分页.
    await db
      .insert(proposals)
      .values(Array.from({ length: 25 }, (_, i) => row(`分页测试第${i + 1}件`, 100 + i)));
  });
  after(() => t.close());

  const listed = async (q: string, extra = '') => {
    const res = await staff.get(`/api/proposals?box=all&pageSize=50&q=${encodeURIComponent(q)}${extra}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { items: { title: string }[]; total: number };
    return { titles: body.items.map((p) => p.title), total: body.total };
  };

  it('finds exactly what ILIKE finds, for terms of one, two and more characters', async () => {
    const db = t.database.db;
    for (const q of [
      '养老',
      '老',
      '老旧',
      '养老服务',
      '老养',
      'abc',
      'ABC平台',
      '100%',
      '%',
      '_',
      'a_b',
      'ǆ',
      '的建议',
    ]) {
      const expected = (
        await db
          .select({ title: proposals.title })
          .from(proposals)
          .where(
            and(
              eq(proposals.committeeId, c.id),
              eq(proposals.state, 'filed'),
              ilike(proposals.title, likePattern(q)),
            ),
          )
      ).map((r) => r.title);
      const got = await listed(q);
      assert.deepEqual([...got.titles].sort(), [...expected].sort(), `q=${q}`);
      assert.equal(got.total, expected.length, `total for q=${q}`);
    }
    // Spot checks that the comparison above is not vacuous.
    assert.deepEqual((await listed('养老')).titles, ['关于保养老旧车辆的建议', '关于发展社区养老服务的建议']);
    assert.deepEqual((await listed('%')).titles, ['关于实现100%覆盖的建议']);
    assert.deepEqual((await listed('abc')).titles, ['关于推进ABC平台建设的建议']);
    assert.equal((await listed('老')).total, 3);
  });

  it("never finds what the caller may not see: another member's draft stays out", async () => {
    const found = await listed('驿站');
    assert.deepEqual(found, { titles: [], total: 0 });
  });

  it('pages in order of the last change with the right total on every page', async () => {
    const page = async (n: number) => {
      const res = await staff.get(
        `/api/proposals?box=all&q=${encodeURIComponent('分页')}&page=${n}&pageSize=10`,
      );
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: { title: string }[]; total: number; page: number };
    };
    const [p1, p3, p4] = [await page(1), await page(3), await page(4)];
    assert.equal(p1.total, 25);
    assert.deepEqual(
      p1.items.map((p) => p.title),
      Array.from({ length: 10 }, (_, i) => `分页测试第${25 - i}件`),
    );
    assert.equal(p3.total, 25);
    assert.deepEqual(
      p3.items.map((p) => p.title),
      ['分页测试第5件', '分页测试第4件', '分页测试第3件', '分页测试第2件', '分页测试第1件'],
    );
    // A page past the end has no rows but still the total.
    assert.deepEqual({ items: p4.items, total: p4.total }, { items: [], total: 25 });
    // A list item carries no 情况/分析/建议 text (only the detail view does).
    assert.equal('situation' in (p1.items[0] as object), false);
  });
});
