import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import { readSheet } from '../../platform/excel/workbook.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, signInAs, startTestApp, type TestApp } from '../../test/http.ts';

describe('audit trail', () => {
  let t: TestApp;
  let c: TestCommittee;
  let admin: Client;
  let adminId: string;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    const u = await createTestUser(t.database.db, c, ['sysadmin']);
    adminId = u.id;
    admin = await signInAs(t.app, u);
  });
  after(() => t.close());

  it('records actor, action, target, before/after, time, IP and request id of a write', async () => {
    const res = await admin.send({
      method: 'POST',
      url: '/api/org/sectors',
      payload: { name: '新闻出版界', kind: 'professional' },
      headers: { 'x-request-id': 'req-audit-0001' },
    });
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers['x-request-id'], 'req-audit-0001');
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, 'req-audit-0001'));
    assert.equal(rows.length, 1);
    const [e] = rows;
    assert.equal(e!.action, 'sector.created');
    assert.equal(e!.actorUserId, adminId);
    assert.equal(e!.targetType, 'sector');
    assert.equal(e!.targetId, res.json().id);
    assert.equal(e!.targetLabel, '新闻出版界');
    assert.equal(e!.committeeId, c.id);
    assert.equal((e!.after as { name: string }).name, '新闻出版界');
    assert.equal(e!.before, null);
    assert.equal(e!.ip, '127.0.0.1');
    assert.ok(Date.now() - e!.createdAt.getTime() < 60_000);
  });

  it('never stores password hashes in before/after', async () => {
    const res = await admin.post('/api/users', {
      username: 'audit_probe',
      displayName: '审计测试',
      initialPassword: 'Init#Pass2026',
      roles: [{ role: 'member', scopeId: c.memberIds[0] }],
    });
    assert.equal(res.statusCode, 201, res.body);
    const [e] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.created'));
    assert.doesNotMatch(JSON.stringify(e), /scrypt|Init#Pass2026/);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [e] = await t.database.db.select().from(auditEvents).limit(1);
    await assert.rejects(
      t.database.db.update(auditEvents).set({ action: 'forged' }).where(eq(auditEvents.id, e!.id)),
      (err: Error) => /append-only/.test(`${err.message} ${(err as { cause?: Error }).cause?.message}`),
    );
    await assert.rejects(t.database.db.delete(auditEvents).where(eq(auditEvents.id, e!.id)));
    await assert.rejects(t.database.db.execute(sql`truncate audit_events`));
    const [still] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.id, e!.id));
    assert.equal(still!.action, e!.action);
  });

  it('has no API to change or delete audit rows', async () => {
    for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
      const res = await admin.send({ method, url: '/api/audit-events/1', payload: {} });
      assert.equal(res.statusCode, 404, method);
    }
  });

  it('lets a sysadmin filter and export it, and nobody else read it', async () => {
    const filtered = (await admin.get('/api/audit-events?action=sector.created')).json();
    assert.ok(filtered.items.length >= 1);
    assert.ok(filtered.items.every((i: { action: string }) => i.action === 'sector.created'));
    const byTarget = (await admin.get(`/api/audit-events?q=${encodeURIComponent('新闻出版')}`)).json();
    assert.ok(byTarget.items.some((i: { targetLabel: string }) => i.targetLabel === '新闻出版界'));
    const file = await admin.get('/api/audit-events/export.xlsx?action=sector.created');
    assert.equal(file.statusCode, 200);
    const sheet = await readSheet(file.rawPayload);
    assert.equal(sheet.headers[1], '时间');
    assert.ok(sheet.rows.every((r) => r.cells['操作'] === 'sector.created'));
    const staff = await signInAs(t.app, await createTestUser(t.database.db, c, ['proposal_staff']));
    assert.equal((await staff.get('/api/audit-events')).statusCode, 403);
    const other = await createTestCommittee(t.database.db);
    const otherAdmin = await signInAs(t.app, await createTestUser(t.database.db, other, ['sysadmin']));
    const theirs = (await otherAdmin.get('/api/audit-events?pageSize=200')).json();
    assert.ok(theirs.items.every((i: { committeeId: string | null }) => i.committeeId !== c.id));
  });

  it('writes exactly one audit row per directory write', async () => {
    const countFor = async (id: string) =>
      (await t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, id))).length;
    const hu = (
      await admin.post('/api/org/handler-units', { name: '测试市审计局', system: 'government' })
    ).json();
    assert.equal(await countFor(hu.id), 1);
    await admin.patch(`/api/org/handler-units/${hu.id}`, { contactName: '孙丽', expectedVersion: 1 });
    assert.equal(await countFor(hu.id), 2);
    await admin.patch(`/api/org/handler-units/${hu.id}`, { contactName: '孙丽', expectedVersion: 1 }); // stale: refused
    assert.equal(await countFor(hu.id), 2);
    await admin.del(`/api/org/handler-units/${hu.id}?expectedVersion=2`);
    assert.equal(await countFor(hu.id), 3);
  });
});
