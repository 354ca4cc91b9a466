import { z } from 'zod';
import {
  assignInput,
  assignmentListQuery,
  bulkAssignInput,
  closeInput,
  coOpinionInput,
  contactInput,
  cosignInput,
  extensionDecisionInput,
  extensionRequestInput,
  feedbackInput,
  followUpQuery,
  objectInput,
  objectionDecisionInput,
  rehandleInput,
  replyDraftInput,
  reviewReplyInput,
  signOffInput,
  versionOnlyInput,
} from '@tongxin/common/proposals/assignment-schemas.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/request-context.ts';
import { assignProposal } from './commands/assign-proposal.ts';
import { bulkAssign } from './commands/bulk-assign.ts';
import { closeProposal } from './commands/close-proposal.ts';
import { cosignReply } from './commands/cosign-reply.ts';
import { decideExtension } from './commands/decide-extension.ts';
import { decideObjection } from './commands/decide-objection.ts';
import { objectToAssignment } from './commands/object-to-assignment.ts';
import { rateProposal } from './commands/rate-proposal.ts';
import { receiveAssignment } from './commands/receive-assignment.ts';
import { recordContact } from './commands/record-contact.ts';
import { rehandleProposal } from './commands/rehandle-proposal.ts';
import { requestExtension } from './commands/request-extension.ts';
import { reviewReply } from './commands/review-reply.ts';
import { saveReplyDraft } from './commands/save-reply-draft.ts';
import { sendCoOpinion } from './commands/send-co-opinion.ts';
import { signOffReply } from './commands/sign-off-reply.ts';
import { submitReply } from './commands/submit-reply.ts';
import { followUpList } from './queries/follow-up-list.ts';
import { getAssignment } from './queries/get-assignment.ts';
import { getProposal } from './queries/get-proposal.ts';
import { listAssignments } from './queries/list-assignments.ts';
import { replyDocument } from './queries/reply-document.ts';

const tags = ['承办 assignments'];
const params = z.object({ id: z.uuid('编号格式不正确') }).strict();
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Request = Parameters<typeof contextOf>[0];

/** 交办、办理、答复、评价 (assignment through closing). Each route: validate → one command → the fresh view. */
export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const task = (request: Request, id: string) => getAssignment(app.db, contextOf(request).actor, id);
  const proposal = (request: Request, id: string) => getProposal(app.db, contextOf(request).actor, id);
  /** A write on one task, answered with the task as it now is. */
  const taskWrite = <B>(
    url: string,
    summary: string,
    body: z.ZodType<B>,
    run: (ctx: ReturnType<typeof contextOf>, id: string, body: B) => Promise<unknown>,
    code = 200,
  ) =>
    app.post(url, { schema: { tags, summary, params, body } }, async (request, reply) => {
      await run(contextOf(request), request.params.id, request.body as B);
      return reply.code(code).send(await task(request, request.params.id));
    });

  app.post(
    '/proposals/:id/assignments',
    { schema: { tags, summary: '交办提案', params, body: assignInput } },
    async (request) => {
      await assignProposal(contextOf(request), request.params.id, request.body);
      return proposal(request, request.params.id);
    },
  );
  app.post(
    '/assignments/bulk',
    { schema: { tags, summary: '交办会：批量交办', body: bulkAssignInput } },
    async (request) => ({ assigned: await bulkAssign(contextOf(request), request.body) }),
  );
  app.get(
    '/assignments',
    { schema: { tags, summary: '承办任务列表（待办/超期/临期/全部）', querystring: assignmentListQuery } },
    async (request) => listAssignments(app.db, contextOf(request).actor, request.query),
  );
  app.get('/assignments/:id', { schema: { tags, summary: '承办任务详情', params } }, async (request) =>
    task(request, request.params.id),
  );
  taskWrite('/assignments/:id/receive', '签收', versionOnlyInput, (ctx, id, b) =>
    receiveAssignment(ctx, id, b.expectedVersion),
  );
  taskWrite('/assignments/:id/object', '提出交办异议', objectInput, objectToAssignment);
  taskWrite(
    '/assignments/:id/objection-decision',
    '处理交办异议（维持或改办）',
    objectionDecisionInput,
    decideObjection,
  );
  taskWrite('/assignments/:id/extension-requests', '申请延期', extensionRequestInput, requestExtension, 201);
  app.post(
    '/extension-requests/:id/decision',
    { schema: { tags, summary: '审批延期申请', params, body: extensionDecisionInput } },
    async (request) =>
      task(request, await decideExtension(contextOf(request), request.params.id, request.body)),
  );
  taskWrite('/assignments/:id/contacts', '记录办理沟通', contactInput, recordContact, 201);
  taskWrite('/assignments/:id/co-opinion', '送会办意见', coOpinionInput, sendCoOpinion);
  app.put(
    '/assignments/:id/reply',
    { schema: { tags, summary: '起草或修改答复', params, body: replyDraftInput } },
    async (request) => {
      await saveReplyDraft(contextOf(request), request.params.id, request.body);
      return task(request, request.params.id);
    },
  );
  taskWrite('/assignments/:id/reply/submit', '提交答复（会签或签发）', versionOnlyInput, (ctx, id, b) =>
    submitReply(ctx, id, b.expectedVersion),
  );
  taskWrite('/assignments/:id/cosign', '会签主办单位的答复', cosignInput, cosignReply);
  taskWrite('/assignments/:id/reply/sign-off', '领导签发或退回', signOffInput, signOffReply);
  taskWrite('/assignments/:id/reply/review', '督查室审核答复', reviewReplyInput, reviewReply);
  app.get(
    '/assignments/:id/reply.docx',
    { schema: { tags, summary: '下载答复函（Word）', params } },
    async (request, reply) => {
      const doc = await replyDocument(app.db, contextOf(request).actor, request.params.id);
      return reply
        .type(docxType)
        .header(
          'content-disposition',
          `attachment; filename="reply.docx"; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
        )
        .send(doc.buffer);
    },
  );

  app.post(
    '/proposals/:id/feedback',
    { schema: { tags, summary: '评价答复（满意/基本满意/不满意）', params, body: feedbackInput } },
    async (request, reply) => {
      await rateProposal(contextOf(request), request.params.id, request.body);
      return reply.code(201).send(await proposal(request, request.params.id));
    },
  );
  app.post(
    '/proposals/:id/rehandle',
    { schema: { tags, summary: '重新办理', params, body: rehandleInput } },
    async (request) => {
      await rehandleProposal(contextOf(request), request.params.id, request.body);
      return proposal(request, request.params.id);
    },
  );
  app.post(
    '/proposals/:id/close',
    { schema: { tags, summary: '协商后办结', params, body: closeInput } },
    async (request) => {
      await closeProposal(contextOf(request), request.params.id, request.body);
      return proposal(request, request.params.id);
    },
  );
  app.get(
    '/proposals/follow-up',
    { schema: { tags, summary: '回头看：B/C 类答复的已办结提案', querystring: followUpQuery } },
    async (request) => followUpList(app.db, contextOf(request).actor, request.query),
  );
};
