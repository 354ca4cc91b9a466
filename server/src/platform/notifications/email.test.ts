import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { loadConfig, type SmtpConfig } from '../../config.ts';
import { members } from '../../modules/org/schema.ts';
import { openTestDatabase } from '../../test/db.ts';
import {
  createTestCommittee,
  createTestUser,
  type TestCommittee,
  type TestUser,
} from '../../test/factories.ts';
import type { Database } from '../db/connect.ts';
import { DatabaseJobRunner } from '../jobs/db-runner.ts';
import { outboxEmails } from '../jobs/schema.ts';
import { configureEmailOutbox } from './email-outbox.ts';
import { notify } from './notify.ts';
import { maxEmailAttempts, registerEmailSender, sendPendingEmails } from './send-emails.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** A tiny SMTP server on loopback that keeps what it receives. */
async function startSmtp(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('e-mail for notifications', () => {
  let database: Database;
  let c: TestCommittee;
  let withEmail: TestUser;
  let withoutEmail: TestUser;
  let staff: TestUser;
  before(async () => {
    database = await openTestDatabase();
    c = await createTestCommittee(database.db);
    withEmail = await createTestUser(database.db, c, [{ role: 'member', scopeId: c.memberIds[0]! }]);
    withoutEmail = await createTestUser(database.db, c, [{ role: 'member', scopeId: c.memberIds[1]! }]);
    staff = await createTestUser(database.db, c, ['proposal_staff']);
    await database.db
      .update(members)
      .set({ email: 'liminghua@example.org' })
      .where(eq(members.id, c.memberIds[0]!));
  });
  after(async () => {
    configureEmailOutbox({ enabled: false, linkBase: null });
    await database.close();
  });

  const outboxFor = async (notificationTitle: string) =>
    (await database.db.select().from(outboxEmails)).filter((m) => m.subject.includes(notificationTitle));

  it('queues nothing while SMTP is not configured', async () => {
    configureEmailOutbox({ enabled: false, linkBase: null });
    await notify(database.db, c.id, [withEmail.id], { kind: 'test', title: '未配置邮件' });
    assert.deepEqual(await outboxFor('未配置邮件'), []);
  });

  it('writes the outbox row with the notification, and not when the transaction rolls back', async () => {
    configureEmailOutbox({ enabled: true, linkBase: 'https://tongxin.example.org' });
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await notify(tx, c.id, [withEmail.id], { kind: 'test', title: '回滚的通知' });
        throw new Error('the business write failed');
      }),
    );
    assert.deepEqual(await outboxFor('回滚的通知'), []);
    await notify(database.db, c.id, [withEmail.id, withoutEmail.id, staff.id], {
      kind: 'test',
      title: '三人通知',
      body: '正文',
      link: '/proposals/1',
    });
    const queued = await outboxFor('三人通知');
    assert.equal(queued.length, 1, 'only the member account with an e-mail address');
    assert.equal(queued[0]!.to, 'liminghua@example.org');
    assert.equal(queued[0]!.subject, '【同心】三人通知');
    assert.match(queued[0]!.body, /正文\n\n查看详情：https:\/\/tongxin\.example\.org\/proposals\/1/);
    await database.db.delete(outboxEmails);
  });

  it('delivers one mail for one notification through the job runner to an SMTP server', async () => {
    const smtp = await startSmtp();
    const config: SmtpConfig = {
      url: `smtp://127.0.0.1:${smtp.port}`,
      host: null,
      port: smtp.port,
      secure: false,
      user: null,
      pass: null,
      from: '同心平台 <noreply@example.org>',
      linkBase: null,
    };
    configureEmailOutbox({ enabled: true, linkBase: null });
    const runner = new DatabaseJobRunner(database.db, { pollMs: 25, log: () => {} });
    const transport = registerEmailSender(runner, database.db, config);
    await runner.start();
    try {
      await database.db.transaction(async (tx) => {
        await notify(tx, c.id, [withEmail.id], { kind: 'test', title: '请及时评价' });
      });
      const deadline = Date.now() + 15_000;
      while (smtp.received.length === 0 && Date.now() < deadline) await sleep(50);
      await sleep(300); // a second delivery would arrive now
      assert.equal(smtp.received.length, 1);
      assert.deepEqual(smtp.received[0]!.to, ['liminghua@example.org']);
      assert.equal(smtp.received[0]!.from, 'noreply@example.org');
      const [row] = await outboxFor('请及时评价');
      assert.ok(row?.sentAt, 'marked sent');
      assert.equal(row?.attempts, 1);
    } finally {
      await runner.stop();
      transport.close?.();
      await smtp.close();
    }
  });

  it('keeps a failed mail for a later try with backoff, and stops after the last attempt', async () => {
    configureEmailOutbox({ enabled: true, linkBase: null });
    await notify(database.db, c.id, [withEmail.id], { kind: 'test', title: '发送失败' });
    const failing = {
      sendMail: async () => {
        throw new Error('421 try again later');
      },
    };
    assert.deepEqual(await sendPendingEmails(database.db, failing, 'x@example.org'), { sent: 0, failed: 1 });
    // Not due again for a minute: a second pass right away sends nothing.
    assert.deepEqual(await sendPendingEmails(database.db, failing, 'x@example.org'), { sent: 0, failed: 0 });
    const [row] = await outboxFor('发送失败');
    assert.equal(row?.attempts, 1);
    assert.equal(row?.lastError, '421 try again later');
    assert.equal(row?.sentAt, null);

    // Queued long ago: due now; after the last attempt it is left alone.
    await database.db
      .update(outboxEmails)
      .set({ createdAt: new Date(Date.now() - 24 * 3_600_000), attempts: maxEmailAttempts - 1 })
      .where(inArray(outboxEmails.id, [row!.id]));
    assert.deepEqual(await sendPendingEmails(database.db, failing, 'x@example.org'), { sent: 0, failed: 1 });
    assert.deepEqual(await sendPendingEmails(database.db, failing, 'x@example.org'), { sent: 0, failed: 0 });
    const sent: string[] = [];
    const working = { sendMail: async (m: { to: string }) => void sent.push(m.to) };
    assert.deepEqual(await sendPendingEmails(database.db, working, 'x@example.org'), { sent: 0, failed: 0 });
    assert.deepEqual(sent, []);
  });
});

