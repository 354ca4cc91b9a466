import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/request-context.ts';
import { addSearchWord } from './commands/add-search-word.ts';
import { deleteSearchWord } from './commands/delete-search-word.ts';
import { reindexCommittee } from './commands/reindex-committee.ts';
import { listSearchWords } from './queries/list-search-words.ts';
import { searchProposals } from './queries/search-proposals.ts';
import { addWordBody, proposalParams, reindexBody, searchQuery, wordParams } from './search.schemas.ts';
import { mergeCandidatesQuery, mergeDuplicatesBody, similarBody } from '@tongxin/common/search/similar.ts';
import { mergeDuplicates } from './commands/merge-duplicates.ts';
import { mergeCandidates } from './queries/merge-candidates.ts';
import { similarProposals } from './queries/similar-proposals.ts';
import { similarToProposal } from './queries/similar-to-proposal.ts';
import { unitSuggestions } from './queries/unit-suggestions.ts';

const tags = ['全文检索 search'];

/** 全文检索 over the proposals the user may see; the segmentation dictionary and the index rebuild (sysadmin). */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    { schema: { tags, summary: '检索提案（标题、正文、答复函）', querystring: searchQuery } },
    async (request) => searchProposals(app.db, contextOf(request).actor, request.query),
  );
  app.post(
    '/search/similar',
    { schema: { tags, summary: '相似提案（起草时：案由、正文）', body: similarBody } },
    async (request) => {
      const items = await similarProposals(app.db, contextOf(request).actor, request.body);
      return { items };
    },
  );
  app.get(
    '/proposals/:id/similar',
    { schema: { tags, summary: '与本提案相似的提案（审查）', params: proposalParams } },
    async (request) => similarToProposal(app.db, contextOf(request).actor, request.params.id),
  );
  app.get(
    '/search/merge-candidates',
    {
      schema: {
        tags,
        summary: '并案候选（本次会议待审查的相似提案，分组）',
        querystring: mergeCandidatesQuery,
      },
    },
    async (request) => mergeCandidates(app.db, contextOf(request).actor, request.query.sessionId),
  );
  app.post(
    '/proposals/:id/merge-duplicates',
    {
      schema: {
        tags,
        summary: '一键并案：其余提案并入本提案',
        params: proposalParams,
        body: mergeDuplicatesBody,
      },
    },
    async (request) => mergeDuplicates(contextOf(request), request.params.id, request.body),
  );
  app.get(
    '/proposals/:id/unit-suggestions',
    { schema: { tags, summary: '承办单位建议（办理过相似提案的单位）', params: proposalParams } },
    async (request) => unitSuggestions(app.db, contextOf(request).actor, request.params.id),
  );
  app.get(
    '/search/dictionary',
    { schema: { tags, summary: '检索词库（本会添加的词语）' } },
    async (request) => listSearchWords(app.db, contextOf(request).actor),
  );
  app.post(
    '/search/dictionary',
    { schema: { tags, summary: '添加词语', body: addWordBody } },
    async (request, reply) => reply.code(201).send(await addSearchWord(contextOf(request), request.body)),
  );
  app.delete(
    '/search/dictionary/:id',
    { schema: { tags, summary: '删除词语', params: wordParams } },
    async (request, reply) => {
      await deleteSearchWord(contextOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    '/search/reindex',
    { schema: { tags, summary: '重建检索索引（分批，每次 1000 件）', body: reindexBody } },
    async (request) => reindexCommittee(contextOf(request), request.body.after),
  );
};
