import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment, writeSheet, xlsxType } from '../../platform/excel/workbook.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { auditQuery } from './audit.schemas.ts';
import { type AuditEventView, listAuditEvents } from './queries/list-audit-events.ts';

const tags = ['审计 audit'];

/** Read-only: the audit trail has no write endpoints at all. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-events',
    { schema: { tags, summary: '审计日志', querystring: auditQuery } },
    async (request) => listAuditEvents(app.db, contextOf(request).actor, request.query),
  );
  app.get(
    '/audit-events/export.xlsx',
    { schema: { tags, summary: '导出审计日志', querystring: auditQuery } },
    async (request, reply) => {
      const { items } = await listAuditEvents(app.db, contextOf(request).actor, request.query, { all: true });
      const json = (v: unknown) => (v == null ? '' : JSON.stringify(v).slice(0, 32000));
      const file = await writeSheet<AuditEventView>(
        '审计日志',
        [
          { header: '序号', value: (e) => e.id },
          { header: '时间', width: 22, value: (e) => e.createdAt },
          { header: '操作人', value: (e) => e.actorName },
          { header: '操作', width: 26, value: (e) => e.action },
          { header: '对象类型', width: 16, value: (e) => e.targetType },
          { header: '对象', width: 22, value: (e) => e.targetLabel ?? e.targetId ?? '' },
          { header: '修改前', width: 40, value: (e) => json(e.before) },
          { header: '修改后', width: 40, value: (e) => json(e.after) },
          { header: 'IP', width: 16, value: (e) => e.ip ?? '' },
          { header: '请求编号', width: 38, value: (e) => e.requestId ?? '' },
        ],
        items,
      );
      return reply.type(xlsxType).header('content-disposition', attachment('审计日志.xlsx')).send(file);
    },
  );
};
