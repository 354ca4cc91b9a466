import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasRole } from '../../platform/authz/actor.ts';
import { readProposalDraft } from '../../platform/documents/read-draft.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { sessionCompilation } from './queries/session-compilation.ts';

const tags = ['提案 proposals'];
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Word in and out: a draft started from a member's .docx, and the session's 提案汇编. */
export const proposalDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/proposals/draft-from-docx',
    { schema: { tags, summary: '从 Word 文件读取提案内容（供核对后填入草稿）' } },
    async (request) => {
      const { actor } = contextOf(request);
      if (!hasRole(actor, 'member', 'standing_member', 'unit_liaison', 'proposal_staff', 'committee_staff'))
        throw new AppError('FORBIDDEN');
      if (!request.isMultipart()) throw new AppError('DOCX_INVALID');
      const part = await request.file();
      if (!part) throw new AppError('DOCX_INVALID');
      return readProposalDraft(await part.toBuffer());
    },
  );
  app.get(
    '/sessions/:id/compilation.docx',
    {
      schema: {
        tags,
        summary: '本次会议提案汇编（Word）',
        params: z.object({ id: z.uuid('编号格式不正确') }).strict(),
      },
    },
    async (request, reply) => {
      const { file, name } = await sessionCompilation(app.db, contextOf(request).actor, request.params.id);
      return reply
        .type(docxType)
        .header(
          'content-disposition',
          `attachment; filename="compilation.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(file);
    },
  );
};
