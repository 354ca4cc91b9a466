import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/http/request-context.ts';
import { addSearchWord } from './commands/add-search-word.ts';
import { deleteSearchWord } from './commands/delete-search-word.ts';
import { reindexCommittee } from './commands/reindex-committee.ts';
import { listSearchWords } from './queries/list-search-words.ts';
import { searchProposals } from './queries/search-proposals.ts';
import { addWordBody, reindexBody, searchQuery, wordParams } from './search.schemas.ts';

const tags = ['全文检索 search'];

/** 全文检索 over the proposals the user may see; the segmentation dictionary and the index rebuild (sysadmin). */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    { schema: { tags, summary: '检索提案（标题、正文、答复函）', querystring: searchQuery } },
    async (request) => searchProposals(app.db, contextOf(request).actor, request.query),
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
