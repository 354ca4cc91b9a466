import { z } from 'zod';
import { proposalRules } from '@tongxin/common/proposals/rules.ts';
import {
  convertInput,
  createProposalInput,
  inviteCosignersInput,
  proposalListQuery,
  respondCosignInput,
  reviewInput,
  updateProposalInput,
  versionInput,
} from '@tongxin/common/proposals/schemas.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/request-context.ts';
import { assignmentRoutes } from './assignments.routes.ts';
import { awardRoutes } from './awards/awards.routes.ts';
import { attachmentRoutes } from './attachments/attachments.routes.ts';
import { proposalDocumentRoutes } from './documents.routes.ts';
import { convertProposal } from './commands/convert-proposal.ts';
import { createProposalDraft } from './commands/create-proposal-draft.ts';
import { inviteCosigners } from './commands/invite-cosigners.ts';
import { respondToCosign } from './commands/respond-to-cosign.ts';
import { reviewProposal } from './commands/review-proposal.ts';
import { submitProposal } from './commands/submit-proposal.ts';
import { updateProposalDraft } from './commands/update-proposal-draft.ts';
import { updateProposalRules } from './commands/update-proposal-rules.ts';
import { withdrawProposal } from './commands/withdraw-proposal.ts';
import { getProposal } from './queries/get-proposal.ts';
import { listProposals } from './queries/list-proposals.ts';
import { exportProposals } from './queries/export-proposals.ts';
import { attachment, xlsxType } from '../../platform/excel/workbook.ts';
import { loadRules } from './settings/load-rules.ts';

const tags = ['提案 proposals'];
const params = z.object({ id: z.uuid('编号格式不正确') }).strict();

/** Proposals: drafting, co-signing, submission and review. Each route: validate → one command → the fresh view. */
export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(assignmentRoutes);
  await app.register(awardRoutes);
  await app.register(proposalDocumentRoutes);
  await app.register(attachmentRoutes);
  const view = (request: Parameters<typeof contextOf>[0], id: string) =>
    getProposal(app.db, contextOf(request).actor, id);

  app.get(
    '/proposals',
    { schema: { tags, summary: '提案列表', querystring: proposalListQuery } },
    async (request) => listProposals(app.db, contextOf(request).actor, request.query),
  );
  app.get(
    '/proposals/export.xlsx',
    { schema: { tags, summary: '导出提案列表', querystring: proposalListQuery } },
    async (request, reply) => {
      const file = await exportProposals(app.db, contextOf(request).actor, request.query);
      return reply.type(xlsxType).header('content-disposition', attachment('提案.xlsx')).send(file);
    },
  );
  app.post(
    '/proposals',
    { schema: { tags, summary: '新建提案草稿', body: createProposalInput } },
    async (request, reply) => {
      const id = await createProposalDraft(contextOf(request), request.body);
      return reply.code(201).send(await view(request, id));
    },
  );
  app.get('/proposals/:id', { schema: { tags, summary: '提案详情与时间线', params } }, async (request) =>
    view(request, request.params.id),
  );
  app.patch(
    '/proposals/:id',
    { schema: { tags, summary: '修改草稿（自动保存）', params, body: updateProposalInput } },
    async (request) => {
      await updateProposalDraft(contextOf(request), request.params.id, request.body);
      return view(request, request.params.id);
    },
  );
  app.post(
    '/proposals/:id/cosigners',
    { schema: { tags, summary: '邀请联名', params, body: inviteCosignersInput } },
    async (request) => {
      await inviteCosigners(contextOf(request), request.params.id, request.body.memberIds);
      return view(request, request.params.id);
    },
  );
  app.post(
    '/proposals/:id/cosign',
    { schema: { tags, summary: '答复联名邀请', params, body: respondCosignInput } },
    async (request) => {
      await respondToCosign(contextOf(request), request.params.id, request.body.accept);
      return view(request, request.params.id);
    },
  );
  app.post(
    '/proposals/:id/submit',
    { schema: { tags, summary: '提交提案', params, body: versionInput } },
    async (request) => {
      await submitProposal(contextOf(request), request.params.id, request.body.expectedVersion);
      return view(request, request.params.id);
    },
  );
  app.post(
    '/proposals/:id/withdraw',
    { schema: { tags, summary: '撤回提案', params, body: versionInput } },
    async (request) => {
      await withdrawProposal(contextOf(request), request.params.id, request.body.expectedVersion);
      return view(request, request.params.id);
    },
  );
  app.post(
    '/proposals/:id/review',
    { schema: { tags, summary: '审查意见 / 立案决定', params, body: reviewInput } },
    async (request) => {
      await reviewProposal(contextOf(request), request.params.id, request.body);
      return view(request, request.params.id);
    },
  );
  app.post(
    '/proposals/:id/convert',
    { schema: { tags, summary: '不予立案后转办', params, body: convertInput } },
    async (request) => {
      await convertProposal(contextOf(request), request.params.id, request.body);
      return view(request, request.params.id);
    },
  );

  app.get('/proposal-rules', { schema: { tags, summary: '提案工作规则' } }, async (request) =>
    loadRules(app.db, contextOf(request).actor.committeeId),
  );
  app.put(
    '/proposal-rules',
    { schema: { tags, summary: '修改提案工作规则', body: proposalRules } },
    async (request) => {
      await updateProposalRules(contextOf(request), request.body);
      return loadRules(app.db, contextOf(request).actor.committeeId);
    },
  );
};
