import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';

describe('account management', () => {
  let t: TestApp;
  let c: TestCommittee;
  let admin: Client;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    admin = await signInAs(t.app, await createTestUser(t.database.db, c, ['sysadmin']));
  });
  after(() => t.close());

  it('creates a handler clerk for one unit, who must change the initial password', async () => {
    const res = await admin.post('/api/users', {
      username: 'Clerk.Edu',
      displayName: '周敏',
      initialPassword: 'Init#Pass2026',
      roles: [{ role: 'handler_clerk', scopeId: c.handlerUnitIds[0] }],
    });
    assert.equal(res.statusCode, 201, res.body);
    const u = res.json();
    assert.equal(u.username, 'clerk.edu');
    assert.deepEqual(u.roles, [
      { role: 'handler_clerk', scopeId: c.handlerUnitIds[0], scopeName: '测试市教育局' },
    ]);
    assert.equal(u.mustChangePassword, true);
    const clerk = await signInAs(t.app, { id: u.id, username: 'clerk.edu', password: 'Init#Pass2026' });
    assert.equal(errorOf(await clerk.get('/api/org/handler-units')).code, 'PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses a scoped role without its body, a body of another committee, and a duplicate username', async () => {
    const base = { displayName: '测试', initialPassword: 'Init#Pass2026' };
    const noScope = await admin.post('/api/users', {
      ...base,
      username: 'noscope',
      roles: [{ role: 'handler_clerk' }],
    });
    assert.equal(noScope.statusCode, 400);
    assert.match((errorOf(noScope).details as { message: string }[])[0]!.message, /须选择所属单位/);
    const other = await createTestCommittee(t.database.db);
    const foreign = await admin.post('/api/users', {
      ...base,
      username: 'foreign',
      roles: [{ role: 'handler_clerk', scopeId: other.handlerUnitIds[0] }],
    });
    assert.equal(foreign.statusCode, 400);
    await admin.post('/api/users', { ...base, username: 'twice', roles: [{ role: 'office_staff' }] });
    const dup = await admin.post('/api/users', {
      ...base,
      username: 'TWICE',
      roles: [{ role: 'office_staff' }],
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(errorOf(dup).code, 'DUPLICATE');
    const weak = await admin.post('/api/users', {
      ...base,
      username: 'weakling',
      initialPassword: '12345678',
      roles: [{ role: 'office_staff' }],
    });
    assert.equal(errorOf(weak).code, 'WEAK_PASSWORD');
  });

  it('disabling an account ends its sessions; a reset unlocks and forces a new password', async () => {
    const u = await createTestUser(t.database.db, c, ['member']);
    const api = await signInAs(t.app, u);
    const off = await admin.patch(`/api/users/${u.id}`, { isActive: false });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal((await api.get('/api/auth/me')).statusCode, 401);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: u.username, password: u.password },
    });
    assert.equal(errorOf(signIn).code, 'ACCOUNT_DISABLED');
    await admin.patch(`/api/users/${u.id}`, { isActive: true, resetPassword: 'Reset#Pass2026' });
    const again = await signInAs(t.app, { ...u, password: 'Reset#Pass2026' });
    assert.equal((await again.get('/api/auth/me')).json().user.mustChangePassword, true);
  });

  it("lists only the committee's own accounts", async () => {
    const other = await createTestCommittee(t.database.db);
    const stranger = await createTestUser(t.database.db, other, ['member']);
    const list = (await admin.get('/api/users?pageSize=200')).json();
    assert.ok(list.items.length >= 3);
    assert.ok(!list.items.some((x: { id: string }) => x.id === stranger.id));
    assert.equal((await admin.patch(`/api/users/${stranger.id}`, { displayName: '改' })).statusCode, 404);
  });
});
