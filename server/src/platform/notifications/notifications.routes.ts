import { pageOf, pageQuery } from '@tongxin/common/pagination.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../http/request-context.ts';
import { markAllNotificationsRead, markNotificationRead } from './commands/mark-notifications-read.ts';
import { notificationView } from './notifications.presenter.ts';
import { countUnread, listNotifications } from './queries/list-notifications.ts';

const tags = ['通知 notifications'];
const listQuery = pageQuery
  .extend({
    unread: z
      .enum(['true', 'false'], { error: 'unread 应为 true 或 false' })
      .default('false')
      .transform((v) => v === 'true'),
  })
  .strict();
const idParams = z.object({ id: z.uuid({ error: '通知编号格式不正确' }) }).strict();

/** The notification centre: the signed-in user's own notifications, unread count, mark read. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的通知（unread=true 只看未读）',
        querystring: listQuery,
        response: { 200: pageOf(notificationView).extend({ unreadCount: z.number().int() }) },
      },
    },
    async (request) => listNotifications(app.db, contextOf(request).actor, request.query),
  );
  app.get(
    '/notifications/unread-count',
    {
      schema: { tags, summary: '未读通知数', response: { 200: z.object({ count: z.number().int() }) } },
      // The bell polls this every minute: it must not keep an idle session alive.
      config: { touch: false },
    },
    async (request) => ({ count: await countUnread(app.db, contextOf(request).actor) }),
  );
  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: '全部标为已读', response: { 200: z.object({ updated: z.number().int() }) } } },
    async (request) => markAllNotificationsRead(contextOf(request)),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标为已读', params: idParams, response: { 200: notificationView } } },
    async (request) => markNotificationRead(contextOf(request), request.params.id),
  );
};
