/**
 * Steps 4 and 5 of the proposal bench: the 交办会 (one bulk assignment of 500 filed proposals, three times
 * on fresh sets, checked in the database afterwards) and the statistics of the largest session and of a
 * full year (10 sequential runs each, with the in-process split of one call).
 */
import { sql } from 'drizzle-orm';
import { loadProposalFacts, type Scope } from '../../server/src/modules/stats/queries/proposal-facts.ts';
import { summarizeProposals } from '../../server/src/modules/stats/queries/proposal-stats.ts';
import { unassignedFiled } from './proposals-generate.ts';
import {
  type BulkRun,
  bulkRuns,
  bulkSize,
  rowsOf,
  type StatsRun,
  type StepContext,
  type StepResults,
  statsRuns,
  timed,
} from './proposals-results.ts';
import { type Category, topics } from './proposals-text.ts';

export async function benchBulkAssignment(ctx: StepContext): Promise<BulkRun> {
  const { db, data } = ctx;
  const pool = await unassignedFiled(db, data.latestSessionId);
  // A smaller data set (--proposals) has fewer waiting proposals: then each run takes a third of them.
  const size = Math.min(bulkSize, Math.floor(pool.length / bulkRuns));
  if (size < bulkSize)
    console.log(`  note: only ${pool.length} filed, unassigned proposals; ${size} per run`);
  const unitsFor = new Map<Category, string[]>();
  for (const tp of topics) {
    const ids = tp.units.map((n) => data.handlerUnitIds.get(n)).filter((x): x is string => Boolean(x));
    unitsFor.set(tp.category, [...new Set([...(unitsFor.get(tp.category) ?? []), ...ids])]);
  }
  const bulkMs: number[] = [];
  let bulkRows = 0;
  let verified = true;
  for (let run = 0; run < bulkRuns; run++) {
    const set = pool.slice(run * size, (run + 1) * size);
    let expected = 0;
    const items = set.map((p, i) => {
      const units = unitsFor.get(p.category)!;
      const lead = units[i % units.length]!;
      const co = units[(i + 1) % units.length]!;
      // Two in three handled by one unit (独办), one in three by a lead (主办) with a co-handler (会办).
      const plan =
        i % 3 === 2 && co !== lead
          ? [
              { handlerUnitId: lead, mode: 'lead' },
              { handlerUnitId: co, mode: 'co' },
            ]
          : [{ handlerUnitId: lead, mode: 'sole' }];
      expected += plan.length;
      return { proposalId: p.id, units: plan };
    });
    const started = performance.now();
    const res = await ctx.call('POST', '/api/assignments/bulk', { items });
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`bulk assignment: HTTP ${res.status} ${res.text.slice(0, 500)}`);
    const ids = JSON.stringify(set.map((p) => p.id));
    const [check] = await rowsOf<{ rows: number; assigned: number; audits: number }>(
      db,
      sql`select
            (select count(*)::int from assignments where proposal_id in (select value::uuid from json_array_elements_text(${ids}::json))) as rows,
            (select count(*)::int from proposals where state = 'assigned' and id in (select value::uuid from json_array_elements_text(${ids}::json))) as assigned,
            (select count(*)::int from audit_events where action = 'proposal.assigned' and target_type = 'proposal'
               and target_id in (select value from json_array_elements_text(${ids}::json))) as audits`,
    );
    const ok = check?.rows === expected && check.assigned === size && check.audits === size;
    verified &&= ok;
    bulkMs.push(ms);
    bulkRows += expected;
    console.log(
      `  bulk assignment ${run + 1}: ${size} proposals, ${expected} units, ${ms.toFixed(0)} ms; ` +
        `verified ${ok ? 'ok' : `FAILED ${JSON.stringify(check)}`}`,
    );
  }
  return { ms: bulkMs, size, rows: bulkRows, verified };
}

async function statsRun(ctx: StepContext, label: string, query: string, scope: Scope): Promise<StatsRun> {
  const url = `/api/proposal-stats?${query}`;
  const first = await ctx.call('GET', url);
  if (first.status !== 200) throw new Error(`${label}: HTTP ${first.status} ${first.text.slice(0, 300)}`);
  const received = (JSON.parse(first.text) as { received: { value: number } }).received.value;
  const runs: number[] = [];
  for (let i = 0; i < statsRuns; i++) {
    const started = performance.now();
    const res = await ctx.call('GET', url);
    runs.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
  }
  // Where the time goes: the four queries, then the sums in JavaScript (in-process, best of three).
  let factsMs = Number.POSITIVE_INFINITY;
  let sumMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    let s = performance.now();
    const facts = await loadProposalFacts(ctx.db, ctx.actor, scope);
    factsMs = Math.min(factsMs, performance.now() - s);
    s = performance.now();
    await summarizeProposals(ctx.db, ctx.actor, facts);
    sumMs = Math.min(sumMs, performance.now() - s);
  }
  const breakdown = `loadProposalFacts ${factsMs.toFixed(0)} ms, summarizeProposals ${sumMs.toFixed(0)} ms`;
  const tm = timed(runs);
  console.log(
    `  ${label}: ${received} proposals; min ${tm.min.toFixed(0)} ms, median ${tm.median.toFixed(0)} ms, ` +
      `max ${tm.max.toFixed(0)} ms (${breakdown})`,
  );
  return { ...tm, received, breakdown, factsMs, sumMs };
}

export async function benchStats(ctx: StepContext): Promise<Pick<StepResults, 'statsSession' | 'statsYear'>> {
  const { data } = ctx;
  const statsSession = await statsRun(
    ctx,
    `statistics, ${data.largestSession.label}`,
    `sessionId=${data.largestSession.id}`,
    { sessionId: data.largestSession.id },
  );
  const statsYear = await statsRun(ctx, `statistics, year ${data.statsYear}`, `year=${data.statsYear}`, {
    year: data.statsYear,
  });
  return { statsSession, statsYear };
}
