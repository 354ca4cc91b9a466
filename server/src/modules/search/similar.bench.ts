/**
 * Where the time of `similarProposals` goes, on PostgreSQL (not part of the tests; the full benchmark with
 * recall is scripts/bench/search.ts):
 *   npx node server/src/modules/search/similar.bench.ts [proposals=10000]
 * Builds the shared bench corpus (scripts/bench/search-data.ts) in a throwaway cluster, indexes it, then
 * times title-only and 2,000-character queries as a member, phase by phase (candidates SQL, rerank, views).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { generateSearchData } from '../../../../scripts/bench/search-data.ts';
import { startPgCluster } from '../../../../scripts/pg-cluster.ts';
import { openPostgres } from '../../platform/db/connect.ts';
import { reindexBatch } from './commands/reindex-committee.ts';
import { similarPhases, similarProposals } from './queries/similar-proposals.ts';

const total = Number(process.argv[2] ?? 10_000);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.floor((p / 100) * (xs.length - 1))]!;

async function main() {
  const cluster = await startPgCluster();
  const database = await openPostgres(cluster.url, 4);
  const db = database.db;
  try {
    const data = await generateSearchData(db, total);
    let after: string | undefined;
    const t0 = performance.now();
    do {
      after = (await db.transaction((tx) => reindexBatch(tx, data.committeeId, after))).next ?? undefined;
    } while (after);
    console.log(`indexed ${total} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await db.execute(sql`analyze`);
    const body = (i: number) => {
      const p = data.corpus.proposal(i);
      return `${p.situation}\n${p.analysis}\n${p.suggestions}`.slice(0, 2000);
    };
    for (const [label, input] of [
      ['title', (i: number) => ({ title: data.corpus.proposal(i).title })],
      ['body', (i: number) => ({ body: body(i) })],
    ] as const) {
      await similarProposals(db, data.member, input(1));
      const all: number[] = [];
      const phases: Record<string, number[]> = {};
      for (let k = 0; k < 30; k++) {
        const i = Math.floor((k * total) / 30);
        const s = performance.now();
        const times = await similarPhases(db, data.member, input(i));
        all.push(performance.now() - s);
        for (const [name, ms] of Object.entries(times)) phases[name] = [...(phases[name] ?? []), ms];
      }
      const parts = Object.entries(phases)
        .map(([name, xs]) => `${name} p50 ${pct(xs, 50).toFixed(1)}`)
        .join(', ');
      console.log(
        `${label}: p50 ${pct(all, 50).toFixed(1)} ms, p95 ${pct(all, 95).toFixed(1)} ms (${parts})`,
      );
    }
  } finally {
    await database.close();
    await cluster.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
