import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { createTestUser } from '../../test/factories.ts';
import { type Client, errorOf, signInAs } from '../../test/http.ts';
import { pinClock } from '../proposals/clock.ts';
import {
  assign,
  fileProposal,
  type Kit,
  ok,
  replyBody,
  startKit,
  taskOf,
} from '../proposals/assignments.test-kit.ts';
import { indexProposal } from './commands/index-proposal.ts';
import { searchDocuments } from './schema.ts';

interface Hit {
  id: string;
  title: string;
  titleHtml: string;
  state: string;
  snippets: { source: string; html: string }[];
}
interface Result {
  items: Hit[];
  total: number;
  page: number;
  pageSize: number;
}

describe('search: words and phrases, ranking, scope, an index current with every write', () => {
  let k: Kit;
  let admin: Client;
  const p: Record<string, string> = {};

  const search = async (by: Client, q: string, extra = ''): Promise<Result> => {
    const res = await by.get(`/api/search?q=${encodeURIComponent(q)}${extra}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Result;
  };
  const ids = (r: Result) => r.items.map((i) => i.id);

  before(async () => {
    k = await startKit();
    pinClock('2026-04-20T09:00:00+08:00');
    const db = k.t.database.db;
    admin = await signInAs(k.t.app, await createTestUser(db, k.c, ['sysadmin']));
    const corpus = {
      elder: {
        title: '关于加强社区养老服务设施建设的建议',
        situation: '我市60岁以上老年人口已占总人口的21%，社区养老服务设施覆盖率不足。',
        analysis: '设施建设标准不统一，运营经费保障不足。',
        suggestions: '一、统一建设标准；二、落实运营补贴。',
        submittedAt: new Date('2025-01-10T02:00:00Z'),
      },
      business: {
        title: '关于优化营商环境的建议',
        situation: '不少中小微企业反映，职工养老保险缴费负担较重，融资难、融资贵问题仍然突出。',
        category: 'economy' as const,
        submittedAt: new Date('2026-01-12T02:00:00Z'),
      },
      housing: {
        title: '关于推进老旧小区改造的建议',
        situation: '老旧小区改造涉及加装电梯、管网更新，居民意愿强烈。',
        submittedAt: new Date('2026-01-11T02:00:00Z'),
      },
      parking: {
        title: '关于缓解停车难的建议',
        situation: '老旧小区的道路狭窄，停车位不足，路面改造滞后。',
        submittedAt: new Date('2026-01-11T03:00:00Z'),
      },
      hotline: {
        title: '关于深化接诉即办的建议',
        situation: '我市民呼我为机制运行良好，群众满意度逐年提升。',
        submittedAt: new Date('2026-01-11T04:00:00Z'),
      },
    };
    for (const [key, over] of Object.entries(corpus)) {
      // Written straight into the table like the other suites' filed proposals, then indexed by the helper.
      const row = await fileProposal(k, { analysis: '', suggestions: '', ...over });
      await indexProposal(db, row.id);
      p[key] = row.id;
    }
  });
  after(() => k.close());

  it('finds a proposal by a two-character word, the title match first', async () => {
    const r = await search(k.outsider, '养老');
    assert.equal(r.total, 2);
    // The business proposal is newer, but 养老 is only in its text: the title match ranks first.
    assert.deepEqual(ids(r), [p.elder, p.business]);
    const [elder, business] = r.items;
    assert.equal(elder!.titleHtml, '关于加强社区<mark>养老</mark>服务设施建设的建议');
    assert.deepEqual(business!.snippets, [
      {
        source: 'situation',
        html: '不少中小微企业反映，职工<mark>养老</mark>保险缴费负担较重，融资难、融资贵问题仍然突出。',
      },
    ]);
    assert.equal(business!.titleHtml, '关于优化营商环境的建议');
  });

  it('finds a quoted phrase only where the words stand together', async () => {
    const phrase = await search(k.outsider, '"老旧小区改造"');
    assert.deepEqual(ids(phrase), [p.housing]);
    assert.equal(phrase.total, 1);
    const words = await search(k.outsider, '老旧小区 改造');
    assert.deepEqual(ids(words), [p.housing, p.parking]);
    assert.equal(
      words.items[1]!.snippets[0]!.html,
      '<mark>老旧小区</mark>的道路狭窄，停车位不足，路面<mark>改造</mark>滞后。',
    );
  });

  it('pages the ranked results and keeps the total', async () => {
    const second = await search(k.outsider, '养老', '&page=2&pageSize=1');
    assert.deepEqual([ids(second), second.total, second.page, second.pageSize], [[p.business], 2, 2, 1]);
    assert.deepEqual(ids(await search(k.outsider, '养老', '&category=economy')), [p.business]);
    assert.equal((await search(k.outsider, '养老', `&sessionId=${crypto.randomUUID()}`)).total, 0);
    assert.equal((await search(k.outsider, '养老', '&state=closed')).total, 0);
    assert.equal((await search(k.outsider, '养老', '&state=filed,closed')).total, 2);
  });

  it("never shows, counts or hints at another member's unsubmitted draft", async () => {
    const res = await k.lead.post('/api/proposals', {
      proposerKind: 'member_individual',
      title: '关于开办社区养老幸福食堂的建议',
      situation: '老年人就餐难，养老助餐点不足。',
      cosignerIds: [],
    });
    assert.equal(res.statusCode, 201, res.body);
    const draft = res.json().id as string;
    // The author finds it at once: the index was written in the draft's own transaction.
    const mine = await search(k.lead, '养老');
    assert.equal(mine.total, 3);
    assert.ok(ids(mine).includes(draft));
    for (const other of [k.outsider, k.cosigner, k.staff, k.chair]) {
      const r = await search(other, '养老');
      assert.equal(r.total, 2);
      assert.ok(!ids(r).includes(draft));
      const only = await search(other, '幸福食堂');
      assert.deepEqual([only.total, only.items], [0, []]);
    }
  });

  it('shows a handler unit only the proposals assigned to it', async () => {
    await assign(k, p.elder!, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    assert.deepEqual(ids(await search(k.clerkA, '养老')), [p.elder]);
    assert.equal((await search(k.clerkA, '养老')).total, 1);
    assert.equal((await search(k.clerkB, '养老')).total, 0);
    assert.deepEqual(ids(await search(k.staff, '养老', `&handlerUnitId=${k.units.A}`)), [p.elder]);
  });

  it('finds an edit in the next request, and not an edit that failed', async () => {
    const created = await k.lead.post('/api/proposals', {
      proposerKind: 'member_individual',
      title: '关于推广垃圾分类的建议',
      situation: '垃圾分类投放点设置不合理。',
      cosignerIds: [],
    });
    const { id, version } = created.json() as { id: string; version: number };
    assert.deepEqual(ids(await search(k.lead, '垃圾分类')), [id]);
    const edit = await k.lead.patch(`/api/proposals/${id}`, {
      title: '关于推进厨余处理的建议',
      situation: '厨余处理设施不足。',
      expectedVersion: version,
    });
    assert.equal(edit.statusCode, 200, edit.body);
    assert.equal((await search(k.lead, '垃圾分类')).total, 0);
    assert.deepEqual(ids(await search(k.lead, '厨余')), [id]);
    // A refused write (stale version) rolls its index change back with it.
    const stale = await k.lead.patch(`/api/proposals/${id}`, {
      title: '关于噪声治理的建议',
      expectedVersion: version,
    });
    assert.equal(stale.statusCode, 409);
    assert.equal((await search(k.lead, '噪声')).total, 0);
  });

  it('lets a draft reply be found by its unit and the overseers only, and by every reader once sent', async () => {
    const task = await taskOf(k, p.elder!, k.units.A);
    await ok(k, k.clerkA, task.id, '/receive');
    const body = `${replyBody.body}\n二、关于长者食堂。今年新建长者食堂20个。`;
    await ok(k, k.clerkA, task.id, '/reply', { ...replyBody, body }, 'PUT');
    for (const reader of [k.clerkA, k.staff, k.supervisor]) {
      const r = await search(reader, '长者食堂');
      assert.deepEqual(ids(r), [p.elder]);
      assert.equal(r.items[0]!.snippets[0]!.source, 'reply');
    }
    for (const other of [k.lead, k.outsider, k.chair, k.clerkB]) {
      assert.equal((await search(other, '长者食堂')).total, 0);
    }
    const [row] = await k.t.database.db
      .select()
      .from(searchDocuments)
      .where(and(eq(searchDocuments.proposalId, p.elder!), eq(searchDocuments.targetType, 'reply_letter')));
    assert.deepEqual([row!.published, row!.handlerUnitId], [false, k.units.A]);
    await ok(k, k.clerkA, task.id, '/reply/submit');
    await ok(k, k.leaderA, task.id, '/reply/sign-off', { approve: true, comment: '' });
    await ok(k, k.supervisor, task.id, '/reply/review', { approve: true, comment: '' });
    for (const reader of [k.lead, k.outsider]) {
      const r = await search(reader, '长者食堂');
      assert.deepEqual(ids(r), [p.elder]);
      assert.ok(r.items[0]!.snippets[0]!.html.includes('<mark>长者食堂</mark>'));
    }
  });

  it('answers hostile input with results or a 400 in Chinese, never an error', async () => {
    for (const q of [
      "'; drop table proposals; --",
      'a & b | !c <-> d:* (e)',
      '"养老',
      '养老"" & "',
      "\\' OR 1=1 --",
      '((((养老))))',
      '<script>alert(1)</script>',
    ]) {
      const res = await k.outsider.get(`/api/search?q=${encodeURIComponent(q)}`);
      assert.ok(res.statusCode === 200 || res.statusCode === 400, `${q}: ${res.statusCode} ${res.body}`);
      if (res.statusCode === 400) assert.equal(errorOf(res).code, 'VALIDATION_FAILED');
    }
    assert.equal((await search(k.outsider, '((((养老))))')).total, 2);
    const cases: [string, string][] = [
      ['养'.repeat(1000), '检索词不能超过 100 个字，请精简后重试'],
      ['   ', '请输入检索词'],
      [
        '关于 建议 的提案',
        '检索词只包含“建议”“提案”“关于”“的”等常用词，几乎每件提案都有，请换用更具体的词语',
      ],
      ['&|!:*()', '请输入要检索的汉字、字母或数字'],
    ];
    for (const [q, message] of cases) {
      const res = await k.outsider.get(`/api/search?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 400, q);
      const e = errorOf(res);
      assert.equal(e.message, '提交的内容有误，请按提示修改后重试');
      assert.deepEqual(
        (e.details as { path: string; message: string }[]).map((d) => d.message),
        [message],
      );
    }
    const bad = await k.outsider.get('/api/search?q=养老&pageSize=500&state=nonsense');
    assert.equal(bad.statusCode, 400);
    assert.equal((await k.t.app.inject({ method: 'GET', url: '/api/search?q=养老' })).statusCode, 401);
  });

  it('makes an admin word one token: a compound cut apart before is found after the rebuild', async () => {
    // jieba reads 我市民呼我为 as 我 / 市民 / 呼 / 我 / 为: the slogan 民呼我为 is nowhere.
    assert.equal((await search(k.staff, '民呼我为')).total, 0);
    assert.equal((await admin.post('/api/search/dictionary', { word: '民呼我为' })).statusCode, 201);
    const rebuilt = await admin.post('/api/search/reindex', {});
    assert.equal(rebuilt.statusCode, 200, rebuilt.body);
    const progress = rebuilt.json();
    assert.equal(progress.next, null);
    assert.equal(progress.done, progress.total);
    const r = await search(k.staff, '民呼我为');
    assert.deepEqual(ids(r), [p.hotline]);
    assert.equal(
      r.items[0]!.snippets[0]!.html,
      '我市<mark>民呼我为</mark>机制运行良好，群众满意度逐年提升。',
    );
  });

  it('keeps the dictionary and the rebuild to the system administrator', async () => {
    const listed = await admin.get('/api/search/dictionary');
    assert.equal(listed.statusCode, 200);
    const words = listed.json();
    assert.deepEqual(
      words.items.map((w: { word: string }) => w.word),
      ['民呼我为'],
    );
    assert.ok(words.builtin.includes('社情民意'));
    const dup = await admin.post('/api/search/dictionary', { word: '民呼我为' });
    assert.equal(dup.statusCode, 409);
    assert.deepEqual(errorOf(dup).details, [{ path: 'word', message: '词库中已有“民呼我为”' }]);
    const spaced = await admin.post('/api/search/dictionary', { word: '民呼 我为' });
    assert.equal(spaced.statusCode, 400);
    for (const other of [k.staff, k.lead]) {
      assert.equal((await other.get('/api/search/dictionary')).statusCode, 403);
      assert.equal((await other.post('/api/search/dictionary', { word: '村超' })).statusCode, 403);
      assert.equal((await other.post('/api/search/reindex', {})).statusCode, 403);
    }
    const me = (await admin.get('/api/auth/me')).json();
    assert.equal(me.abilities['search.dictionary'], true);
    const id = words.items[0].id as string;
    assert.equal((await admin.del(`/api/search/dictionary/${id}`)).statusCode, 204);
    assert.equal((await admin.del(`/api/search/dictionary/${id}`)).statusCode, 404);
  });
});
