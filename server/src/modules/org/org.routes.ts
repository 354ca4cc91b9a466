import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment, writeSheet, xlsxType } from '../../platform/excel/workbook.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { createOrgRecord } from './commands/create-org-record.ts';
import { deleteOrgRecord } from './commands/delete-org-record.ts';
import { importOrgRecords } from './commands/import-org-records.ts';
import { updateOrgRecord } from './commands/update-org-record.ts';
import { handlerUnitImport } from './import/handler-unit-import.ts';
import { memberImport } from './import/member-import.ts';
import { canOrg } from './org.policy.ts';
import { importTemplate } from './queries/import-template.ts';
import { getOrgRecord, listOrgRecords } from './queries/list-org-records.ts';
import { orgOptions } from './queries/org-options.ts';
import { orgResources } from './resources/index.ts';

const idParams = z.object({ id: z.uuid('编号格式不正确') }).strict();
const deleteQuery = z.object({ expectedVersion: z.coerce.number().int().min(1, '缺少记录版本号') }).strict();
const importQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') }).strict();

/** The organisation directory: nine lists with the same verbs, plus Excel import for two of them. */
export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/options', { schema: { tags: ['组织 org'], summary: '下拉选项' } }, async (request) =>
    orgOptions(app.db, contextOf(request).actor),
  );

  for (const resource of Object.values(orgResources)) {
    const base = `/${resource.key}`;
    const tags = [`组织 org / ${resource.label}`];
    app.get(
      base,
      { schema: { tags, summary: `${resource.label}列表`, querystring: resource.listQuery } },
      async (request) =>
        listOrgRecords(app.db, contextOf(request).actor, resource, request.query as Record<string, unknown>),
    );
    app.get(
      `${base}/export.xlsx`,
      { schema: { tags, summary: `导出${resource.label}`, querystring: resource.listQuery } },
      async (request, reply) => {
        const { items } = await listOrgRecords(
          app.db,
          contextOf(request).actor,
          resource,
          request.query as never,
          { all: true },
        );
        const file = await writeSheet(resource.label, resource.exportColumns, items);
        return reply
          .type(xlsxType)
          .header('content-disposition', attachment(`${resource.label}.xlsx`))
          .send(file);
      },
    );
    app.get(
      `${base}/:id`,
      { schema: { tags, summary: `${resource.label}详情`, params: idParams } },
      async (request) => getOrgRecord(app.db, contextOf(request).actor, resource, request.params.id),
    );
    app.post(
      `${base}`,
      { schema: { tags, summary: `新增${resource.label}`, body: resource.createInput } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createOrgRecord(contextOf(request), resource, request.body as Record<string, unknown>)),
    );
    app.patch(
      `${base}/:id`,
      { schema: { tags, summary: `修改${resource.label}`, params: idParams, body: resource.updateInput } },
      async (request) =>
        updateOrgRecord(
          contextOf(request),
          resource,
          request.params.id,
          request.body as { expectedVersion: number },
        ),
    );
    app.delete(
      `${base}/:id`,
      { schema: { tags, summary: `删除${resource.label}`, params: idParams, querystring: deleteQuery } },
      async (request, reply) => {
        await deleteOrgRecord(contextOf(request), resource, request.params.id, request.query.expectedVersion);
        return reply.code(204).send();
      },
    );
  }

  for (const spec of [memberImport, handlerUnitImport]) {
    const base = `/${spec.resource.key}`;
    const tags = [`组织 org / ${spec.resource.label}`];
    app.get(
      `${base}/import-template.xlsx`,
      { schema: { tags, summary: `${spec.resource.label}导入模板` } },
      async (request, reply) => {
        const { actor } = contextOf(request);
        if (!canOrg(actor, spec.resource.key, 'manage')) throw new AppError('FORBIDDEN');
        const file = await importTemplate(app.db, actor, spec);
        return reply
          .type(xlsxType)
          .header('content-disposition', attachment(`${spec.sheetName}导入模板.xlsx`))
          .send(file);
      },
    );
    app.post(
      `${base}/import`,
      {
        schema: {
          tags,
          summary: `从 Excel 导入${spec.resource.label}（dryRun=true 仅预览）`,
          querystring: importQuery,
        },
      },
      async (request) => {
        const ctx = contextOf(request);
        if (!canOrg(ctx.actor, spec.resource.key, 'manage')) throw new AppError('FORBIDDEN');
        if (!request.isMultipart()) throw new AppError('FILE_INVALID');
        const part = await request.file();
        if (!part) throw new AppError('FILE_INVALID');
        const buffer = await part.toBuffer();
        // .xlsx is a ZIP: anything else renamed to .xlsx is refused before parsing.
        if (buffer.subarray(0, 4).toString('binary') !== 'PK\x03\x04') throw new AppError('FILE_INVALID');
        return importOrgRecords(ctx, spec, buffer, request.query.dryRun === 'true');
      },
    );
  }
};
