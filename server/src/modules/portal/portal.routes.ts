import { z } from 'zod';
import { proposalCategories } from '@tongxin/common/proposals/enums.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getPublicProposal, listPublicProposals, publicCommittee } from './public-proposals.ts';
import { asc, eq } from 'drizzle-orm';
import { sessionName } from '../org/resources/simple.ts';
import { plenarySessions, terms } from '../org/schema.ts';

const tags = ['公开 public'];
const listQuery = z
  .object({
    committeeId: z.uuid().optional(),
    q: z.string().trim().max(100).optional(),
    sessionId: z.uuid().optional(),
    category: z.enum(proposalCategories).optional(),
    page: z.coerce.number().int().min(1).max(10000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** Pages anyone may read without signing in: filed proposals and their replies, as consent allows. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const open = { auth: 'none' as const, rateLimit: { max: 120, timeWindow: '1 minute' } };
  app.get(
    '/public/proposals',
    { schema: { tags, summary: '公开的提案与答复', querystring: listQuery }, config: open },
    async (request) => listPublicProposals(app.db, request.query),
  );
  app.get(
    '/public/proposals/:id',
    {
      schema: {
        tags,
        summary: '公开的提案详情',
        params: z.object({ id: z.uuid() }).strict(),
        querystring: z.object({ committeeId: z.uuid().optional() }).strict(),
      },
      config: open,
    },
    async (request) => getPublicProposal(app.db, request.params.id, request.query.committeeId),
  );
  app.get(
    '/public/sessions',
    {
      schema: {
        tags,
        summary: '会议列表',
        querystring: z.object({ committeeId: z.uuid().optional() }).strict(),
      },
      config: open,
    },
    async (request) => {
      const c = await publicCommittee(app.db, request.query.committeeId);
      const rows = await app.db
        .select({ id: plenarySessions.id, sessionNo: plenarySessions.sessionNo, termNo: terms.termNo })
        .from(plenarySessions)
        .innerJoin(terms, eq(terms.id, plenarySessions.termId))
        .where(eq(plenarySessions.committeeId, c.id))
        .orderBy(asc(plenarySessions.openDate));
      return {
        committee: { id: c.id, name: c.name },
        items: rows.map((r) => ({ id: r.id, name: sessionName(r.termNo, r.sessionNo) })),
      };
    },
  );
};
