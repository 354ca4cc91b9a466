import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { Page } from '@tongxin/common/pagination.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Db } from '../../db/connect.ts';
import { type NotificationView, presentNotification } from '../notifications.presenter.ts';
import { notifications } from '../schema.ts';

/** The one scope of notifications: a user sees their own, in their committee, and nobody else's. */
export function ownNotifications(actor: Actor): SQL {
  return and(eq(notifications.userId, actor.userId), eq(notifications.committeeId, actor.committeeId)) as SQL;
}

export interface NotificationQuery {
  unread: boolean;
  page: number;
  pageSize: number;
}

/** The actor's notifications, newest first; `unread` keeps the unread ones. */
export async function listNotifications(
  db: Db,
  actor: Actor,
  q: NotificationQuery,
): Promise<Page<NotificationView> & { unreadCount: number }> {
  const where = q.unread
    ? and(ownNotifications(actor), isNull(notifications.readAt))
    : ownNotifications(actor);
  const [rows, [total], unreadCount] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.seq))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(notifications).where(where),
    countUnread(db, actor),
  ]);
  return {
    items: rows.map(presentNotification),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
    unreadCount,
  };
}

export async function countUnread(db: Db, actor: Actor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(ownNotifications(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}