describe('SMTP and jobs configuration', () => {
  const base = { DATA_DIR: '/nonexistent' };
  it('has no SMTP and runs jobs by default', () => {
    const config = loadConfig(base);
    assert.equal(config.smtp, null);
    assert.deepEqual(config.jobs, { enabled: true, pollMs: 1000, concurrency: 4 });
    assert.equal(loadConfig({ ...base, JOBS: 'off' }).jobs.enabled, false);
  });

  it('reads SMTP from a URL or from parts, and needs a sender', () => {
    const fromUrl = loadConfig({
      ...base,
      SMTP_URL: 'smtps://u:p@mail.example.org:465',
      SMTP_FROM: 'a@example.org',
    });
    assert.equal(fromUrl.smtp?.url, 'smtps://u:p@mail.example.org:465');
    const parts = loadConfig({
      ...base,
      SMTP_HOST: 'mail.example.org',
      SMTP_PORT: '465',
      SMTP_USER: 'tongxin',
      SMTP_PASS: 'secret',
      SMTP_FROM: '同心平台 <noreply@example.org>',
      SMTP_LINK_BASE: 'https://tongxin.example.org/',
    });
    assert.deepEqual(parts.smtp, {
      url: null,
      host: 'mail.example.org',
      port: 465,
      secure: true,
      user: 'tongxin',
      pass: 'secret',
      from: '同心平台 <noreply@example.org>',
      linkBase: 'https://tongxin.example.org',
    });
    assert.throws(() => loadConfig({ ...base, SMTP_HOST: 'mail.example.org' }), /SMTP_FROM/);
    assert.throws(() => loadConfig({ ...base, SMTP_URL: 'http://x', SMTP_FROM: 'a@b.c' }), /SMTP_URL/);
  });
});
