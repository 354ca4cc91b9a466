import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import { loadCalendar } from '../../platform/calendar/queries/load-calendar.ts';
import { dueDate } from '../../platform/calendar/working-days.ts';
import { notifications } from '../../platform/notifications/schema.ts';
import { expectError, type Kit, messages, startKit } from './assignments.test-kit.ts';
import { pinClock } from './clock.ts';
import { runDeadlineSweep } from './reminders/deadline-sweep.ts';
import { proposalSigners, proposals } from './schema.ts';

/**
 * 平时提案 (submitted after the session's proposal deadline) have no session deadline for their
 * invitations: each invitation gets its own, a configurable number of working days, and the deadline sweep
 * drops whoever has not answered when it passes — counted on the holiday calendar (国庆 2026).
 */
describe('recess co-signing deadline', () => {
  let k: Kit;
  let pid: string;
  before(async () => {
    k = await startKit();
  });
  after(() => k.close());
  const db = () => k.t.database.db;
  const signer = async (memberId: string) =>
    (
      await db()
        .select()
        .from(proposalSigners)
        .where(and(eq(proposalSigners.proposalId, pid), eq(proposalSigners.memberId, memberId)))
    )[0]!;
  const putRules = (payload: Record<string, unknown>) =>
    k.staff.send({ method: 'PUT', url: '/api/proposal-rules', payload });
  const sweepAt = (instant: string) => runDeadlineSweep(db(), { now: new Date(instant) });
  const leadNotices = async () =>
    (
      await db()
        .select({ key: notifications.dedupeKey, body: notifications.body })
        .from(notifications)
        .where(eq(notifications.kind, 'cosign_deadline_passed'))
    ).sort((a, b) => String(a.key).localeCompare(String(b.key)));

  it('is a rule the proposals office sets, in working days', async () => {
    const rules = (await k.staff.get('/api/proposal-rules')).json();
    assert.equal(rules.recessCosignWorkingDays, 5, 'the default');
    const bad = expectError(
      await putRules({ ...rules, recessCosignWorkingDays: 0 }),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    assert.deepEqual(bad.details, [
      { path: 'recessCosignWorkingDays', message: '联名确认期限至少 1 个工作日' },
    ]);
    const saved = await putRules({ ...rules, recessCosignWorkingDays: 3 });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().recessCosignWorkingDays, 3);
  });

  it('gives each open invitation its own deadline when a recess proposal is submitted', async () => {
    pinClock('2026-09-29T09:00:00+08:00');
    const draft = await k.lead.post('/api/proposals', {
      proposerKind: 'member_joint',
      title: '关于完善老旧小区加装电梯补贴政策的建议',
      situation: '老旧小区加装电梯需求大。',
      analysis: '补贴标准不统一。',
      suggestions: '一、统一补贴标准；二、简化审批。',
      category: 'society',
      cosignerIds: [k.c.memberIds[1], k.c.memberIds[2]],
    });
    assert.equal(draft.statusCode, 201, draft.body);
    pid = draft.json().id;
    await k.cosigner.post(`/api/proposals/${pid}/cosign`, { accept: true });
    const v = (await k.lead.get(`/api/proposals/${pid}`)).json().version;
    const sent = await k.lead.post(`/api/proposals/${pid}/submit`, { expectedVersion: v });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.deepEqual([sent.json().state, sent.json().timing], ['cosigning', 'recess']);
    // 3 working days from Tuesday 29 September: 30 September, then 8 and 9 October (国庆 1–7 October).
    const calendar = await loadCalendar(db(), k.c.id);
    assert.equal(dueDate('2026-09-29', { amount: 3, unit: 'wd' }, calendar), '2026-10-09');
    assert.equal((await signer(k.c.memberIds[2]!)).cosignDueOn, '2026-10-09');
    assert.equal((await signer(k.c.memberIds[1]!)).cosignDueOn, null, 'a confirmed name needs none');
    const shown = sent.json().signers.find((s: { memberId: string }) => s.memberId === k.c.memberIds[2]);
    assert.deepEqual([shown.status, shown.cosignDueOn], ['invited', '2026-10-09']);
    const invited = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'cosign_invitation'), eq(notifications.link, `/proposals/${pid}`)));
    assert.ok(invited.some((n) => n.body?.includes('2026-10-09 前确认')));

    // A name invited later gets its period from its own invitation: 10 (调休 Saturday), 12, 13 October.
    pinClock('2026-10-09T10:00:00+08:00');
    const more = await k.lead.post(`/api/proposals/${pid}/cosigners`, { memberIds: [k.c.memberIds[3]] });
    assert.ok(more.statusCode < 300, more.body);
    assert.equal((await signer(k.c.memberIds[3]!)).cosignDueOn, '2026-10-13');
  });

  it('drops each name once its last day is over, tells the lead proposer, and submits when none is left', async () => {
    await sweepAt('2026-10-09T23:30:00+08:00');
    assert.equal((await signer(k.c.memberIds[2]!)).droppedAt, null, 'the last day counts');
    // Past the last day, before the sweep came by: too late to accept all the same.
    pinClock('2026-10-10T00:05:00+08:00');
    const late = expectError(
      await k.outsider.post(`/api/proposals/${pid}/cosign`, { accept: true }),
      409,
      'DEADLINE_PASSED',
      messages.DEADLINE_PASSED,
    );
    assert.deepEqual(late.details, { deadline: '2026-10-09' });

    const first = await sweepAt('2026-10-10T00:30:00+08:00');
    assert.equal(first.cosignDeadlines, 1);
    assert.ok((await signer(k.c.memberIds[2]!)).droppedAt);
    assert.equal((await signer(k.c.memberIds[3]!)).droppedAt, null);
    const [p1] = await db().select().from(proposals).where(eq(proposals.id, pid));
    assert.equal(p1!.state, 'cosigning', 'still waiting for the later invitation');
    const again = await sweepAt('2026-10-10T09:00:00+08:00');
    assert.equal(again.cosignDeadlines, 0, 'runs once');

    const last = await sweepAt('2026-10-14T00:30:00+08:00');
    assert.equal(last.cosignDeadlines, 1);
    const [p2] = await db().select().from(proposals).where(eq(proposals.id, pid));
    assert.equal(p2!.state, 'submitted');
    assert.ok(p2!.intakeNo);
    assert.deepEqual(await leadNotices(), [
      {
        key: `cosign_deadline:${pid}:2026-10-10`,
        body: '联名确认期限已过，1 位未确认的联名人已自动移除。提案仍在等待其余联名人确认。',
      },
      {
        key: `cosign_deadline:${pid}:2026-10-14`,
        body: '联名确认期限已过，1 位未确认的联名人已自动移除。提案已按已确认的联名人提交。',
      },
    ]);
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, pid), eq(auditEvents.action, 'proposal.cosigners_dropped')));
    assert.deepEqual(
      audits.map((e) => [(e.after as { deadline: string }).deadline, e.actorUserId, e.requestId]),
      [
        ['2026-10-09', null, 'system'],
        ['2026-10-13', null, 'system'],
      ],
    );
    assert.equal((await sweepAt('2026-10-15T09:00:00+08:00')).cosignDeadlines, 0);
  });
});
