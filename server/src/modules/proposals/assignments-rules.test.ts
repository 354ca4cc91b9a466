import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import { notifications } from '../../platform/notifications/schema.ts';
import { createTestCommittee, createTestUser } from '../../test/factories.ts';
import { signInAs } from '../../test/http.ts';
import { docxParagraphs } from '../../platform/documents/testing.ts';
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
  taskOf,
  taskVersion,
} from './assignments.test-kit.ts';
import { pinClock } from './clock.ts';
import { planMessage } from './commands/plan-assignments.ts';
import { proposals } from './schema.ts';

describe('assignment rules: units, versions, concurrency, lists', () => {
  let k: Kit;
  before(async () => {
    k = await startKit();
  });
  after(() => k.close());

  const db = () => k.t.database.db;

  it('two clerks signing for one task at once: one 200, one 409', async () => {
    pinClock('2026-06-01T09:00:00+08:00');
    const p = await fileProposal(k);
    const [a] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    const v = await taskVersion(k, a!.id);
    const [x, y] = await Promise.all([
      k.clerkA.post(`/api/assignments/${a!.id}/receive`, { expectedVersion: v }),
      k.clerkA2.post(`/api/assignments/${a!.id}/receive`, { expectedVersion: v }),
    ]);
    assert.deepEqual([x.statusCode, y.statusCode].sort(), [200, 409]);
    expectError(x.statusCode === 409 ? x : y, 409, 'WRONG_STATE', messages.WRONG_STATE);
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, a!.id), eq(auditEvents.action, 'assignment.received')));
    assert.equal(rows.length, 1);
  });

  it('refuses a stale version (409 VERSION_CONFLICT) and writes nothing', async () => {
    const p = await fileProposal(k);
    const [a] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    await ok(k, k.clerkA, a!.id, '/receive');
    const stale = await k.clerkA.send({
      method: 'PUT',
      url: `/api/assignments/${a!.id}/reply`,
      payload: { ...replyBody, expectedVersion: a!.version },
    });
    const e = expectError(stale, 409, 'VERSION_CONFLICT', messages.VERSION_CONFLICT);
    assert.deepEqual(e.details, { currentVersion: a!.version + 1, expectedVersion: a!.version });
    assert.equal((await taskOf(k, p.id, k.units.A)).state, 'handling');
  });

  it('refuses a bad set of units, naming the field', async () => {
    const p = await fileProposal(k);
    const other = await createTestCommittee(db());
    const post = async (units: unknown[], by = k.staff) =>
      by.post(`/api/proposals/${p.id}/assignments`, {
        units,
        expectedVersion: await proposalVersion(k, p.id),
      });
    const bad = async (units: unknown[], details: unknown) => {
      const e = expectError(await post(units), 400, 'VALIDATION_FAILED', messages.VALIDATION_FAILED);
      assert.deepEqual(e.details, details);
    };
    const { A, B, C } = k.units;
    await bad(
      [{ handlerUnitId: other.handlerUnitIds[0], mode: 'sole' }],
      [{ path: 'units.0.handlerUnitId', message: '承办单位不存在或已停用，请重新选择' }],
    );
    await bad([{ handlerUnitId: A, mode: 'lead' }], [{ path: 'units', message: planMessage }]);
    await bad(
      [
        { handlerUnitId: A, mode: 'split' },
        { handlerUnitId: B, mode: 'co' },
      ],
      [{ path: 'units', message: planMessage }],
    );
    await bad(
      [
        { handlerUnitId: A, mode: 'sole' },
        { handlerUnitId: B, mode: 'sole' },
      ],
      [{ path: 'units', message: planMessage }],
    );
    await bad(
      [
        { handlerUnitId: A, mode: 'split' },
        { handlerUnitId: A, mode: 'split' },
      ],
      [{ path: 'units', message: '同一承办单位不能重复交办' }],
    );
    await bad(
      [{ handlerUnitId: A, mode: 'boss' }],
      [{ path: 'units.0.mode', message: '承办方式应为独办、主办、会办或分办' }],
    );
    expectError(
      await post([{ handlerUnitId: A, mode: 'sole' }], k.lead),
      403,
      'FORBIDDEN',
      messages.FORBIDDEN,
    );
    expectError(
      await post([{ handlerUnitId: A, mode: 'sole' }], k.clerkA),
      404,
      'NOT_FOUND',
      messages.NOT_FOUND,
    );
    expectError(
      await k.staff.post(`/api/proposals/${p.id}/assignments`, {
        units: [{ handlerUnitId: A, mode: 'sole' }],
        expectedVersion: p.version + 5,
      }),
      409,
      'VERSION_CONFLICT',
      messages.VERSION_CONFLICT,
    );
    // A lead with a co unit; another co unit may be added later, a sole unit may not.
    await assign(k, p.id, [
      { handlerUnitId: A, mode: 'lead' },
      { handlerUnitId: B, mode: 'co' },
    ]);
    await bad([{ handlerUnitId: C, mode: 'sole' }], [{ path: 'units', message: planMessage }]);
    const added = await post([{ handlerUnitId: C, mode: 'co' }], k.supervisor);
    assert.equal(added.statusCode, 200, added.body);
    assert.equal(added.json().assignments.length, 3);
    await db().update(proposals).set({ state: 'closed' }).where(eq(proposals.id, p.id));
    expectError(
      await post([{ handlerUnitId: k.units.D, mode: 'co' }]),
      409,
      'WRONG_STATE',
      messages.WRONG_STATE,
    );
  });

  it('lists 待办, 临期 and 超期 inside each unit’s scope', async () => {
    pinClock('2026-06-01T09:00:00+08:00');
    const p = await fileProposal(k);
    const q = await fileProposal(k);
    const [a] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    const [qa, qb] = await assign(k, q.id, [
      { handlerUnitId: k.units.A, mode: 'split' },
      { handlerUnitId: k.units.B, mode: 'split' },
    ]);
    const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);
    const todoA = await k.clerkA.get('/api/assignments?box=todo&pageSize=200');
    assert.ok(ids(todoA).includes(a!.id) && ids(todoA).includes(qa!.id));
    assert.ok(!ids(todoA).includes(qb!.id));
    const item = todoA.json().items.find((i: { id: string }) => i.id === a!.id);
    assert.deepEqual(
      {
        numberLabel: item.proposal.numberLabel,
        unit: item.handlerUnit.name,
        mode: item.mode,
        state: item.state,
        dueOn: item.dueOn,
        receive: item.abilities.receive,
        overdue: item.overdueWorkingDays,
      },
      {
        numberLabel: `十四届四次会议第${String(p.number).padStart(4, '0')}号`,
        unit: '测试市教育局',
        mode: 'sole',
        state: 'pending_receipt',
        dueOn: '2026-09-01',
        receive: true,
        overdue: 0,
      },
    );
    assert.deepEqual(ids(await k.clerkB.get(`/api/assignments?proposalId=${q.id}`)), [qb!.id]);
    assert.deepEqual(
      ids(await k.leaderA.get('/api/assignments?box=todo&pageSize=200')).includes(a!.id),
      false,
    );
    assert.equal(ids(await k.staff.get(`/api/assignments?proposalId=${q.id}`)).length, 2);
    assert.deepEqual(
      ids(await k.supervisor.get(`/api/assignments?proposalId=${q.id}&handlerUnitId=${k.units.B}`)),
      [qb!.id],
    );
    assert.deepEqual(ids(await k.outsider.get('/api/assignments')), []);
    expectError(await k.clerkB.get(`/api/assignments/${a!.id}`), 404, 'NOT_FOUND', messages.NOT_FOUND);

    pinClock('2026-08-27T09:00:00+08:00');
    assert.ok(ids(await k.clerkA.get('/api/assignments?box=due_soon&pageSize=200')).includes(a!.id));
    assert.ok(!ids(await k.clerkA.get('/api/assignments?box=overdue&pageSize=200')).includes(a!.id));
    pinClock('2026-09-04T09:00:00+08:00');
    const overdue = (await k.clerkA.get('/api/assignments?box=overdue&pageSize=200')).json();
    assert.equal(overdue.items.find((i: { id: string }) => i.id === a!.id).overdueWorkingDays, 3);
    assert.ok(!ids(await k.clerkA.get('/api/assignments?box=due_soon&pageSize=200')).includes(a!.id));
    const sent = await db()
      .select()
      .from(notifications)
      .where(inArray(notifications.kind, ['assignment_new']));
    assert.ok(sent.length > 0);
  });

  it('a collective proposal: its liaison is told of the reply and their rating decides', async () => {
    pinClock('2026-05-11T09:00:00+08:00');
    const liaisonUser = await createTestUser(db(), k.c, [{ role: 'unit_liaison', scopeId: k.c.unitIds[0]! }]);
    const liaison = await signInAs(k.t.app, liaisonUser);
    const p = await fileProposal(k, {
      proposerKind: 'party',
      leadMemberId: null,
      leadUnitId: k.c.unitIds[0]!,
      signatoryName: '张明',
      sealAttached: true,
    });
    const [a] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    await ok(k, k.clerkA, a!.id, '/receive');
    await ok(k, k.clerkA, a!.id, '/reply', replyBody, 'PUT');
    await ok(k, k.clerkA, a!.id, '/reply/submit');
    await ok(k, k.leaderA, a!.id, '/reply/sign-off', { approve: true, comment: '' });
    await ok(k, k.supervisor, a!.id, '/reply/review', { approve: true, comment: '' });
    const invited = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, liaisonUser.id), eq(notifications.kind, 'reply_to_rate')));
    assert.equal(invited.length, 1);
    const file = await liaison.get(`/api/assignments/${a!.id}/reply.docx`);
    assert.ok((await docxParagraphs(file.rawPayload)).includes('民盟测试市委员会：'));
    assert.equal((await liaison.get(`/api/proposals/${p.id}`)).json().abilities.rate, true);
    expectError(
      await k.lead.post(`/api/proposals/${p.id}/feedback`, { overall: 'satisfied' }),
      403,
      'FORBIDDEN',
      messages.FORBIDDEN,
    );
    const rated = await oneAudit(k, () =>
      liaison.post(`/api/proposals/${p.id}/feedback`, { overall: 'satisfied' }),
    );
    assert.equal(rated.statusCode, 201, rated.body);
    assert.deepEqual([rated.json().state, rated.json().closeReason], ['closed', 'rated']);
    assert.deepEqual(
      rated.json().feedback.map((f: { raterName: string; decisive: boolean }) => [f.raterName, f.decisive]),
      [['提案单位', true]],
    );
  });
});
