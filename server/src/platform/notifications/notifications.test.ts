import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  createTestCommittee,
  createTestUser,
  type TestCommittee,
  type TestUser,
} from '../../test/factories.ts';
import { client, type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { outboxEmails } from '../jobs/schema.ts';
import { notify } from './notify.ts';
import { notifications } from './schema.ts';

describe('notification centre API', () => {
  let t: TestApp;
  let c: TestCommittee;
  let me: TestUser;
  let other: TestUser;
  let mine: Client;
  let theirs: Client;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    me = await createTestUser(t.database.db, c, ['member']);
    other = await createTestUser(t.database.db, c, ['proposal_staff']);
    mine = await signInAs(t.app, me);
    theirs = await signInAs(t.app, other);
    const db = t.database.db;
    for (let i = 1; i <= 5; i++) {
      await notify(db, c.id, [me.id], {
        kind: 'test',
        title: `通知${i}`,
        body: `正文${i}`,
        link: `/proposals/${i}`,
      });
    }
    await notify(db, c.id, [other.id], { kind: 'test', title: '别人的通知' });
  });
  after(() => t.close());

  const idsOf = (res: { json(): unknown }) =>
    (res.json() as { items: { title: string }[] }).items.map((n) => n.title);

  it('lists only the user’s own notifications, newest first, with paging and the unread count', async () => {
    const res = await mine.get('/api/notifications?page=1&pageSize=2');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.total, 5);
    assert.equal(body.unreadCount, 5);
    assert.deepEqual(idsOf(res), ['通知5', '通知4']);
    assert.deepEqual(Object.keys(body.items[0]).sort(), [
      'body',
      'createdAt',
      'id',
      'kind',
      'link',
      'readAt',
      'title',
    ]);
    assert.equal(body.items[0].link, '/proposals/5');
    assert.equal(body.items[0].readAt, null);
    assert.deepEqual(idsOf(await mine.get('/api/notifications?page=3&pageSize=2')), ['通知1']);
    assert.deepEqual(idsOf(await theirs.get('/api/notifications')), ['别人的通知']);
  });

  it('marks one read, and keeps the first read time when marked again', async () => {
    const [first] = (await mine.get('/api/notifications')).json().items as { id: string }[];
    const res = await mine.post(`/api/notifications/${first!.id}/read`);
    assert.equal(res.statusCode, 200, res.body);
    const readAt = res.json().readAt as string;
    assert.ok(readAt);
    const again = await mine.post(`/api/notifications/${first!.id}/read`);
    assert.equal(again.json().readAt, readAt);
    assert.deepEqual((await mine.get('/api/notifications/unread-count')).json(), { count: 4 });
    const unread = await mine.get('/api/notifications?unread=true');
    assert.equal(unread.json().total, 4);
    assert.ok(!idsOf(unread).includes('通知5'));
  });

  it('answers 404 for another user’s notification and changes nothing', async () => {
    const [theirsRow] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, other.id));
    const res = await mine.post(`/api/notifications/${theirsRow!.id}/read`);
    assert.equal(res.statusCode, 404);
    const error = errorOf(res);
    assert.equal(error.code, 'NOT_FOUND');
    assert.equal(error.message, '未找到该记录，或您无权查看');
    const [after] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, theirsRow!.id));
    assert.equal(after?.readAt, null);
  });

  it('marks all of the user’s own read, nobody else’s', async () => {
    const res = await mine.post('/api/notifications/read-all');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { updated: 4 });
    assert.deepEqual((await mine.get('/api/notifications/unread-count')).json(), { count: 0 });
    assert.deepEqual((await theirs.get('/api/notifications/unread-count')).json(), { count: 1 });
  });

  it('rejects a malformed id and a bad filter, and anonymous callers', async () => {
    const bad = await mine.post('/api/notifications/not-a-uuid/read');
    assert.equal(bad.statusCode, 400);
    assert.equal(errorOf(bad).code, 'VALIDATION_FAILED');
    assert.equal((await mine.get('/api/notifications?unread=yes')).statusCode, 400);
    const anonymous = await client(t.app).get('/api/notifications/unread-count');
    assert.equal(anonymous.statusCode, 401);
    assert.equal(errorOf(anonymous).code, 'UNAUTHENTICATED');
  });

  it('sends a reminder with a dedupe key once per user, and queues no e-mail without SMTP', async () => {
    const db = t.database.db;
    const reminder = { kind: 'test_reminder', title: '提醒', dedupeKey: 'test:1' };
    assert.equal(await notify(db, c.id, [me.id, other.id, me.id], reminder), 2);
    assert.equal(await notify(db, c.id, [me.id, other.id], reminder), 0);
    const rows = await db.select().from(notifications).where(eq(notifications.kind, 'test_reminder'));
    assert.equal(rows.length, 2);
    assert.equal((await db.select().from(outboxEmails)).length, 0);
  });
});
