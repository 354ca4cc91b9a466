import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../../platform/http/request-context.ts';
import { loadRules } from '../settings/load-rules.ts';
import { addProposalAttachment } from './commands/add-proposal-attachment.ts';
import { addReplyScan } from './commands/add-reply-scan.ts';
import { removeAttachment } from './commands/remove-attachment.ts';
import { attachmentFile } from './queries/attachment-file.ts';
import { listAttachments } from './queries/list-attachments.ts';
import { readUpload } from './read-upload.ts';

const tags = ['提案附件 attachments'];
const uuid = z.uuid('编号格式不正确');
const params = z.object({ id: uuid }).strict();
const fileParams = z.object({ id: uuid, attachmentId: uuid }).strict();

/**
 * `Content-Disposition` for a download: an ASCII fallback and the real (Chinese) name in RFC 5987 form.
 * encodeURIComponent leaves ' ( ) * as they are, which RFC 5987 does not allow in a value.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** 附件 of proposals and 盖章扫描件 of reply letters: upload (multipart), list, download, remove. */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxBytes = async (committeeId: string) =>
    (await loadRules(app.db, committeeId)).attachmentMaxMb * 1024 * 1024;

  app.get(
    '/proposals/:id/attachments',
    { schema: { tags, summary: '提案附件列表', params } },
    async (request) => listAttachments(app.db, contextOf(request).actor, request.params.id),
  );
  app.post(
    '/proposals/:id/attachments',
    { schema: { tags, summary: '上传提案附件（multipart，字段 file）', params } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const upload = await readUpload(request, await maxBytes(ctx.actor.committeeId));
      await addProposalAttachment(ctx, request.params.id, upload);
      return reply.code(201).send(await listAttachments(app.db, ctx.actor, request.params.id));
    },
  );
  app.get(
    '/proposals/:id/attachments/:attachmentId',
    { schema: { tags, summary: '下载附件', params: fileParams } },
    async (request, reply) => {
      const { actor } = contextOf(request);
      const file = await attachmentFile(app.db, actor, request.params.id, request.params.attachmentId);
      return reply
        .type(file.mimeType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );
  app.delete(
    '/proposals/:id/attachments/:attachmentId',
    { schema: { tags, summary: '删除附件', params: fileParams } },
    async (request) => {
      const ctx = contextOf(request);
      await removeAttachment(ctx, request.params.id, request.params.attachmentId);
      return listAttachments(app.db, ctx.actor, request.params.id);
    },
  );
  app.post(
    '/reply-letters/:id/scans',
    { schema: { tags, summary: '上传答复函盖章扫描件（PDF/JPEG/PNG）', params } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const upload = await readUpload(request, await maxBytes(ctx.actor.committeeId));
      const { proposalId } = await addReplyScan(ctx, request.params.id, upload);
      return reply.code(201).send(await listAttachments(app.db, ctx.actor, proposalId));
    },
  );
};
