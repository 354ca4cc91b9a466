import { and, inArray } from 'drizzle-orm';
import { userRoles } from '../../modules/auth/schema.ts';
import type { Db } from '../db/connect.ts';
import { queueEmails } from './email-outbox.ts';
import { notifications } from './schema.ts';

export interface Notice {
  kind: string;
  title: string;
  body?: string;
  link?: string;
  data?: unknown;
  /** Same key for the same user = sent once (reminders). */
  dedupeKey?: string;
}

/**
 * Adds in-app notifications in the caller's transaction, so a rolled-back write notifies nobody. With SMTP
 * configured, each new notification also gets an outbox e-mail in the same transaction.
 */
export async function notify(
  tx: Db,
  committeeId: string,
  userIds: string[],
  notice: Notice,
): Promise<number> {
  return notifyMany(tx, committeeId, [{ userIds, notice }]);
}

/**
 * Many notices at once (the deadline sweep sends thousands): inserted in chunks, a reminder already sent to
 * a user (same dedupe key) is skipped by the unique index, even when two sweeps race. Returns how many
 * notifications are new.
 */
export async function notifyMany(
  tx: Db,
  committeeId: string,
  batch: { userIds: string[]; notice: Notice }[],
): Promise<number> {
  const rows = batch.flatMap(({ userIds, notice }) =>
    [...new Set(userIds)].map((userId) => ({
      committeeId,
      userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body ?? '',
      link: notice.link ?? null,
      data: notice.data ?? null,
      dedupeKey: notice.dedupeKey ?? null,
    })),
  );
  let added = 0;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const created = await tx
      .insert(notifications)
      .values(rows.slice(i, i + chunkSize))
      .onConflictDoNothing()
      .returning({
        id: notifications.id,
        userId: notifications.userId,
        title: notifications.title,
        body: notifications.body,
        link: notifications.link,
      });
    added += created.length;
    await queueEmails(tx, committeeId, created);
  }
  return added;
}

const chunkSize = 1000;

/** The accounts that act for these members (role member / standing_member scoped to them). */
export async function usersOfMembers(tx: Db, memberIds: (string | null)[]): Promise<string[]> {
  const ids = memberIds.filter((m): m is string => Boolean(m));
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(inArray(userRoles.scopeId, ids), inArray(userRoles.role, ['member', 'standing_member'])));
  return rows.map((r) => r.userId);
}

/** The accounts holding one of `roles` for one of the bodies (e.g. clerks of a handler unit). */
export async function usersOfScopes(tx: Db, roles: string[], scopeIdsList: string[]): Promise<string[]> {
  if (scopeIdsList.length === 0) return [];
  const rows = await tx
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(inArray(userRoles.scopeId, scopeIdsList), inArray(userRoles.role, roles as never[])));
  return rows.map((r) => r.userId);
}
