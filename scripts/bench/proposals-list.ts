/**
 * Step 3 of the proposal bench: the staff list with filters and the list's title search, under autocannon
 * (load.ts, its own process); then the same request in-process one at a time, and on PostgreSQL the
 * EXPLAIN (ANALYZE, BUFFERS) of every statement one request sends.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { ProposalListQuery } from '@tongxin/common/proposals/schemas.ts';
import { listProposals } from '../../server/src/modules/proposals/queries/list-proposals.ts';
import type { Actor } from '../../server/src/platform/authz/actor.ts';
import type { Db } from '../../server/src/platform/db/connect.ts';
import * as schema from '../../server/src/platform/db/schema.ts';
import {
  type ListPlans,
  type ListRun,
  type StepContext,
  type StepResults,
  searchTerm,
  targets,
} from './proposals-results.ts';

/**
 * Runs `listProposals` once over its own logging connection to capture the statements it sends, then
 * EXPLAIN ANALYZEs each: where a list request spends its time in the database, without copying the query.
 */
async function explainList(url: string, actor: Actor, query: ProposalListQuery): Promise<ListPlans> {
  const captured: { sql: string; params: unknown[] }[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const logging = drizzle({
      client: pool,
      schema,
      logger: { logQuery: (q, params) => captured.push({ sql: q, params }) },
    }) as unknown as Db;
    await listProposals(logging, actor, query);
    const statements: ListPlans['statements'] = [];
    for (const st of captured) {
      const r = await pool.query(`explain (analyze, buffers) ${st.sql}`, st.params);
      const plan = r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n');
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? 0);
      statements.push({ sql: st.sql, ms, plan });
    }
    return { totalMs: statements.reduce((sum, st) => sum + st.ms, 0), statements };
  } finally {
    await pool.end();
  }
}

async function listRun(
  ctx: StepContext,
  label: string,
  url: string,
  query: ProposalListQuery,
): Promise<ListRun> {
  const { options: o } = ctx;
  const first = await ctx.call('GET', url);
  const parsed = JSON.parse(first.text) as { items?: unknown[]; total?: number };
  if (first.status !== 200 || !parsed.items || !parsed.total) {
    throw new Error(`${label}: unexpected list: HTTP ${first.status} ${first.text.slice(0, 300)}`);
  }
  const spec = { url: `${ctx.base}${url}`, connections: o.connections, headers: { cookie: ctx.staffCookie } };
  if (o.warmup > 0) await ctx.tools.load({ ...spec, durationSeconds: o.warmup });
  const r = await ctx.tools.load({ ...spec, durationSeconds: o.duration });
  console.log(
    `  ${label}: ${parsed.total} matching, ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, ` +
      `p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (${r.requests} ok, ${r.non2xx} non-2xx, ` +
      `${r.errors} errors)`,
  );
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${label}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  // The same work in-process, one request at a time: what a request costs without queueing.
  await listProposals(ctx.db, ctx.actor, query);
  const started = performance.now();
  for (let i = 0; i < 20; i++) await listProposals(ctx.db, ctx.actor, query);
  const inProcessMs = (performance.now() - started) / 20;
  console.log(`    in-process, one at a time: ${inProcessMs.toFixed(1)} ms per list`);
  // EXPLAIN (ANALYZE) on PostgreSQL of every statement the request runs (captured from the real
  // listProposals through a logging connection); the plans are printed when the target is missed.
  let plans: ListPlans | null = null;
  if (ctx.cluster) {
    plans = await explainList(ctx.cluster.url, ctx.actor, query);
    const slowest = Math.max(...plans.statements.map((st) => st.ms));
    console.log(
      `    EXPLAIN ANALYZE: ${plans.statements.length} statements, ${plans.totalMs.toFixed(1)} ms in the ` +
        `database; page query ${plans.statements[0]?.ms.toFixed(1)} ms, slowest ${slowest.toFixed(1)} ms`,
    );
    if (o.explain || r.p95 >= targets.listP95Ms) {
      for (const st of plans.statements.slice(0, 2)) console.log(st.plan.replace(/^/gm, '      '));
    }
  }
  return { ...r, total: parsed.total, bytes: Buffer.byteLength(first.text), inProcessMs, plans };
}

/** The two list URLs and the same queries for the in-process runs. */
export function listQueries(latestSessionId: string) {
  const filters: ProposalListQuery = {
    box: 'all',
    sessionId: latestSessionId,
    state: ['filed', 'assigned', 'handling'],
    category: 'society',
    page: 1,
    pageSize: 20,
  };
  const search: ProposalListQuery = { box: 'all', q: searchTerm, page: 1, pageSize: 20 };
  return {
    filters,
    filtersUrl:
      `/api/proposals?box=all&sessionId=${latestSessionId}&state=filed,assigned,handling` +
      '&category=society&page=1&pageSize=20',
    search,
    searchUrl: `/api/proposals?box=all&q=${encodeURIComponent(searchTerm)}&page=1&pageSize=20`,
  };
}

export async function benchLists(ctx: StepContext): Promise<Pick<StepResults, 'listFilters' | 'listSearch'>> {
  const q = listQueries(ctx.data.latestSessionId);
  const listFilters = await listRun(ctx, 'list with filters', q.filtersUrl, q.filters);
  const listSearch = await listRun(ctx, `list, title search “${searchTerm}”`, q.searchUrl, q.search);
  return { listFilters, listSearch };
}
