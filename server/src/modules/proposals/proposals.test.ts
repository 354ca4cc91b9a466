import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import { notifications } from '../../platform/notifications/schema.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { plenarySessions } from '../org/schema.ts';
import { proposals } from './schema.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('proposals: drafting, co-signing, submission and review', () => {
  let t: TestApp;
  let c: TestCommittee;
  let lead: Client;
  let cosigner: Client;
  let outsider: Client;
  let staff: Client;
  let staff2: Client;
  let clerk: Client;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    // A session opening in 60 days: we are inside its plenary window.
    await t.database.db.insert(plenarySessions).values({
      committeeId: c.id,
      termId: c.termId,
      sessionNo: 5,
      openDate: day(60),
      closeDate: day(64),
      proposalDeadline: new Date(`${day(63)}T18:00:00+08:00`),
    });
    const db = t.database.db;
    lead = await signInAs(t.app, await createTestUser(db, c, [{ role: 'member', scopeId: c.memberIds[0]! }]));
    cosigner = await signInAs(
      t.app,
      await createTestUser(db, c, [{ role: 'member', scopeId: c.memberIds[1]! }]),
    );
    outsider = await signInAs(
      t.app,
      await createTestUser(db, c, [{ role: 'member', scopeId: c.memberIds[2]! }]),
    );
    staff = await signInAs(t.app, await createTestUser(db, c, ['proposal_staff']));
    staff2 = await signInAs(t.app, await createTestUser(db, c, ['proposal_staff']));
    clerk = await signInAs(t.app, await createTestUser(db, c, ['handler_clerk']));
  });
  after(() => t.close());

  const draft = (over: Record<string, unknown> = {}) => ({
    proposerKind: 'member_joint',
    title: '关于加强社区养老服务设施建设的建议',
    situation: '我市60岁以上老年人口已占总人口的21%，社区养老服务设施覆盖率不足。',
    analysis: '设施建设标准不统一，运营经费保障不足，专业护理人员短缺。',
    suggestions: '一、统一建设标准；二、落实运营补贴；三、加强护理人才培养。',
    category: 'society',
    cosignerIds: [c.memberIds[1]],
    ...over,
  });

  async function submitted(over: Record<string, unknown> = {}, by: Client = lead) {
    const p = (await by.post('/api/proposals', draft(over))).json();
    if (over.proposerKind !== 'member_individual')
      await cosigner.post(`/api/proposals/${p.id}/cosign`, { accept: true });
    const v = (await by.get(`/api/proposals/${p.id}`)).json().version;
    const res = await by.post(`/api/proposals/${p.id}/submit`, { expectedVersion: v });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  }

  async function reviewAll(id: string, last: Record<string, unknown>) {
    for (let stage = 0; stage < 3; stage++) {
      const v = (await staff.get(`/api/proposals/${id}`)).json().version;
      const r = await staff.post(`/api/proposals/${id}/review`, {
        recommendation: 'file',
        expectedVersion: v,
      });
      assert.equal(r.statusCode, 200, r.body);
    }
    const v = (await staff.get(`/api/proposals/${id}`)).json().version;
    return staff.post(`/api/proposals/${id}/review`, { ...last, expectedVersion: v });
  }

  it('a member drafts a joint proposal, the co-signer accepts, the member submits', async () => {
    const res = await lead.post('/api/proposals', draft());
    assert.equal(res.statusCode, 201, res.body);
    const p = res.json();
    assert.equal(p.state, 'draft');
    assert.deepEqual(
      p.signers.map((s: { role: string; status: string }) => `${s.role}:${s.status}`),
      ['lead:confirmed', 'cosigner:invited'],
    );
    assert.equal(p.abilities.submit, true);
    const invite = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'cosign_invitation'));
    assert.ok(invite.some((n) => n.link === `/proposals/${p.id}`));

    const seen = (await cosigner.get(`/api/proposals/${p.id}`)).json();
    assert.equal(seen.abilities.accept_cosign, true);
    assert.equal((await cosigner.post(`/api/proposals/${p.id}/cosign`, { accept: true })).statusCode, 200);

    const v = (await lead.get(`/api/proposals/${p.id}`)).json().version;
    const sub = await lead.post(`/api/proposals/${p.id}/submit`, { expectedVersion: v });
    assert.equal(sub.statusCode, 200, sub.body);
    assert.equal(sub.json().state, 'submitted');
    assert.equal(sub.json().timing, 'plenary');
    assert.equal(sub.json().sessionName, '十四届五次会议');
    assert.ok(sub.json().intakeNo >= 1);
  });

  it('waits in 联名征集中 while an invitation is open, and completes when it is answered', async () => {
    const p = (await lead.post('/api/proposals', draft({ title: '关于优化公交线路的建议' }))).json();
    const sub = await lead.post(`/api/proposals/${p.id}/submit`, { expectedVersion: p.version });
    assert.equal(sub.json().state, 'cosigning');
    assert.equal(sub.json().intakeNo, null);
    await cosigner.post(`/api/proposals/${p.id}/cosign`, { accept: true });
    const done = (await lead.get(`/api/proposals/${p.id}`)).json();
    assert.equal(done.state, 'submitted');
    assert.ok(done.intakeNo);
  });

  it('keeps unsubmitted drafts private: other members and staff get 404', async () => {
    const p = (
      await lead.post(
        '/api/proposals',
        draft({ proposerKind: 'member_individual', cosignerIds: [], title: '关于整治噪音扰民的建议' }),
      )
    ).json();
    assert.equal((await outsider.get(`/api/proposals/${p.id}`)).statusCode, 404);
    assert.equal((await staff.get(`/api/proposals/${p.id}`)).statusCode, 404);
    assert.equal((await clerk.get(`/api/proposals/${p.id}`)).statusCode, 404);
    const list = (await outsider.get('/api/proposals?pageSize=200')).json();
    assert.ok(!list.items.some((x: { id: string }) => x.id === p.id));
    assert.equal(
      (await outsider.patch(`/api/proposals/${p.id}`, { title: '改', expectedVersion: 1 })).statusCode,
      404,
    );
  });

  it('refuses a co-signer who is not a member, and a handler unit that does not exist', async () => {
    const before = (await t.database.db.select({ n: count() }).from(proposals))[0]!.n;
    const other = await createTestCommittee(t.database.db);
    const res = await lead.post('/api/proposals', draft({ cosignerIds: [other.memberIds[0]] }));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(errorOf(res).details, [{ path: 'cosignerIds', message: '联名人须为本届在任委员' }]);
    const res2 = await lead.post(
      '/api/proposals',
      draft({ suggestedHandlerUnitIds: [other.handlerUnitIds[0]] }),
    );
    assert.equal(errorOf(res2).code, 'VALIDATION_FAILED');
    assert.equal((await t.database.db.select({ n: count() }).from(proposals))[0]!.n, before);
  });

  it('refuses to submit an incomplete proposal, naming what is missing', async () => {
    const p = (
      await lead.post(
        '/api/proposals',
        draft({ proposerKind: 'member_individual', cosignerIds: [], suggestions: '', category: null }),
      )
    ).json();
    const res = await lead.post(`/api/proposals/${p.id}/submit`, { expectedVersion: p.version });
    assert.equal(res.statusCode, 400);
    assert.deepEqual((errorOf(res).details as { path: string }[]).map((d) => d.path).sort(), [
      'category',
      'suggestions',
    ]);
  });

  it('a double-clicked create with one idempotency key makes one proposal', async () => {
    const before = (await t.database.db.select({ n: count() }).from(proposals))[0]!.n;
    const body = draft({ title: '关于推进垃圾分类的建议' });
    const headers = { 'idempotency-key': 'create-garbage-0001' };
    const [a, b] = await Promise.all([
      lead.send({ method: 'POST', url: '/api/proposals', payload: body, headers }),
      lead.send({ method: 'POST', url: '/api/proposals', payload: body, headers }),
    ]);
    assert.equal(a.statusCode, 201);
    assert.equal(b.statusCode, 201);
    assert.equal(a.json().id, b.json().id);
    const retry = await lead.send({ method: 'POST', url: '/api/proposals', payload: body, headers });
    assert.equal(retry.json().id, a.json().id);
    assert.equal((await t.database.db.select({ n: count() }).from(proposals))[0]!.n, before + 1);
  });

  it('runs the four review stages and files with a number unique in the session', async () => {
    const p = await submitted({ title: '关于完善城市停车设施的建议' });
    const res = await reviewAll(p.id, {
      recommendation: 'file',
      suggestedHandlerUnitIds: [c.handlerUnitIds[0]],
    });
    assert.equal(res.statusCode, 200, res.body);
    const filed = res.json();
    assert.equal(filed.state, 'filed');
    assert.match(filed.numberLabel, /^十四届五次会议第\d{4}号$/);
    assert.deepEqual(
      filed.reviews.map((r: { stageName: string }) => r.stageName),
      ['初审', '复审', '会审', '审定'],
    );
    const q = await submitted({ title: '关于加快老旧小区改造的建议' });
    const second = (await reviewAll(q.id, { recommendation: 'file' })).json();
    assert.equal(second.number, filed.number + 1);
    const note = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'proposal_decision'), eq(notifications.link, `/proposals/${p.id}`)));
    assert.equal(note.length, 1);
    assert.match(note[0]!.body, /已立案/);
    // Filed proposals are part of the record every member may read.
    assert.equal((await outsider.get(`/api/proposals/${p.id}`)).statusCode, 200);
  });

  it('merges into a filed proposal and keeps every proposer and co-signer on the parent', async () => {
    const parent = await submitted({ title: '关于发展银发经济的建议' });
    await reviewAll(parent.id, { recommendation: 'file' });
    const child = await submitted(
      { title: '关于促进养老产业发展的建议', proposerKind: 'member_individual', cosignerIds: [] },
      outsider,
    );
    const res = await reviewAll(child.id, { recommendation: 'merge', mergeIntoId: parent.id });
    assert.equal(res.json().state, 'merged');
    const p = (await staff.get(`/api/proposals/${parent.id}`)).json();
    const signers = p.signers.map((s: { memberId: string; role: string; fromProposalId: string | null }) => [
      s.memberId,
      s.role,
      s.fromProposalId,
    ]);
    assert.deepEqual(signers, [
      [c.memberIds[0], 'lead', null],
      [c.memberIds[1], 'cosigner', null],
      [c.memberIds[2], 'cosigner', child.id],
    ]);
  });

  it('does not file with a reason code, then converts to 社情民意 and tells the proposer', async () => {
    const p = await submitted({
      title: '关于调整本人工作岗位的建议',
      proposerKind: 'member_individual',
      cosignerIds: [],
    });
    const noReason = await reviewAll(p.id, { recommendation: 'not_file' });
    assert.equal(noReason.statusCode, 400);
    const v = (await staff.get(`/api/proposals/${p.id}`)).json().version;
    const res = await staff.post(`/api/proposals/${p.id}/review`, {
      recommendation: 'not_file',
      reasonCode: 'N07',
      expectedVersion: v,
    });
    assert.equal(res.json().state, 'not_filed');
    assert.equal(res.json().notFiledReason, '涉及提案者本人及其亲属个人事务的');
    const conv = await staff.post(`/api/proposals/${p.id}/convert`, {
      target: 'social_opinion',
      note: '已转信息科',
      expectedVersion: res.json().version,
    });
    assert.equal(conv.json().state, 'converted');
    const seen = (await lead.get(`/api/proposals/${p.id}`)).json();
    assert.equal(seen.state, 'converted');
    assert.ok(seen.timeline.some((e: { action: string }) => e.action === 'proposal.converted'));
  });

  it('returns for revision with the comment; the proposer edits and resubmits keeping the intake number', async () => {
    const p = await submitted({
      title: '关于加强校园安全的建议',
      proposerKind: 'member_individual',
      cosignerIds: [],
    });
    const noComment = await staff.post(`/api/proposals/${p.id}/review`, {
      recommendation: 'return_for_revision',
      expectedVersion: p.version,
    });
    assert.equal(noComment.statusCode, 400);
    const ret = await staff.post(`/api/proposals/${p.id}/review`, {
      recommendation: 'return_for_revision',
      comment: '请补充具体数据',
      expectedVersion: p.version,
    });
    assert.equal(ret.json().state, 'returned_for_revision');
    const edited = await lead.patch(`/api/proposals/${p.id}`, {
      analysis: '全市中小学安保人员配比仅为1:800。',
      expectedVersion: ret.json().version,
    });
    assert.equal(edited.statusCode, 200, edited.body);
    const again = await lead.post(`/api/proposals/${p.id}/submit`, {
      expectedVersion: edited.json().version,
    });
    assert.equal(again.json().state, 'submitted');
    assert.equal(again.json().intakeNo, p.intakeNo);
  });

  it('takes 12 submissions into one session at once: all accepted, intake numbers distinct (no deadlock)', async () => {
    const drafts = [];
    for (let i = 0; i < 12; i++) {
      drafts.push(
        (
          await lead.post(
            '/api/proposals',
            draft({
              proposerKind: 'member_individual',
              cosignerIds: [],
              title: `关于并发提交第${i}件的建议`,
            }),
          )
        ).json(),
      );
    }
    const results = await Promise.all(
      drafts.map((d) => lead.post(`/api/proposals/${d.id}/submit`, { expectedVersion: d.version })),
    );
    assert.deepEqual(
      results.map((r) => r.statusCode),
      Array(12).fill(200),
      results.map((r) => r.body.slice(0, 120)).join('\n'),
    );
    const numbers = results.map((r) => r.json().intakeNo);
    assert.equal(new Set(numbers).size, 12);
  });

  it('two staff acting on one proposal at once: one succeeds, the other gets 409', async () => {
    const p = await submitted({
      title: '关于提升政务服务效率的建议',
      proposerKind: 'member_individual',
      cosignerIds: [],
    });
    const [a, b] = await Promise.all([
      staff.post(`/api/proposals/${p.id}/review`, { recommendation: 'file', expectedVersion: p.version }),
      staff2.post(`/api/proposals/${p.id}/review`, {
        recommendation: 'return_for_revision',
        comment: '重复',
        expectedVersion: p.version,
      }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
  });

  it('refuses actions in the wrong state (409) and by the wrong person (403)', async () => {
    const p = await submitted({
      title: '关于规范网约车管理的建议',
      proposerKind: 'member_individual',
      cosignerIds: [],
    });
    const edit = await lead.patch(`/api/proposals/${p.id}`, { title: '改标题', expectedVersion: p.version });
    assert.equal(edit.statusCode, 409);
    assert.equal(errorOf(edit).code, 'WRONG_STATE');
    const memberReview = await lead.post(`/api/proposals/${p.id}/review`, {
      recommendation: 'file',
      expectedVersion: p.version,
    });
    assert.equal(memberReview.statusCode, 403);
    const withdraw = await lead.post(`/api/proposals/${p.id}/withdraw`, { expectedVersion: p.version });
    assert.equal(withdraw.json().state, 'withdrawn');
    const late = await staff.post(`/api/proposals/${p.id}/review`, {
      recommendation: 'file',
      expectedVersion: withdraw.json().version,
    });
    assert.ok([404, 409].includes(late.statusCode));
  });

  it("lets staff enter a paper proposal on a member's behalf, recorded as such", async () => {
    const res = await staff.post(
      '/api/proposals',
      draft({
        proposerKind: 'member_individual',
        cosignerIds: [],
        leadMemberId: c.memberIds[3],
        title: '关于保护古树名木的建议',
      }),
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().enteredOnBehalf, true);
    assert.equal(res.json().proposerName, '陈静');
    const sub = await staff.post(`/api/proposals/${res.json().id}/submit`, {
      expectedVersion: res.json().version,
    });
    assert.equal(sub.json().state, 'submitted');
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, res.json().id), eq(auditEvents.action, 'proposal.drafted')));
    assert.equal((audit!.after as { enteredOnBehalf: boolean }).enteredOnBehalf, true);
  });

  it('lets an administrator change the review stages: two stages then decide', async () => {
    const rules = (await staff.get('/api/proposal-rules')).json();
    const res = await staff.send({
      method: 'PUT',
      url: '/api/proposal-rules',
      payload: {
        ...rules,
        reviewStages: [
          { key: 'first', name: '初审' },
          { key: 'final', name: '审定' },
        ],
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    const p = await submitted({
      title: '关于发展夜间经济的建议',
      proposerKind: 'member_individual',
      cosignerIds: [],
    });
    const one = await staff.post(`/api/proposals/${p.id}/review`, {
      recommendation: 'file',
      expectedVersion: p.version,
    });
    assert.equal(one.json().state, 'under_review');
    assert.equal(one.json().reviewStageName, '审定');
    const two = await staff.post(`/api/proposals/${p.id}/review`, {
      recommendation: 'file',
      expectedVersion: one.json().version,
    });
    assert.equal(two.json().state, 'filed');
    await staff.send({ method: 'PUT', url: '/api/proposal-rules', payload: rules });
    assert.equal(
      (await lead.send({ method: 'PUT', url: '/api/proposal-rules', payload: rules })).statusCode,
      403,
    );
  });
});
