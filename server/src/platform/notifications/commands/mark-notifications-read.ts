import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { type NotificationView, presentNotification } from '../notifications.presenter.ts';
import { ownNotifications } from '../queries/list-notifications.ts';
import { notifications } from '../schema.ts';

// Reading one's own notifications is personal state, not a business record: no audit rows (they would
// outnumber every other event of the trail).

/** Marks one of the actor's notifications read (again: no change). Another user's is not found. */
export async function markNotificationRead(ctx: RequestContext, id: string): Promise<NotificationView> {
  const db: Db = ctx.db;
  const [updated] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(ownNotifications(ctx.actor), eq(notifications.id, id), isNull(notifications.readAt)))
    .returning();
  if (updated) return presentNotification(updated);
  const [existing] = await db
    .select()
    .from(notifications)
    .where(and(ownNotifications(ctx.actor), eq(notifications.id, id)));
  if (!existing) throw new AppError('NOT_FOUND');
  return presentNotification(existing);
}

/** Marks all of the actor's unread notifications read; returns how many changed. */
export async function markAllNotificationsRead(ctx: RequestContext): Promise<{ updated: number }> {
  const rows = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(ownNotifications(ctx.actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
