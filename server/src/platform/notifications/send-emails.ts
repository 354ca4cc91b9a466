import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../config.ts';
import type { Db } from '../db/connect.ts';
import type { JobRunner } from '../jobs/jobs.ts';
import { outboxEmails } from '../jobs/schema.ts';
import { sendEmailsJob } from './email-outbox.ts';

/** What the sender needs of a mail transport (nodemailer's, or a fake in tests). */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

/** Tries per mail; with the backoff below the last one is about four hours after the first. */
export const maxEmailAttempts = 8;
const batchSize = 20;

export function createMailTransport(smtp: SmtpConfig): MailTransport {
  if (smtp.url) return nodemailer.createTransport(smtp.url);
  return nodemailer.createTransport({
    host: smtp.host ?? 'localhost',
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
  });
}

/**
 * Sends the outbox rows that are due. A row is claimed by raising its attempt count (under
 * `FOR UPDATE SKIP LOCKED`, so two instances never send the same row), sent outside any transaction, then
 * marked sent or given its error. Attempt k is due (2^k − 1) minutes after the mail was queued: 1, 3, 7 …
 * minutes, no extra column needed. A process killed between sending and marking resends once.
 */
export async function sendPendingEmails(
  db: Db,
  transport: MailTransport,
  from: string,
  signal?: AbortSignal,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    signal?.throwIfAborted();
    const due = db
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(
        and(
          isNull(outboxEmails.sentAt),
          lt(outboxEmails.attempts, maxEmailAttempts),
          sql`${outboxEmails.createdAt} + (power(2, ${outboxEmails.attempts}) - 1) * interval '1 minute' <= now()`,
        ),
      )
      .orderBy(asc(outboxEmails.createdAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const claimed = await db
      .update(outboxEmails)
      .set({ attempts: sql`${outboxEmails.attempts} + 1` })
      .where(inArray(outboxEmails.id, due))
      .returning();
    if (claimed.length === 0) return { sent, failed };
    for (const mail of claimed) {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.body });
        await db
          .update(outboxEmails)
          .set({ sentAt: new Date(), lastError: null })
          .where(eq(outboxEmails.id, mail.id));
        sent++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        await db
          .update(outboxEmails)
          .set({ lastError: message.slice(0, 1000) })
          .where(eq(outboxEmails.id, mail.id));
        failed++;
      }
    }
  }
}

/**
 * Registers the sender: right after a notification (the job `queueEmails` enqueues) and every minute for
 * retries. Returns the transport so start-up can close it. (The outbox itself is turned on by start-up with
 * `configureEmailOutbox` on every instance, also those that run no jobs.)
 */
export function registerEmailSender(
  runner: JobRunner,
  db: Db,
  smtp: SmtpConfig,
  transport: MailTransport = createMailTransport(smtp),
): MailTransport {
  runner.every(sendEmailsJob, 60, async (_data, job) => {
    await sendPendingEmails(db, transport, smtp.from, job.signal);
  });
  return transport;
}
