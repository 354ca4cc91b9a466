import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../http/request-context.ts';
import { deleteCalendarDay } from './commands/delete-calendar-day.ts';
import { setCalendarDay } from './commands/set-calendar-day.ts';
import { listCalendarDays } from './queries/list-calendar-days.ts';
import { previewDueDate } from './queries/preview-due-date.ts';
import { isIsoDate } from './working-days.ts';

const minYear = 1900;
const maxYear = 2100;
const isoDay = z
  .string()
  .refine(
    (s) => isIsoDate(s) && Number(s.slice(0, 4)) >= minYear && Number(s.slice(0, 4)) <= maxYear,
    '日期格式应为 YYYY-MM-DD（如 2026-02-16），且须是有效日期',
  );
const dayParams = z.object({ day: isoDay }).strict();
const yearQuery = z
  .object({
    year: z.coerce
      .number({ error: '年份应为四位数字，如 2026' })
      .int('年份应为整数')
      .min(minYear, `年份应在 ${minYear}–${maxYear} 之间`)
      .max(maxYear, `年份应在 ${minYear}–${maxYear} 之间`),
  })
  .strict();
const setDayBody = z
  .object({
    kind: z.enum(['holiday', 'workday'], { error: '类型应为 holiday（放假）或 workday（调休上班）' }),
    name: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称').max(40, '名称不能超过 40 个字'),
    expectedVersion: z
      .number({ error: '版本号应为正整数' })
      .int('版本号应为正整数')
      .min(1, '版本号应为正整数')
      .optional(),
  })
  .strict();
const deleteQuery = z
  .object({
    expectedVersion: z.coerce
      .number({ error: '版本号应为正整数' })
      .int('版本号应为正整数')
      .min(1, '版本号应为正整数')
      .optional(),
  })
  .strict();
const dueQuery = z
  .object({
    start: isoDay,
    amount: z.coerce
      .number({ error: '期限长度应为整数，如 15' })
      .int('期限长度应为整数')
      .min(1, '期限长度至少为 1')
      .max(999, '期限长度不能超过 999'),
    unit: z.enum(['wd', 'nd', 'mo'], { error: '期限单位应为 wd（工作日）、nd（自然日）或 mo（个月）' }),
  })
  .strict();

const tags = ['工作日历 calendar'];

/** The committee's working-day calendar (holidays and 调休 days) and the 期限试算 preview. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/calendar/days',
    { schema: { tags, summary: '某年的节假日和调休上班日', querystring: yearQuery } },
    async (request) => listCalendarDays(app.db, contextOf(request).actor, request.query.year),
  );
  app.put(
    '/calendar/days/:day',
    { schema: { tags, summary: '设置某日为节假日或调休上班', params: dayParams, body: setDayBody } },
    async (request) => setCalendarDay(contextOf(request), request.params.day, request.body),
  );
  app.delete(
    '/calendar/days/:day',
    { schema: { tags, summary: '清除某日的设置', params: dayParams, querystring: deleteQuery } },
    async (request, reply) => {
      await deleteCalendarDay(contextOf(request), request.params.day, request.query.expectedVersion);
      return reply.code(204).send();
    },
  );
  app.get(
    '/calendar/due',
    { schema: { tags, summary: '期限试算：按本会工作日历计算到期日', querystring: dueQuery } },
    async (request) => {
      const { start, amount, unit } = request.query;
      return previewDueDate(app.db, contextOf(request).actor, start, { amount, unit });
    },
  );
};
