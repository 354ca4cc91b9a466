import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestUser } from '../../test/factories.ts';
import { type Client, signInAs } from '../../test/http.ts';
import { pinClock } from '../proposals/clock.ts';
import {
  expectError,
  fileProposal,
  type Kit,
  messages,
  startKit,
} from '../proposals/assignments.test-kit.ts';
import type { proposals } from '../proposals/schema.ts';
import { indexProposal } from './commands/index-proposal.ts';
import { forgetCorpusStats } from './queries/corpus-stats.ts';
import {
  bodyOf,
  type CorpusText,
  careInsurance,
  elderCare,
  elderCareParaphrase,
  unrelated,
} from './similar.test-corpus.ts';

interface Similar {
  id: string;
  title: string;
  score: number;
  state: string;
  sessionName: string | null;
  proposerName: string;
  replies: unknown[];
}

describe('similar proposals: paraphrases found, unrelated ones not, only within what the caller may see', () => {
  let k: Kit;
  let handler: Client;
  const p: Record<string, string> = {};

  const similar = async (by: Client, body: Record<string, unknown>): Promise<Similar[]> => {
    const res = await by.post('/api/search/similar', body);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items as Similar[];
  };
  const ids = (items: Similar[]) => items.map((i) => i.id);
  const file = async (key: string, t: CorpusText, over: Partial<typeof proposals.$inferInsert> = {}) => {
    const row = await fileProposal(k, { ...t, ...over });
    await indexProposal(k.t.database.db, row.id);
    p[key] = row.id;
  };

  before(async () => {
    k = await startKit();
    pinClock('2026-04-20T09:00:00+08:00');
    handler = await signInAs(
      k.t.app,
      await createTestUser(k.t.database.db, k.c, [{ role: 'handler_clerk', scopeId: k.units.D }]),
    );
    await file('elder', elderCare);
    await file('insurance', careInsurance);
    for (const [i, t] of unrelated.entries()) await file(`other${i}`, t);
    forgetCorpusStats(k.c.id);
  });
  after(() => k.close());

  it('puts a paraphrase of the same proposal in the top 3, for the whole text and for the title alone', async () => {
    const whole = await similar(k.outsider, {
      title: elderCareParaphrase.title,
      body: bodyOf(elderCareParaphrase),
    });
    assert.ok(ids(whole).slice(0, 3).includes(p.elder!), JSON.stringify(whole));
    assert.equal(whole[0]!.id, p.elder);
    assert.ok(whole[0]!.score > 0.3 && whole[0]!.score <= 1, `score ${whole[0]!.score}`);
    const title = await similar(k.outsider, { title: elderCareParaphrase.title });
    assert.equal(title[0]?.id, p.elder, JSON.stringify(title));
    const body = await similar(k.outsider, { body: bodyOf(elderCareParaphrase) });
    assert.equal(body[0]?.id, p.elder);
  });

  it('returns no unrelated proposal', async () => {
    const items = await similar(k.outsider, {
      title: elderCareParaphrase.title,
      body: bodyOf(elderCareParaphrase),
    });
    const unrelatedIds = unrelated.map((_, i) => p[`other${i}`]);
    assert.deepEqual(
      items.filter((i) => unrelatedIds.includes(i.id)),
      [],
    );
    // A text about something else entirely finds nothing at all.
    assert.deepEqual(await similar(k.outsider, { title: '关于加强古籍保护与数字化利用的建议' }), []);
  });

  it("shows the state, the session and the proposer; the draft's own proposal can be left out", async () => {
    const [first] = await similar(k.outsider, { title: elderCare.title, excludeProposalId: p.insurance });
    assert.equal(first!.id, p.elder);
    assert.equal(first!.state, 'filed');
    assert.equal(first!.sessionName, '十四届四次会议');
    assert.ok(first!.proposerName.length > 0);
    const without = await similar(k.outsider, { title: elderCare.title, excludeProposalId: p.elder });
    assert.ok(!ids(without).includes(p.elder!));
  });

  it("never finds another member's draft or a submitted proposal a member may not see, nor hints at them", async () => {
    const db = k.t.database.db;
    // Member 2's own unsubmitted draft and a proposal awaiting review, both the paraphrase word for word.
    const made = await k.outsider.post('/api/proposals', {
      proposerKind: 'member_individual',
      ...elderCareParaphrase,
    });
    assert.equal(made.statusCode, 201, made.body);
    const draft = made.json() as { id: string };
    const awaiting = await fileProposal(k, { ...elderCareParaphrase, state: 'submitted', number: null });
    await indexProposal(db, awaiting.id);
    const input = { title: elderCareParaphrase.title, body: bodyOf(elderCareParaphrase), limit: 10 };
    // Member 0 leads the awaiting one (the kit's factory) and sees it, not member 2's draft.
    const byLead = await similar(k.lead, input);
    assert.ok(!ids(byLead).includes(draft.id) && ids(byLead).includes(awaiting.id));
    const byOutsider = await similar(k.outsider, input);
    assert.ok(ids(byOutsider).includes(draft.id), 'their own draft');
    assert.ok(!ids(byOutsider).includes(awaiting.id));
    // A handler unit's clerk sees only proposals assigned to the unit: none here, so nothing at all.
    assert.deepEqual(await similar(handler, input), []);
    // Staff see the submitted one, never a member's draft.
    const byStaff = await similar(k.staff, input);
    assert.ok(ids(byStaff).includes(awaiting.id) && !ids(byStaff).includes(draft.id));
    // The reviewer's view of one proposal: 404 for a proposal the caller may not see, not an empty list.
    expectError(
      await k.outsider.get(`/api/proposals/${awaiting.id}/similar`),
      404,
      'NOT_FOUND',
      messages.NOT_FOUND,
    );
    const review = (await k.staff.get(`/api/proposals/${awaiting.id}/similar`)).json().items as Similar[];
    assert.equal(review[0]?.id, p.elder);
    assert.ok(!ids(review).includes(awaiting.id));
  });

  it('reflects an edit at once', async () => {
    const created = await k.lead.post('/api/proposals', {
      proposerKind: 'member_individual',
      title: '关于规范电动自行车停放充电管理的建议',
      situation: '小区电动自行车飞线充电现象普遍，楼道停放堵塞消防通道。',
    });
    assert.equal(created.statusCode, 201, created.body);
    const draft = created.json();
    const before = await similar(k.lead, { title: '关于完善城市排水防涝设施的建议' });
    assert.ok(!ids(before).includes(draft.id));
    const patched = await k.lead.patch(`/api/proposals/${draft.id}`, {
      title: '关于加快城市排水防涝设施建设的建议',
      situation: '汛期城区易涝点多，排水管网标准偏低，雨水泵站能力不足。',
      expectedVersion: draft.version,
    });
    assert.equal(patched.statusCode, 200, patched.body);
    const after = await similar(k.lead, { title: '关于完善城市排水防涝设施的建议' });
    assert.equal(after[0]?.id, draft.id);
    assert.ok(
      !ids(await similar(k.lead, { title: '关于规范电动自行车停放充电管理的建议' })).includes(draft.id),
    );
  });

  it('refuses an empty text with a message that says what to do', async () => {
    const res = await k.lead.post('/api/search/similar', { title: ' ', body: '' });
    const e = expectError(res, 400, 'VALIDATION_FAILED', messages.VALIDATION_FAILED);
    assert.deepEqual(e.details, [{ path: 'title', message: '请先填写案由或正文，再查找相似提案' }]);
  });
});
