import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { client, startTestApp, type TestApp } from '../../test/http.ts';
import { plenarySessions } from '../org/schema.ts';
import { assignments, proposals, replyLetters } from '../proposals/schema.ts';

describe('public proposal pages', () => {
  let t: TestApp;
  let c: TestCommittee;
  const ids: Record<string, string> = {};
  before(async () => {
    t = await startTestApp();
    // The public pages show the deployment's first committee: this test's committee is created first.
    c = await createTestCommittee(t.database.db);
    const db = t.database.db;
    const user = (await createTestUser(db, c, ['proposal_staff'])).id;
    const [s] = await db
      .insert(plenarySessions)
      .values({
        committeeId: c.id,
        termId: c.termId,
        sessionNo: 4,
        openDate: '2025-02-22',
        closeDate: '2025-02-26',
        proposalDeadline: new Date('2025-02-25T10:00:00Z'),
      })
      .returning();
    const base = {
      committeeId: c.id,
      sessionId: s!.id,
      proposerKind: 'member_individual' as const,
      leadMemberId: c.memberIds[0]!,
      createdByUserId: user,
      situation: '情况',
      analysis: '分析',
      suggestions: '建议',
    };
    const rows = await db
      .insert(proposals)
      .values([
        {
          ...base,
          title: '关于建设口袋公园的建议',
          state: 'closed',
          number: 1,
          filedAt: new Date(),
          repliedAt: new Date(),
        },
        {
          ...base,
          title: '关于不愿公开的提案',
          state: 'closed',
          number: 2,
          consentToPublish: false,
          nonPublishReason: '涉及个人隐私',
        },
        { ...base, title: '关于尚在草稿的提案', state: 'draft' },
        { ...base, title: '关于不予立案的提案', state: 'not_filed' },
      ])
      .returning();
    for (const r of rows) ids[r.title] = r.id;
    const [a] = await db
      .insert(assignments)
      .values({
        committeeId: c.id,
        proposalId: rows[0]!.id,
        handlerUnitId: c.handlerUnitIds[0]!,
        mode: 'sole',
        state: 'sent',
        assignedByUserId: user,
        dueOn: '2025-06-30',
      })
      .returning();
    await db.insert(replyLetters).values({
      committeeId: c.id,
      proposalId: rows[0]!.id,
      assignmentId: a!.id,
      kind: 'reply',
      body: '一、已新建口袋公园12处。\n\n二、明年计划再建20处。',
      resultClass: 'A',
      contactName: '赵敏',
      contactPhone: '0999-6012345',
      draftedByUserId: user,
      sentAt: new Date(),
    });
  });
  after(() => t.close());

  it('lists filed proposals with consent, without signing in', async () => {
    const res = await client(t.app).get('/api/public/proposals');
    assert.equal(res.statusCode, 200, res.body);
    const titles = res.json().items.map((p: { title: string }) => p.title);
    assert.deepEqual(titles, ['关于建设口袋公园的建议']);
    assert.equal(res.json().items[0].numberLabel, '十四届四次会议第0001号');
    assert.deepEqual(res.json().items[0].proposers, ['李明华']);
  });

  it('shows the reply but never the contact details', async () => {
    const res = await client(t.app).get(`/api/public/proposals/${ids['关于建设口袋公园的建议']}`);
    assert.equal(res.statusCode, 200);
    const p = res.json();
    assert.equal(p.replies.length, 1);
    assert.match(p.replies[0].body, /口袋公园12处/);
    assert.equal(p.replies[0].resultClassLabel, '已解决或基本解决');
    assert.doesNotMatch(res.body, /0999-6012345|赵敏|139\d{8}/);
  });

  it('hides proposals without consent, drafts and unfiled ones (404)', async () => {
    for (const title of ['关于不愿公开的提案', '关于尚在草稿的提案', '关于不予立案的提案']) {
      assert.equal((await client(t.app).get(`/api/public/proposals/${ids[title]}`)).statusCode, 404, title);
    }
  });

  it('lists sessions for the filter', async () => {
    const res = (await client(t.app).get('/api/public/sessions')).json();
    assert.deepEqual(
      res.items.map((s: { name: string }) => s.name),
      ['十四届四次会议'],
    );
  });
});
