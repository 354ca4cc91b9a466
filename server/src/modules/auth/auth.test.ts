import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import {
  createTestCommittee,
  createTestUser,
  type TestCommittee,
  testPassword,
} from '../../test/factories.ts';
import { client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { sessions, users } from './schema.ts';

describe('sign-in, sessions and passwords', () => {
  let t: TestApp;
  let c: TestCommittee;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
  });
  after(() => t.close());

  const auditCount = async (action: string, userId: string) =>
    (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, action), eq(auditEvents.targetId, userId)))
    ).length;

  it('signs in with the right password, sets an HttpOnly SameSite cookie and audits it', async () => {
    const u = await createTestUser(t.database.db, c, ['proposal_staff']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: u.username.toUpperCase(), password: u.password },
    });
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((k) => k.name === 'tongxin_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie?.sameSite, 'Strict');
    const me = res.json();
    assert.equal(me.user.username, u.username);
    assert.deepEqual(
      me.user.roles.map((r: { role: string }) => r.role),
      ['proposal_staff'],
    );
    assert.equal(me.abilities['org.handler-units.manage'], true);
    assert.equal(me.abilities['audit.read'], false);
    assert.equal(await auditCount('auth.signed_in', u.id), 1);
  });

  it('refuses a wrong password with a Chinese message and audits the failure', async () => {
    const u = await createTestUser(t.database.db, c, ['member']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: u.username, password: 'Wrong@Pass1' },
    });
    assert.equal(res.statusCode, 401);
    const err = errorOf(res);
    assert.equal(err.code, 'INVALID_CREDENTIALS');
    assert.equal(err.message, '用户名或密码错误');
    assert.equal(res.headers['x-request-id'], err.requestId);
    assert.equal(await auditCount('auth.sign_in_failed', u.id), 1);
  });

  it('audits a failed sign-in with an unknown username too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: 'nobody_here', password: 'x' },
    });
    assert.equal(res.statusCode, 401);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetLabel, 'nobody_here'));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.action, 'auth.sign_in_failed');
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password', async () => {
    const u = await createTestUser(t.database.db, c, ['member']);
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: u.username, password } });
    for (let i = 1; i <= 4; i++) assert.equal((await attempt('Wrong@Pass1')).statusCode, 401, `attempt ${i}`);
    const fifth = await attempt('Wrong@Pass1');
    assert.equal(fifth.statusCode, 429);
    assert.equal(errorOf(fifth).code, 'ACCOUNT_LOCKED');
    assert.match(errorOf(fifth).message, /锁定 15 分钟/);
    const right = await attempt(testPassword);
    assert.equal(right.statusCode, 429);
    assert.equal(errorOf(right).code, 'ACCOUNT_LOCKED');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    const minutes = (row!.lockedUntil!.getTime() - Date.now()) / 60_000;
    assert.ok(minutes > 14 && minutes <= 15, `locked for ${minutes} minutes`);
    assert.equal(await auditCount('auth.account_locked', u.id), 1);
    // When the lock has passed, the right password works again.
    await t.database.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, u.id));
    assert.equal((await attempt(testPassword)).statusCode, 200);
  });

  it('expires a session after 30 idle minutes', async () => {
    const u = await createTestUser(t.database.db, c, ['member']);
    const api = await signInAs(t.app, u);
    assert.equal((await api.get('/api/auth/me')).statusCode, 200);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, u.id));
    const res = await api.get('/api/auth/me');
    assert.equal(res.statusCode, 401);
    assert.equal(errorOf(res).code, 'SESSION_EXPIRED');
    assert.equal((await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id))).length, 0);
  });

  it('keeps a session that was active 29 minutes ago', async () => {
    const u = await createTestUser(t.database.db, c, ['member']);
    const api = await signInAs(t.app, u);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 29 * 60_000) })
      .where(eq(sessions.userId, u.id));
    assert.equal((await api.get('/api/auth/me')).statusCode, 200);
  });

  it('does not count the notification poll as activity', async () => {
    const u = await createTestUser(t.database.db, c, ['member']);
    const api = await signInAs(t.app, u);
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 20 * 60_000) })
      .where(eq(sessions.userId, u.id));
    assert.equal((await api.get('/api/notifications/unread-count')).statusCode, 200);
    const [s] = await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id));
    assert.ok(Date.now() - s!.lastSeenAt.getTime() > 19 * 60_000, 'the poll refreshed the idle timer');
    assert.equal((await api.get('/api/auth/me')).statusCode, 200);
    const [after] = await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id));
    assert.ok(Date.now() - after!.lastSeenAt.getTime() < 60_000, 'a real request refreshes it');
  });

  it('signs out: the cookie no longer works', async () => {
    const u = await createTestUser(t.database.db, c, ['member']);
    const api = await signInAs(t.app, u);
    assert.equal((await api.post('/api/auth/sign-out')).statusCode, 204);
    assert.equal((await api.get('/api/auth/me')).statusCode, 401);
  });

  it('forces the change of an initial password before anything else', async () => {
    const u = await createTestUser(t.database.db, c, ['liaison_staff'], { mustChangePassword: true });
    const api = await signInAs(t.app, u);
    const blocked = await api.get('/api/org/members');
    assert.equal(blocked.statusCode, 403);
    assert.equal(errorOf(blocked).code, 'PASSWORD_CHANGE_REQUIRED');
    assert.equal((await api.get('/api/auth/me')).json().user.mustChangePassword, true);
    const weak = await api.post('/api/auth/change-password', {
      currentPassword: u.password,
      newPassword: 'abcdefgh',
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(errorOf(weak).code, 'WEAK_PASSWORD');
    const wrong = await api.post('/api/auth/change-password', {
      currentPassword: 'Nope@1234',
      newPassword: 'New#Secret99',
    });
    assert.equal(errorOf(wrong).code, 'WRONG_PASSWORD');
    const ok = await api.post('/api/auth/change-password', {
      currentPassword: u.password,
      newPassword: 'New#Secret99',
    });
    assert.equal(ok.statusCode, 204);
    assert.equal((await api.get('/api/org/members')).statusCode, 200);
    assert.equal(await auditCount('auth.password_changed', u.id), 1);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { username: u.username, password: 'New#Secret99' },
    });
    assert.equal(again.statusCode, 200);
  });

  it('rejects a password that contains the username', async () => {
    const u = await createTestUser(t.database.db, c, ['member']);
    const api = await signInAs(t.app, u);
    const res = await api.post('/api/auth/change-password', {
      currentPassword: u.password,
      newPassword: `X#1${u.username}`,
    });
    assert.equal(res.statusCode, 400);
    assert.ok((errorOf(res).details as { message: string }[]).some((d) => d.message === '不能包含用户名'));
  });

  it('answers an anonymous caller with 401 and a Chinese message', async () => {
    const res = await client(t.app).get('/api/org/members');
    assert.equal(res.statusCode, 401);
    assert.deepEqual(Object.keys(errorOf(res)).sort(), ['code', 'message', 'requestId']);
    assert.equal(errorOf(res).message, '请先登录');
  });
});
