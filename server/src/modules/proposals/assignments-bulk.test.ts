import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import { notifications } from '../../platform/notifications/schema.ts';
import { expectError, fileProposals, type Kit, messages, startKit } from './assignments.test-kit.ts';
import { pinClock } from './clock.ts';
import { planMessage } from './commands/plan-assignments.ts';
import { assignments, proposals } from './schema.ts';

describe('交办会: bulk assignment', () => {
  let k: Kit;
  before(async () => {
    k = await startKit();
    pinClock('2026-03-02T09:00:00+08:00');
  });
  after(() => k.close());

  const db = () => k.t.database.db;
  const rowsOf = async (ids: string[]) =>
    (await db().select({ n: count() }).from(assignments).where(inArray(assignments.proposalId, ids)))[0]!.n;
  const auditsOf = async (ids: string[]) =>
    (
      await db()
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'proposal.assigned'), inArray(auditEvents.targetId, ids)))
    )[0]!.n;

  it('assigns 500 proposals in one request: a lead and a co unit each, one audit row per proposal', async () => {
    const ps = await fileProposals(k, 500);
    const ids = ps.map((p) => p.id);
    const items = ps.map((p, i) => ({
      proposalId: p.id,
      units:
        i % 2
          ? [
              { handlerUnitId: k.units.A, mode: 'lead' },
              { handlerUnitId: k.units.B, mode: 'co' },
            ]
          : [
              { handlerUnitId: k.units.C, mode: 'split' },
              { handlerUnitId: k.units.D, mode: 'split' },
            ],
    }));
    const started = performance.now();
    const res = await k.staff.post('/api/assignments/bulk', { items });
    const ms = performance.now() - started;
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { assigned: 500 });
    assert.ok(ms < 15_000, `took ${Math.round(ms)} ms`);
    assert.equal(await rowsOf(ids), 1000);
    const states = await db()
      .select({ state: proposals.state, n: count() })
      .from(proposals)
      .where(inArray(proposals.id, ids))
      .groupBy(proposals.state);
    assert.deepEqual(states, [{ state: 'assigned', n: 500 }]);
    assert.equal(await auditsOf(ids), 500);
    const [lead] = await db()
      .select()
      .from(assignments)
      .where(and(eq(assignments.proposalId, ids[1]!), eq(assignments.mode, 'lead')));
    assert.deepEqual(
      [lead!.dueOn, lead!.objectionDueOn, lead!.state],
      ['2026-06-02', '2026-03-11', 'pending_receipt'],
    );
    // One notice per unit person for the whole meeting, with the count.
    const notes = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'assignment_new'), eq(notifications.link, '/assignments?box=todo')));
    assert.equal(notes.length, 6, 'two clerks and a leader of A, a clerk and a leader of B, a clerk of D');
    assert.ok(notes.some((n) => n.title === '交办会：本次向贵单位交办提案 250 件'));
    const clerkList = (await k.clerkA.get('/api/assignments?box=todo&pageSize=5')).json();
    assert.equal(clerkList.total, 250);
  });

  it('one bad item makes nothing happen, and every bad item is named', async () => {
    const ps = await fileProposals(k, 500);
    const ids = ps.map((p) => p.id);
    const items = ps.map((p) => ({
      proposalId: p.id,
      units: [{ handlerUnitId: k.units.A, mode: 'sole' }],
    }));
    items[3] = { proposalId: ps[3]!.id, units: [{ handlerUnitId: k.units.A, mode: 'lead' }] };
    items[7] = {
      proposalId: ps[7]!.id,
      units: [{ handlerUnitId: '00000000-0000-4000-8000-000000000000', mode: 'sole' }],
    };
    items[9] = { proposalId: ps[8]!.id, units: [{ handlerUnitId: k.units.B, mode: 'sole' }] };
    await db().update(proposals).set({ state: 'closed' }).where(eq(proposals.id, ps[499]!.id));
    const beforeRows = (await db().select({ n: count() }).from(assignments))[0]!.n;
    const res = await k.supervisor.post('/api/assignments/bulk', { items });
    const e = expectError(res, 400, 'VALIDATION_FAILED', messages.VALIDATION_FAILED);
    assert.deepEqual(e.details, [
      { path: 'items.3.units', message: planMessage },
      { path: 'items.7.units.0.handlerUnitId', message: '承办单位不存在或已停用，请重新选择' },
      { path: 'items.9.proposalId', message: '同一提案在本次交办中出现了两次' },
      { path: 'items.499.proposalId', message: `提案“${ps[499]!.title}”当前为“已办结”，不能交办` },
    ]);
    assert.equal((await db().select({ n: count() }).from(assignments))[0]!.n, beforeRows);
    assert.equal(await rowsOf(ids), 0);
    assert.equal(await auditsOf(ids), 0);
    const filed = await db()
      .select({ n: count() })
      .from(proposals)
      .where(and(inArray(proposals.id, ids), eq(proposals.state, 'filed')));
    assert.equal(filed[0]!.n, 499);
  });

  it('is for the proposals office and the supervision office only', async () => {
    const [p] = await fileProposals(k, 1);
    const items = [{ proposalId: p!.id, units: [{ handlerUnitId: k.units.A, mode: 'sole' }] }];
    expectError(
      await k.clerkA.post('/api/assignments/bulk', { items }),
      403,
      'FORBIDDEN',
      messages.FORBIDDEN,
    );
    expectError(await k.chair.post('/api/assignments/bulk', { items }), 403, 'FORBIDDEN', messages.FORBIDDEN);
    const empty = expectError(
      await k.staff.post('/api/assignments/bulk', { items: [] }),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    assert.deepEqual(empty.details, [{ path: 'items', message: '请至少交办一件提案' }]);
  });
});
