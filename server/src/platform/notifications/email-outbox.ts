import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { userRoles, users } from '../../modules/auth/schema.ts';
import { members } from '../../modules/org/schema.ts';
import type { Db } from '../db/connect.ts';
import { enqueueJob } from '../jobs/jobs.ts';
import { outboxEmails } from '../jobs/schema.ts';

/** The job that sends pending outbox rows. */
export const sendEmailsJob = 'notifications.send-emails';

interface OutboxSettings {
  enabled: boolean;
  linkBase: string | null;
}

let settings: OutboxSettings = { enabled: false, linkBase: null };

/**
 * Turns the e-mail outbox on (start-up does, when SMTP is configured). Off by default, so nothing is
 * queued without SMTP, and tests that build the app queue nothing.
 */
export function configureEmailOutbox(next: OutboxSettings): void {
  settings = { ...next };
}

export function emailOutboxEnabled(): boolean {
  return settings.enabled;
}

export interface NewNotification {
  id: string;
  userId: string;
  title: string;
  body: string;
  link: string | null;
}

/**
 * Queues one e-mail per new notification, in the notification's transaction, and asks for a send. The
 * address is the member's e-mail of a member account (users have no e-mail of their own); accounts
 * without one, and disabled accounts, get the in-app notification only.
 */
export async function queueEmails(tx: Db, committeeId: string, created: NewNotification[]): Promise<number> {
  if (!settings.enabled || created.length === 0) return 0;
  const userIds = [...new Set(created.map((n) => n.userId))];
  const addresses = new Map<string, string>();
  for (let i = 0; i < userIds.length; i += 1000) {
    const rows = await tx
      .selectDistinctOn([userRoles.userId], { userId: userRoles.userId, email: members.email })
      .from(userRoles)
      .innerJoin(members, eq(members.id, userRoles.scopeId))
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(
        and(
          inArray(userRoles.userId, userIds.slice(i, i + 1000)),
          inArray(userRoles.role, ['member', 'standing_member']),
          isNotNull(members.email),
          ne(members.email, ''),
          eq(users.isActive, true),
        ),
      )
      .orderBy(userRoles.userId, members.email);
    for (const r of rows) if (r.email) addresses.set(r.userId, r.email.trim());
  }
  const mails = created
    .filter((n) => addresses.has(n.userId))
    .map((n) => ({
      committeeId,
      notificationId: n.id,
      to: addresses.get(n.userId)!,
      subject: `【同心】${n.title}`,
      body: mailBody(n),
    }));
  if (mails.length === 0) return 0;
  for (let i = 0; i < mails.length; i += 1000) await tx.insert(outboxEmails).values(mails.slice(i, i + 1000));
  // One pending "send now" job is enough; the recurring sender catches anything it misses.
  await enqueueJob(tx, sendEmailsJob, {}, { singletonKey: `${sendEmailsJob}:now` });
  return mails.length;
}

function mailBody(n: NewNotification): string {
  const lines = [n.title, ''];
  if (n.body) lines.push(n.body, '');
  if (n.link)
    lines.push(
      settings.linkBase ? `查看详情：${settings.linkBase}${n.link}` : '请登录同心平台查看详情。',
      '',
    );
  lines.push('——', '此邮件由同心平台自动发送，请勿直接回复。');
  return lines.join('\n');
}
