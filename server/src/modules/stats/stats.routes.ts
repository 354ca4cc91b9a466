import { z } from 'zod';
import { proposalStatsQuery } from '@tongxin/common/stats/proposal-stats.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment, writeSheets, xlsxType } from '../../platform/excel/workbook.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { presentProposals } from '../proposals/proposals.presenter.ts';
import { proposals } from '../proposals/schema.ts';
import { loadProposalFacts, type Scope } from './queries/proposal-facts.ts';
import { predicateFor, summarizeProposals } from './queries/proposal-stats.ts';
import { statsSheets } from './stats-sheets.ts';
import { assertProposalStats } from './stats.policy.ts';
import { inArray } from 'drizzle-orm';

const tags = ['统计 stats'];
const scopeOf = (q: { sessionId?: string; year?: number }): Scope =>
  q.sessionId ? { sessionId: q.sessionId } : { year: q.year! };
const drillQuery = z
  .object({
    sessionId: z.uuid().optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    metric: z.string().min(1).max(120),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict()
  .refine((q) => Boolean(q.sessionId) !== Boolean(q.year), {
    message: '请选择一次会议或一个年度（二选一）',
    path: ['sessionId'],
  });

/** Proposal statistics of a session or a year, the proposals behind each figure, and an Excel export. */
export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/proposal-stats',
    { schema: { tags, summary: '提案统计', querystring: proposalStatsQuery } },
    async (request) => {
      const { actor } = contextOf(request);
      assertProposalStats(actor);
      const facts = await loadProposalFacts(app.db, actor, scopeOf(request.query));
      return summarizeProposals(app.db, actor, facts);
    },
  );

  app.get(
    '/proposal-stats/proposals',
    { schema: { tags, summary: '统计数字背后的提案', querystring: drillQuery } },
    async (request) => {
      const { actor } = contextOf(request);
      assertProposalStats(actor);
      const q = request.query;
      const matches = predicateFor(q.metric);
      const ids = (await loadProposalFacts(app.db, actor, scopeOf(q))).filter(matches).map((f) => f.id);
      const pageIds = ids.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      const rows = pageIds.length
        ? await app.db.select().from(proposals).where(inArray(proposals.id, pageIds))
        : [];
      rows.sort((a, b) => pageIds.indexOf(a.id) - pageIds.indexOf(b.id));
      return {
        items: await presentProposals(app.db, actor, rows),
        total: ids.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/proposal-stats/export.xlsx',
    { schema: { tags, summary: '导出提案统计', querystring: proposalStatsQuery } },
    async (request, reply) => {
      const { actor } = contextOf(request);
      assertProposalStats(actor);
      const summary = await summarizeProposals(
        app.db,
        actor,
        await loadProposalFacts(app.db, actor, scopeOf(request.query)),
      );
      const file = await writeSheets(statsSheets(summary));
      return reply.type(xlsxType).header('content-disposition', attachment('提案统计.xlsx')).send(file);
    },
  );
};
