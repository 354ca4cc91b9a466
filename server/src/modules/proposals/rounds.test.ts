import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { loadCalendar } from '../../platform/calendar/queries/load-calendar.ts';
import { dueDate, formatDuration } from '../../platform/calendar/working-days.ts';
import { readSheet } from '../../platform/excel/workbook.ts';
import { notifications } from '../../platform/notifications/schema.ts';
import {
  assign,
  expectError,
  fileProposal,
  type Kit,
  messages,
  ok,
  oneAudit,
  proposalVersion,
  replyBody,
  startKit,
  step,
  taskOf,
} from './assignments.test-kit.ts';
import { pinClock } from './clock.ts';
import { runDeadlineSweep } from './reminders/deadline-sweep.ts';
import { assignmentRounds, extensionRequests, proposalConsultations } from './schema.ts';

/**
 * 重新办理 as a round of its own: round 2 starts at the order (extension limits and reminders count from
 * it), round 1 keeps its dates for 按期办复率, and the consultation that closes a still dissatisfied
 * proposal is a record of the proposal.
 */
describe('handling rounds: round 2 deadlines, extensions, reminders; 协商办结 as a record', () => {
  let k: Kit;
  let pid: string;
  let aid: string;
  before(async () => {
    k = await startKit();
  });
  after(() => k.close());
  const db = () => k.t.database.db;
  const at = (day: string) => `${day}T09:00:00+08:00`;
  const sendReply = async (body: string) => {
    await ok(k, k.clerkA, aid, '/reply', { ...replyBody, body }, 'PUT');
    await ok(k, k.clerkA, aid, '/reply/submit');
    await ok(k, k.leaderA, aid, '/reply/sign-off', { approve: true, comment: '' });
    await ok(k, k.supervisor, aid, '/reply/review', { approve: true, comment: '' });
  };
  const reminders = async (kind: string) =>
    (
      await db()
        .select({ key: notifications.dedupeKey })
        .from(notifications)
        .where(and(eq(notifications.kind, kind), like(notifications.dedupeKey, `%${aid}%`)))
    )
      .map((n) => n.key)
      .filter((key, i, all) => all.indexOf(key) === i)
      .sort();

  it('round 1: a late first reply, an extension request left open, then 不满意 and 重新办理', async () => {
    pinClock(at('2026-03-02'));
    const p = await fileProposal(k);
    pid = p.id;
    const [a] = await assign(k, pid, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    aid = a!.id;
    assert.equal(a!.dueOn, '2026-06-02');
    assert.equal(a!.roundStartedAt.toISOString(), '2026-03-02T01:00:00.000Z', 'round 1 starts at assignment');
    await ok(k, k.clerkA, aid, '/receive');
    pinClock(at('2026-05-20'));
    await ok(k, k.clerkA, aid, '/extension-requests', { reason: '需要调研', requestedDueOn: '2026-07-01' });
    // Nobody decides it; the reply goes out late, after round 1's due day.
    pinClock(at('2026-06-10'));
    await sendReply('第一次答复。');
    const rated = await k.lead.post(`/api/proposals/${pid}/feedback`, {
      overall: 'dissatisfied',
      comment: '未回应第二条建议',
    });
    assert.equal(rated.statusCode, 201, rated.body);

    pinClock(at('2026-06-15'));
    const res = await k.staff.post(`/api/proposals/${pid}/rehandle`, {
      comment: '请逐条回应',
      expectedVersion: await proposalVersion(k, pid),
    });
    assert.equal(res.statusCode, 200, res.body);
    const task = await taskOf(k, pid, k.units.A);
    const calendar = await loadCalendar(db(), k.c.id);
    assert.deepEqual(
      [task.round, task.state, task.dueOn, task.extendedDueOn, task.roundStartedAt.toISOString()],
      [
        2,
        'rehandling',
        dueDate('2026-06-15', { amount: 3, unit: 'mo' }, calendar),
        null,
        '2026-06-15T01:00:00.000Z',
      ],
    );
    const [first] = await db().select().from(assignmentRounds).where(eq(assignmentRounds.assignmentId, aid));
    assert.deepEqual(
      [first!.round, first!.dueOn, first!.extendedDueOn, first!.startedAt.toISOString()],
      [1, '2026-06-02', null, '2026-03-02T01:00:00.000Z'],
    );
    assert.ok(first!.completedAt, 'round 1 ended with the sent reply');
  });

  it('round 2: the open round-1 request can no longer be approved; the new round may ask again', async () => {
    const [old] = await db().select().from(extensionRequests).where(eq(extensionRequests.assignmentId, aid));
    assert.equal(old!.round, 1);
    expectError(
      await k.supervisor.post(`/api/extension-requests/${old!.id}/decision`, { approve: true, comment: '' }),
      409,
      'WRONG_STATE',
      messages.WRONG_STATE,
    );
    const view = (await k.clerkA.get(`/api/assignments/${aid}`)).json();
    assert.equal(view.abilities.request_extension, true, 'an earlier round’s open request does not block');
    assert.equal(view.roundStartedAt, '2026-06-15T01:00:00.000Z');
  });

  it('reminds the unit of the round-2 deadline, and again of an extended one', async () => {
    const round2Due = (await taskOf(k, pid, k.units.A)).dueOn;
    await runDeadlineSweep(db(), { now: new Date(at('2026-09-10')) });
    assert.deepEqual(await reminders('proposal_due_soon'), [`due_soon:${aid}:2:${round2Due}`]);
    assert.deepEqual(await reminders('proposal_overdue'), [], 'round 1’s old due day is not overdue');
  });

  it('accepts a round-2 extension within the maximum counted from the round’s start, refuses one beyond', async () => {
    pinClock(at('2026-09-11'));
    const calendar = await loadCalendar(db(), k.c.id);
    const max = dueDate('2026-06-15', { amount: 6, unit: 'mo' }, calendar);
    assert.equal(max, '2026-12-15');
    const beyond = expectError(
      await step(k, k.clerkA, aid, '/extension-requests', { reason: '再延', requestedDueOn: '2026-12-16' }),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    assert.deepEqual(beyond.details, [
      {
        path: 'requestedDueOn',
        message: `延期后的期限不能晚于 ${max}（自重新办理之日起最长 ${formatDuration({ amount: 6, unit: 'mo' })}）`,
      },
    ]);
    // Counted from round 1's assignment (2 March) the maximum would be 2 September: before round 2's due day.
    const asked = await oneAudit(k, () =>
      step(k, k.clerkA, aid, '/extension-requests', { reason: '需协调资金', requestedDueOn: '2026-11-30' }),
    );
    assert.equal(asked.statusCode, 201, asked.body);
    const request = asked.json().extensionRequests.find((e: { round: number }) => e.round === 2);
    const approved = await k.supervisor.post(`/api/extension-requests/${request.id}/decision`, {
      approve: true,
      comment: '同意',
    });
    assert.equal(approved.statusCode, 200, approved.body);
    assert.equal(approved.json().extendedDueOn, '2026-11-30');

    await runDeadlineSweep(db(), { now: new Date(at('2026-11-25')) });
    const round2Due = (await taskOf(k, pid, k.units.A)).dueOn;
    assert.deepEqual(await reminders('proposal_due_soon'), [
      `due_soon:${aid}:2:${round2Due}`,
      `due_soon:${aid}:2:2026-11-30`,
    ]);
    await runDeadlineSweep(db(), { now: new Date(at('2026-12-01')) });
    await runDeadlineSweep(db(), { now: new Date(at('2026-12-02')) });
    assert.deepEqual(await reminders('proposal_overdue'), [`overdue:${aid}:2:2026-11-30`], 'once');
  });

  it('judges 按期办复 by round 1’s own deadline: a late first reply stays late after re-handling', async () => {
    pinClock(at('2026-12-03'));
    await sendReply('第二次答复：逐条回应如下。');
    const stats = (await k.staff.get(`/api/proposal-stats?sessionId=${k.sessionId}`)).json();
    assert.equal(stats.replyRate.numerator, 1);
    assert.equal(stats.onTimeReplyRate.numerator, 0, 'sent 10 June, due 2 June');
    assert.match(stats.onTimeReplyRate.definition, /第一轮办理期限/);
  });

  it('closes a still dissatisfied proposal on a recorded consultation, shown on the timeline and in exports', async () => {
    const again = await k.lead.post(`/api/proposals/${pid}/feedback`, {
      overall: 'dissatisfied',
      comment: '仍不满意',
    });
    assert.equal(again.statusCode, 201, again.body);
    const body = {
      reason: 'consulted',
      heldOn: '2026-12-08',
      form: 'meeting',
      participants: '提案人李明华，测试市教育局副局长，提案委员会办公室',
      outcome: '当面说明资金安排，提案人表示理解，同意办结。',
    };
    const close = async (over: Record<string, unknown>) =>
      k.staff.post(`/api/proposals/${pid}/close`, {
        ...body,
        ...over,
        expectedVersion: await proposalVersion(k, pid),
      });
    const missing = expectError(
      await close({ participants: '  ', form: 'dinner' }),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    assert.deepEqual((missing.details as { path: string }[]).map((d) => d.path).sort(), [
      'form',
      'participants',
    ]);
    const future = expectError(await close({}), 400, 'VALIDATION_FAILED', messages.VALIDATION_FAILED);
    assert.deepEqual(future.details, [
      { path: 'heldOn', message: '协商日期不能晚于今天（2026-12-03），请在协商之后再办结' },
    ]);

    pinClock(at('2026-12-09'));
    const closed = await oneAudit(k, () => close({}));
    assert.equal(closed.statusCode, 200, closed.body);
    const view = closed.json();
    assert.deepEqual([view.state, view.closeReason], ['closed', 'consulted']);
    const { recordedAt, ...record } = view.consultation;
    assert.ok(recordedAt);
    assert.deepEqual(record, {
      round: 2,
      heldOn: '2026-12-08',
      form: 'meeting',
      participants: body.participants,
      outcome: body.outcome,
      recordedByName: record.recordedByName,
    });
    const [stored] = await db()
      .select()
      .from(proposalConsultations)
      .where(eq(proposalConsultations.proposalId, pid));
    assert.equal(stored!.recordedByUserId, k.staffUserId, 'who recorded it');
    assert.ok(record.recordedByName.length > 0);
    const line = view.timeline.find((e: { action: string }) => e.action === 'proposal.closed');
    assert.equal(line.detail, `2026-12-08 当面座谈（参加：${body.participants}）：${body.outcome}`);
    const mine = (await k.lead.get(`/api/proposals/${pid}`)).json();
    assert.equal(mine.consultation.outcome, body.outcome, 'the proposer reads it');
    const outsider = (await k.outsider.get(`/api/proposals/${pid}`)).json();
    assert.equal(outsider.consultation, null, 'not for readers who were not involved');
    assert.equal(
      outsider.timeline.find((e: { action: string }) => e.action === 'proposal.closed').detail,
      undefined,
    );
    expectError(await close({ heldOn: '2026-12-09' }), 409, 'WRONG_STATE', messages.WRONG_STATE);

    const file = await k.staff.get(`/api/proposals/export.xlsx?state=closed`);
    assert.equal(file.statusCode, 200, file.body);
    const sheet = await readSheet(file.rawPayload);
    const row = sheet.rows.find((r) => r.cells['案由'] === view.title);
    assert.equal(row?.cells['办结方式'], '协商办结');
    assert.equal(
      row?.cells['协商沟通情况'],
      `2026-12-08 当面座谈；参加人员：${body.participants}；协商结果：${body.outcome}`,
    );
  });
});
