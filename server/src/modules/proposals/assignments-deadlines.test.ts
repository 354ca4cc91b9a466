import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { loadCalendar } from '../../platform/calendar/queries/load-calendar.ts';
import { dueDate } from '../../platform/calendar/working-days.ts';
import { notifications } from '../../platform/notifications/schema.ts';
import {
  assign,
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
import { proposerFeedback } from './schema.ts';

describe('assignment deadlines: 异议期, 办理期限, 延期, 评价期', () => {
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

  it('counts every deadline on the holiday calendar: assigned just before 国庆 2026', async () => {
    const calendar = await loadCalendar(db(), k.c.id);
    pinClock('2026-09-29T09:00:00+08:00');
    const p = await fileProposal(k, { timing: 'recess' });
    const [lead, co] = await assign(k, p.id, [
      { handlerUnitId: k.units.A, mode: 'lead' },
      { handlerUnitId: k.units.B, mode: 'co' },
    ]);
    // 7 working days: 30 Sep, then 8, 9, 10 (调休 Saturday), 12, 13, 14 October.
    assert.equal(lead!.objectionDueOn, '2026-10-14');
    assert.equal(lead!.objectionDueOn, dueDate('2026-09-29', { amount: 7, unit: 'wd' }, calendar));
    assert.equal(lead!.dueOn, '2026-12-29');
    assert.equal(co!.dueOn, '2026-10-29');
    assert.equal(co!.objectionDueOn, '2026-10-14');

    pinClock('2026-09-01T09:00:00+08:00');
    const q = await fileProposal(k);
    const [, co2] = await assign(k, q.id, [
      { handlerUnitId: k.units.A, mode: 'lead' },
      { handlerUnitId: k.units.B, mode: 'co' },
    ]);
    // One month ends on 1 October, inside the holiday: the period ends on the first working day after it.
    assert.equal(co2!.dueOn, '2026-10-08');
    assert.equal(co2!.dueOn, dueDate('2026-09-01', { amount: 1, unit: 'mo' }, calendar));
  });

  it('takes an objection only within the window; 改办 gives the proposal to another unit', async () => {
    pinClock('2026-09-29T09:00:00+08:00');
    const p = await fileProposal(k);
    const [a] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    pinClock('2026-10-15T09:00:00+08:00');
    const late = expectError(
      await step(k, k.clerkA, a!.id, '/object', { reason: '不属于本单位职责' }),
      409,
      'DEADLINE_PASSED',
      messages.DEADLINE_PASSED,
    );
    assert.deepEqual(late.details, { deadline: '2026-10-14' });
    assert.equal((await k.clerkA.get(`/api/assignments/${a!.id}`)).json().abilities.object, false);

    pinClock('2026-10-14T17:30:00+08:00');
    const objected = await oneAudit(k, () =>
      ok(k, k.clerkA, a!.id, '/object', { reason: '属于住房和城乡建设部门职责', proposedUnitId: k.units.D }),
    );
    assert.equal(objected.state, 'objected');
    assert.equal(objected.objections[0].proposedUnit.name, '测试市住房和城乡建设局');
    assert.equal((await noticesFor('assignment_objection', `/assignments/${a!.id}`)).length, 1);
    // A unit cannot pass the proposal on by itself: there is no such endpoint.
    expectError(
      await k.clerkA.post(`/api/assignments/${a!.id}/transfer`, { handlerUnitId: k.units.D }),
      404,
      'ROUTE_NOT_FOUND',
      '请求的接口不存在',
    );
    const noUnit = expectError(
      await step(k, k.staff, a!.id, '/objection-decision', { decision: 'reassign', comment: '' }),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    assert.deepEqual(noUnit.details, [{ path: 'newHandlerUnitId', message: '改办须选择新的承办单位' }]);

    const decided = await oneAudit(k, () =>
      ok(k, k.supervisor, a!.id, '/objection-decision', {
        decision: 'reassign',
        newHandlerUnitId: k.units.D,
        comment: '改由住建局承办',
      }),
    );
    assert.equal(decided.state, 'reassigned');
    const d = await taskOf(k, p.id, k.units.D);
    assert.equal(decided.reassignedToId, d.id);
    assert.deepEqual([d.mode, d.state, d.objectionDueOn], ['sole', 'pending_receipt', '2026-10-23']);
    assert.equal((await noticesFor('assignment_new', `/assignments/${d.id}`)).length, 1);
    assert.equal((await noticesFor('objection_decided', '/assignments')).length, 3, 'clerks and leader of A');
    // The old unit no longer sees the task or the proposal; the new one does.
    expectError(await k.clerkA.get(`/api/assignments/${a!.id}`), 404, 'NOT_FOUND', messages.NOT_FOUND);
    expectError(await k.clerkA.get(`/api/proposals/${p.id}`), 404, 'NOT_FOUND', messages.NOT_FOUND);
    assert.equal((await k.clerkD.get(`/api/proposals/${p.id}`)).statusCode, 200);
    assert.equal((await ok(k, k.clerkD, d.id, '/receive')).state, 'handling');
  });

  it('upholding an objection keeps the unit on the proposal, as received', async () => {
    pinClock('2026-04-01T09:00:00+08:00');
    const p = await fileProposal(k);
    const [a] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    await ok(k, k.clerkA, a!.id, '/object', { reason: '不属于本单位职责' });
    const upheld = await oneAudit(k, () =>
      ok(k, k.staff, a!.id, '/objection-decision', { decision: 'uphold', comment: '属于本单位职责' }),
    );
    assert.equal(upheld.state, 'handling');
    assert.ok(upheld.receivedAt);
    assert.equal(upheld.objections[0].decision, 'upheld');
    assert.equal(upheld.abilities.object, false, 'an objection is raised once');
    expectError(
      await step(k, k.clerkA, a!.id, '/object', { reason: '再次提出异议' }),
      409,
      'WRONG_STATE',
      messages.WRONG_STATE,
    );
    assert.equal((await k.staff.get(`/api/proposals/${p.id}`)).json().state, 'handling');
  });

  it('extends only before the due date and never beyond the maximum period', async () => {
    pinClock('2026-09-29T09:00:00+08:00');
    const p = await fileProposal(k);
    const [a] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    await ok(k, k.clerkA, a!.id, '/receive');
    const tooFar = expectError(
      await step(k, k.clerkA, a!.id, '/extension-requests', {
        reason: '需要实地调研',
        requestedDueOn: '2027-03-30',
      }),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    assert.deepEqual(tooFar.details, [
      { path: 'requestedDueOn', message: '延期后的期限不能晚于 2027-03-29（自交办之日起最长 6 个月）' },
    ]);
    const tooSoon = expectError(
      await step(k, k.clerkA, a!.id, '/extension-requests', {
        reason: '需要实地调研',
        requestedDueOn: '2026-12-01',
      }),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    assert.deepEqual(tooSoon.details, [
      { path: 'requestedDueOn', message: '延期后的期限须晚于当前期限 2026-12-29' },
    ]);

    const requested = await oneAudit(k, () =>
      step(k, k.clerkA, a!.id, '/extension-requests', {
        reason: '需要实地调研',
        requestedDueOn: '2027-03-29',
      }),
    );
    assert.equal(requested.statusCode, 201, requested.body);
    const request = requested.json().extensionRequests[0];
    assert.equal(request.decision, null);
    assert.equal(requested.json().abilities.request_extension, false, 'one open request at a time');
    expectError(
      await step(k, k.clerkA, a!.id, '/extension-requests', {
        reason: '再次申请',
        requestedDueOn: '2027-02-01',
      }),
      409,
      'WRONG_STATE',
      messages.WRONG_STATE,
    );
    const decide = (by: typeof k.staff) =>
      by.post(`/api/extension-requests/${request.id}/decision`, { approve: true, comment: '同意延期' });
    expectError(await decide(k.clerkA), 403, 'FORBIDDEN', messages.FORBIDDEN);
    expectError(await decide(k.clerkB), 404, 'NOT_FOUND', messages.NOT_FOUND);
    const approved = await oneAudit(k, () => decide(k.supervisor));
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().extendedDueOn, '2027-03-29');
    expectError(await decide(k.staff), 409, 'WRONG_STATE', messages.WRONG_STATE);

    pinClock('2027-03-30T09:00:00+08:00');
    const late = expectError(
      await step(k, k.clerkA, a!.id, '/extension-requests', {
        reason: '来不及',
        requestedDueOn: '2027-03-31',
      }),
      409,
      'DEADLINE_PASSED',
      messages.DEADLINE_PASSED,
    );
    assert.deepEqual(late.details, { deadline: '2027-03-29' });
    const overdue = (await k.clerkA.get('/api/assignments?box=overdue')).json();
    const mine = overdue.items.find((i: { id: string }) => i.id === a!.id);
    assert.equal(mine.overdueWorkingDays, 1);
  });

  it('takes ratings only within the window; staff record a signer’s paper form', async () => {
    pinClock('2026-05-06T09:00:00+08:00');
    const p = await fileProposal(k);
    const [a] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    await ok(k, k.clerkA, a!.id, '/receive');
    await ok(k, k.clerkA, a!.id, '/reply', replyBody, 'PUT');
    assert.equal((await ok(k, k.clerkA, a!.id, '/reply/submit')).state, 'leader_signoff', 'no co unit');
    await ok(k, k.leaderA, a!.id, '/reply/sign-off', { approve: true, comment: '' });
    await ok(k, k.supervisor, a!.id, '/reply/review', { approve: true, comment: '' });
    const p1 = (await k.staff.get(`/api/proposals/${p.id}`)).json();
    assert.equal(p1.state, 'evaluating');
    assert.equal(p1.abilities.rate, true, 'staff may record a paper form');

    const missing = expectError(
      await feedback(p.id, { overall: 'satisfied' }, k.staff),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    assert.deepEqual(missing.details, [
      { path: 'onBehalfOfMemberId', message: '代录纸质评价，请选择是哪位提案人的评价' },
    ]);
    const stranger = expectError(
      await feedback(p.id, { overall: 'satisfied', onBehalfOfMemberId: k.c.memberIds[2] }, k.staff),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    assert.deepEqual(stranger.details, [
      { path: 'onBehalfOfMemberId', message: '只能为领衔提案人或已确认的联名人代录评价' },
    ]);
    const paper = await oneAudit(k, () =>
      feedback(
        p.id,
        { overall: 'satisfied', onBehalfOfMemberId: k.c.memberIds[1], comment: '纸质征询意见表' },
        k.staff,
      ),
    );
    assert.equal(paper.statusCode, 201, paper.body);
    assert.equal(paper.json().state, 'evaluating', 'a co-signer’s rating does not decide');
    const [row] = await db().select().from(proposerFeedback).where(eq(proposerFeedback.proposalId, p.id));
    assert.deepEqual([row!.memberId, row!.recordedByStaff], [k.c.memberIds[1], true]);
    expectError(
      await feedback(p.id, { overall: 'dissatisfied' }, k.cosigner),
      409,
      'ALREADY_RATED',
      '该提案人已对本轮答复作出评价，每轮只能评价一次',
    );

    const due = p1.feedbackDueOn as string;
    pinClock(`${due}T23:00:00+08:00`);
    assert.equal(
      (await k.lead.get(`/api/proposals/${p.id}`)).json().abilities.rate,
      true,
      'the last day counts',
    );
    pinClock(new Date(new Date(`${due}T23:00:00+08:00`).getTime() + 3_600_000));
    assert.equal((await k.lead.get(`/api/proposals/${p.id}`)).json().abilities.rate, false);
    const late = expectError(
      await feedback(p.id, { overall: 'satisfied' }),
      409,
      'DEADLINE_PASSED',
      messages.DEADLINE_PASSED,
    );
    assert.deepEqual(late.details, { deadline: due });
    expectError(
      await k.staff.post(`/api/proposals/${p.id}/rehandle`, { comment: '重办', expectedVersion: p1.version }),
      409,
      'REHANDLE_NOT_ALLOWED',
      '只有领衔提案人对第一轮答复评价为“不满意”后，才能安排重新办理',
    );
  });
});
