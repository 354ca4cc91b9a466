import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import { loadCalendar } from '../../platform/calendar/queries/load-calendar.ts';
import { dueDate } from '../../platform/calendar/working-days.ts';
import { docxParagraphs } from '../../platform/documents/testing.ts';
import { notifications } from '../../platform/notifications/schema.ts';
import {
  expectError,
  fileProposal,
  type Kit,
  messages,
  ok,
  oneAudit,
  replyBody,
  startKit,
  step,
  taskOf,
} from './assignments.test-kit.ts';
import { pinClock } from './clock.ts';

describe('assignments: 交办, 办理, 答复, 评价', () => {
  let k: Kit;
  before(async () => {
    k = await startKit();
  });
  after(() => k.close());

  const db = () => k.t.database.db;
  const noticesFor = async (kind: string, link: string) =>
    db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, kind), eq(notifications.link, link)));
  const feedback = (id: string, body: Record<string, unknown>, by = k.lead) =>
    by.post(`/api/proposals/${id}/feedback`, body);

  it('runs the whole lifecycle: 主办+会办, 会签, 签发, 督查室改类, 不满意, 重新办理, 第二轮答复, 满意', async () => {
    pinClock('2026-03-02T09:00:00+08:00');
    const { A, B } = k.units;
    const p = await fileProposal(k);

    const assigned = await oneAudit(k, () =>
      k.staff.post(`/api/proposals/${p.id}/assignments`, {
        units: [
          { handlerUnitId: A, mode: 'lead' },
          { handlerUnitId: B, mode: 'co' },
        ],
        expectedVersion: p.version,
      }),
    );
    assert.equal(assigned.statusCode, 200, assigned.body);
    assert.equal(assigned.json().state, 'assigned');
    assert.deepEqual(
      assigned
        .json()
        .assignments.map((a: { handlerUnit: { name: string }; mode: string; state: string }) => [
          a.handlerUnit.name,
          a.mode,
          a.state,
        ]),
      [
        ['测试市教育局', 'lead', 'pending_receipt'],
        ['测试市卫生健康委员会', 'co', 'pending_receipt'],
      ],
    );
    const lead = await taskOf(k, p.id, A);
    const co = await taskOf(k, p.id, B);
    assert.equal(
      (await noticesFor('assignment_new', `/assignments/${lead.id}`)).length,
      3,
      'clerks and leader of A',
    );

    const received = await oneAudit(k, () => step(k, k.clerkA, lead.id, '/receive'));
    assert.equal(received.statusCode, 200, received.body);
    assert.equal(received.json().state, 'handling');
    assert.equal((await k.staff.get(`/api/proposals/${p.id}`)).json().state, 'handling');
    await oneAudit(k, () => ok(k, k.clerkB, co.id, '/receive'));

    const contact = await oneAudit(k, () =>
      k.clerkA.post(`/api/assignments/${lead.id}/contacts`, {
        stage: 'before',
        method: 'visit',
        contactedOn: '2026-03-02',
        participants: '李明华委员、赵敏',
        notes: '当面听取提案人意见',
      }),
    );
    assert.equal(contact.statusCode, 201, contact.body);
    assert.equal(contact.json().contacts[0].notes, '当面听取提案人意见');

    const opinion = await oneAudit(k, () =>
      ok(k, k.clerkB, co.id, '/co-opinion', { body: '建议财政安排专项资金。' }),
    );
    assert.equal(opinion.state, 'opinion_sent');
    const leadView = (await k.clerkA.get(`/api/assignments/${lead.id}`)).json();
    assert.deepEqual(
      leadView.coOpinions.map((o: { body: string; handlerUnit: { name: string } }) => [
        o.handlerUnit.name,
        o.body,
      ]),
      [['测试市卫生健康委员会', '建议财政安排专项资金。']],
    );

    const drafted = await oneAudit(k, () => ok(k, k.clerkA, lead.id, '/reply', replyBody, 'PUT'));
    assert.equal(drafted.state, 'reply_drafted');
    assert.equal(drafted.replies[0].sentAt, null);
    // A draft is the unit's, the proposals office's and the supervision office's, not yet the proposer's.
    assert.deepEqual((await k.lead.get(`/api/proposals/${p.id}`)).json().replies, []);
    assert.deepEqual((await k.outsider.get(`/api/proposals/${p.id}`)).json().replies, []);
    assert.equal((await k.staff.get(`/api/proposals/${p.id}`)).json().replies.length, 1);
    assert.equal((await k.supervisor.get(`/api/proposals/${p.id}`)).json().replies.length, 1);

    expectError(
      await k.outsider.get(`/api/assignments/${lead.id}/reply.docx`),
      404,
      'NOT_FOUND',
      messages.NOT_FOUND,
    );
    assert.equal(
      (await k.clerkA.get(`/api/assignments/${lead.id}/reply.docx`)).statusCode,
      200,
      'the draft as Word',
    );

    const submitted = await oneAudit(k, () => ok(k, k.clerkA, lead.id, '/reply/submit'));
    assert.equal(submitted.state, 'cosigning');
    assert.equal((await noticesFor('reply_cosign', `/assignments/${co.id}`)).length, 1);
    const coView = (await k.clerkB.get(`/api/assignments/${co.id}`)).json();
    assert.equal(coView.abilities.cosign, true);
    assert.equal(coView.leadReply.body, replyBody.body);
    assert.deepEqual(coView.coOpinions, [], 'a co unit reads no other unit’s opinion');

    await oneAudit(k, () => ok(k, k.clerkB, co.id, '/cosign', { decision: 'agreed', comment: '' }));
    assert.equal((await taskOf(k, p.id, A)).state, 'leader_signoff');
    assert.equal((await noticesFor('reply_signoff', `/assignments/${lead.id}`)).length, 1);

    const signed = await oneAudit(k, () =>
      ok(k, k.leaderA, lead.id, '/reply/sign-off', { approve: true, comment: '同意' }),
    );
    assert.equal(signed.state, 'supervision_review');
    assert.ok(signed.replies[0].signedByName);

    pinClock('2026-03-20T10:00:00+08:00');
    const sent = await oneAudit(k, () =>
      ok(k, k.supervisor, lead.id, '/reply/review', {
        approve: true,
        resultClass: 'B',
        comment: '列入计划解决',
      }),
    );
    assert.equal(sent.state, 'sent');
    assert.equal(sent.replies[0].resultClass, 'B');
    assert.equal(sent.replies[0].resultClassLabel, '正在解决或列入计划解决');
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, lead.id), eq(auditEvents.action, 'assignment.reply_sent')));
    assert.equal((audit!.before as { resultClass: string }).resultClass, 'A');
    assert.equal((audit!.after as { resultClass: string }).resultClass, 'B');

    const calendar = await loadCalendar(db(), k.c.id);
    const evaluating = (await k.lead.get(`/api/proposals/${p.id}`)).json();
    assert.equal(evaluating.state, 'evaluating');
    // 15 working days from Friday 20 March, over 清明 (4–6 April).
    assert.equal(evaluating.feedbackDueOn, '2026-04-13');
    assert.equal(evaluating.feedbackDueOn, dueDate('2026-03-20', { amount: 15, unit: 'wd' }, calendar));
    assert.ok(evaluating.repliedAt);
    assert.equal(evaluating.abilities.rate, true);
    assert.equal(evaluating.replies[0].contactPhone, '0999-6012345');
    assert.equal((await noticesFor('reply_to_rate', `/proposals/${p.id}`)).length, 2, 'lead and co-signer');
    const readerView = (await k.outsider.get(`/api/proposals/${p.id}`)).json();
    assert.equal(readerView.replies.length, 1, 'a sent reply is part of the record');
    assert.equal(readerView.replies[0].contactPhone, null, 'contact details only for those involved');
    assert.equal(readerView.abilities.rate, false);
    assert.equal((await k.clerkA.get(`/api/proposals/${p.id}`)).json().abilities.rate, false);
    expectError(
      await feedback(p.id, { overall: 'satisfied' }, k.clerkA),
      403,
      'FORBIDDEN',
      messages.FORBIDDEN,
    );

    const unhappy = await oneAudit(k, () =>
      feedback(p.id, { overall: 'dissatisfied', agreesWithResult: false, comment: '未回应第二条建议' }),
    );
    assert.equal(unhappy.statusCode, 201, unhappy.body);
    assert.equal(unhappy.json().state, 'evaluating');
    assert.equal((await noticesFor('rating_dissatisfied', `/proposals/${p.id}`)).length, 1);
    expectError(
      await feedback(p.id, { overall: 'satisfied' }),
      409,
      'ALREADY_RATED',
      '该提案人已对本轮答复作出评价，每轮只能评价一次',
    );
    const staffView = (await k.staff.get(`/api/proposals/${p.id}`)).json();
    assert.equal(staffView.abilities.rehandle, true);
    assert.equal(staffView.abilities.close, false);
    expectError(
      await k.staff.post(`/api/proposals/${p.id}/close`, {
        reason: 'consulted',
        heldOn: '2026-03-24',
        form: 'meeting',
        participants: '提案人、承办单位',
        outcome: '已当面协商',
        expectedVersion: staffView.version,
      }),
      409,
      'CLOSE_NOT_ALLOWED',
      '只有重新办理后领衔提案人仍“不满意”时，才能在协商后办结',
    );

    pinClock('2026-03-25T09:00:00+08:00');
    const rehandled = await oneAudit(k, () =>
      k.staff.post(`/api/proposals/${p.id}/rehandle`, {
        comment: '请逐条回应建议',
        expectedVersion: staffView.version,
      }),
    );
    assert.equal(rehandled.statusCode, 200, rehandled.body);
    assert.equal(rehandled.json().state, 'rehandling');
    assert.equal(rehandled.json().round, 2);
    const again = await taskOf(k, p.id, A);
    assert.deepEqual([again.state, again.round, again.dueOn], ['rehandling', 2, '2026-06-25']);
    assert.equal(again.dueOn, dueDate('2026-03-25', { amount: 3, unit: 'mo' }, calendar));
    assert.equal((await taskOf(k, p.id, B)).state, 'opinion_sent', 'the co unit keeps its opinion');

    await oneAudit(k, () =>
      ok(
        k,
        k.clerkA,
        lead.id,
        '/reply',
        { ...replyBody, body: '第二次答复：逐条回应如下。', resultClass: 'B' },
        'PUT',
      ),
    );
    assert.equal((await ok(k, k.clerkA, lead.id, '/reply/submit')).state, 'cosigning');
    expectError(
      await step(k, k.clerkB, co.id, '/cosign', { decision: 'amended', comment: '' }),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    await ok(k, k.clerkB, co.id, '/cosign', { decision: 'amended', comment: '建议写明资金数额' });
    await ok(k, k.leaderA, lead.id, '/reply/sign-off', { approve: true, comment: '' });
    await ok(k, k.supervisor, lead.id, '/reply/review', { approve: true, comment: '' });
    const second = (await k.staff.get(`/api/proposals/${p.id}`)).json();
    assert.equal(second.state, 'evaluating');
    assert.equal(second.repliedAt, evaluating.repliedAt, 'repliedAt is the first reply');
    assert.deepEqual(
      second.replies.map((r: { round: number; cosigns: { decision: string }[] }) => [
        r.round,
        r.cosigns.map((c) => c.decision),
      ]),
      [
        [1, ['agreed']],
        [2, ['amended']],
      ],
    );

    // The proposer reads both replies, not the units' and the supervision office's working notes.
    const proposerView = (await k.lead.get(`/api/proposals/${p.id}`)).json();
    assert.deepEqual(
      proposerView.replies.map(
        (r: { round: number; cosigns: unknown[]; supervisionComment: string | null }) => [
          r.round,
          r.cosigns.length,
          r.supervisionComment,
        ],
      ),
      [
        [1, 0, null],
        [2, 0, null],
      ],
    );
    const happy = await oneAudit(k, () => feedback(p.id, { overall: 'satisfied', replyOnPoint: true }));
    assert.equal(happy.json().state, 'closed');
    assert.equal(happy.json().closeReason, 'rated');
    // A co-signer may still rate the closed proposal within the window; it does not decide anything.
    const late = await oneAudit(k, () => feedback(p.id, { overall: 'basically_satisfied' }, k.cosigner));
    assert.equal(late.statusCode, 201, late.body);
    assert.deepEqual(
      late
        .json()
        .feedback.map((f: { round: number; raterName: string; overall: string; decisive: boolean }) => [
          f.round,
          f.raterName,
          f.overall,
          f.decisive,
        ]),
      [
        [1, '李明华', 'dissatisfied', true],
        [2, '李明华', 'satisfied', true],
        [2, '王秀英', 'basically_satisfied', false],
      ],
    );
    assert.deepEqual((await k.outsider.get(`/api/proposals/${p.id}`)).json().feedback, []);
    const timeline = late.json().timeline.map((e: { action: string }) => e.action);
    for (const action of [
      'proposal.assigned',
      'assignment.received',
      'assignment.reply_sent',
      'proposal.rated',
    ]) {
      assert.ok(timeline.includes(action), action);
    }

    // 回头看: closed in 2026 with a final reply in class B.
    const follow = (await k.staff.get('/api/proposals/follow-up?year=2026')).json();
    const item = follow.items.find((i: { proposal: { id: string } }) => i.proposal.id === p.id);
    assert.deepEqual(
      item.replies.map((r: { handlerUnit: { name: string }; resultClass: string }) => [
        r.handlerUnit.name,
        r.resultClass,
      ]),
      [['测试市教育局', 'B']],
    );
    assert.ok(!(await k.staff.get('/api/proposals/follow-up?year=2025')).json().items.length);
    expectError(
      await k.clerkA.get('/api/proposals/follow-up?year=2026'),
      403,
      'FORBIDDEN',
      messages.FORBIDDEN,
    );

    // The reply as a Word letter, for the unit and — sent — for any reader of the proposal.
    const file = await k.outsider.get(`/api/assignments/${lead.id}/reply.docx`);
    assert.equal(file.statusCode, 200, file.body);
    assert.match(String(file.headers['content-type']), /wordprocessingml/);
    const lines = await docxParagraphs(file.rawPayload);
    assert.equal(lines[0], 'B');
    assert.equal(lines[1], '测试市教育局');
    assert.ok(
      lines.join('').includes(`关于政协第十四届四次会议第${String(p.number).padStart(4, '0')}号提案的答复`),
    );
    assert.ok(lines.includes('李明华委员：'));
    assert.ok(lines.includes('第二次答复：逐条回应如下。'));
  });
});
