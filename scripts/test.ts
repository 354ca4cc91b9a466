/**
 * The whole test suite, what `npm test` runs:
 *   1. system deps (PostgreSQL, Chromium, CJK fonts; installed with apt-get when root)
 *   2. static   — tsc -p common/server/web/scripts, biome check .
 *   3. pglite   — server and common tests on the embedded database
 *   4. postgres — the same tests on a throwaway PostgreSQL cluster
 *   5. e2e      — build the web app, start the real app, run the browser flows
 * Every phase runs even if an earlier one failed; the last line is `N passed, N failed`.
 *
 * Developers can pick phases: `npm test -- --only=pglite,postgres` (static | pglite | postgres | e2e),
 * and narrow the test files: `npm test -- --only=pglite --files=server/src/modules/org`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type PgCluster, startPgCluster } from './pg-cluster.ts';
import { ensureSystemDeps, type SystemDep, SystemDepsError } from './system-deps.ts';
import { e2ePhase } from './test/e2e-phase.ts';
import { findTests, nodeTest, type Outcome } from './test/node-test.ts';
import { bin, minutes, root, run } from './test/processes.ts';

const phaseNames = ['static', 'pglite', 'postgres', 'e2e'] as const;
type PhaseName = (typeof phaseNames)[number];

interface PhaseResult extends Outcome {
  name: string;
  ms: number;
}

// ---------------------------------------------------------------------------------------------- arguments

function parseArgs(argv: string[]): { phases: PhaseName[]; files: string | null } {
  let phases: PhaseName[] = [...phaseNames];
  let files: string | null = null;
  for (const arg of argv) {
    if (arg.startsWith('--only=')) {
      const wanted = arg.slice('--only='.length).split(/[,|]/).filter(Boolean);
      const unknown = wanted.filter((w) => !(phaseNames as readonly string[]).includes(w));
      if (unknown.length > 0) {
        console.error(`unknown phase ${unknown.join(', ')}; phases are ${phaseNames.join(', ')}`);
        process.exit(2);
      }
      phases = wanted as PhaseName[];
    } else if (arg.startsWith('--files=')) {
      files = arg.slice('--files='.length);
    } else {
      console.error(
        `unknown argument ${arg}; use --only=${phaseNames.join(',')} and/or --files=<path fragment>`,
      );
      process.exit(2);
    }
  }
  return { phases, files };
}

// ---------------------------------------------------------------------------------------------- phases

const serverTestGlobs = ['server/src/**/*.test.ts', 'common/src/**/*.test.ts'];

async function staticPhase(): Promise<Outcome> {
  const out: Outcome = { passed: 0, failed: 0, notes: [] };
  for (const project of ['common', 'server', 'web', 'scripts']) {
    const t = performance.now();
    const code = await run(bin('tsc'), ['-p', project], { timeoutMs: minutes(5) });
    const s = ((performance.now() - t) / 1000).toFixed(1);
    console.log(`${code === 0 ? '✔' : '✖'} tsc -p ${project} (${s} s)`);
    if (code === 0) out.passed++;
    else {
      out.failed++;
      out.notes.push(`tsc -p ${project}`);
    }
  }
  const t = performance.now();
  const code = await run(bin('biome'), ['check', '.'], { timeoutMs: minutes(5) });
  const s = ((performance.now() - t) / 1000).toFixed(1);
  console.log(`${code === 0 ? '✔' : '✖'} biome check . (${s} s)`);
  if (code === 0) out.passed++;
  else {
    out.failed++;
    out.notes.push('biome check');
  }
  return out;
}

async function pgliteTests(filter: string | null): Promise<Outcome> {
  return nodeTest(
    'pglite',
    findTests(serverTestGlobs, filter),
    { TEST_DB: 'pglite' },
    {
      concurrency: 2,
      timeoutMs: minutes(10),
    },
  );
}

async function postgresTests(filter: string | null): Promise<Outcome> {
  const files = findTests(serverTestGlobs, filter);
  if (files.length === 0) return nodeTest('postgres', files, {}, { concurrency: 2, timeoutMs: 0 });
  let cluster: PgCluster;
  const t = performance.now();
  try {
    cluster = await startPgCluster();
  } catch (err) {
    console.log(`✖ could not start PostgreSQL: ${(err as Error).message}`);
    return { passed: 0, failed: 1, notes: ['PostgreSQL cluster did not start'] };
  }
  console.log(
    `PostgreSQL cluster on port ${cluster.port} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  try {
    return await nodeTest(
      'postgres',
      files,
      { TEST_DB: 'postgres', TEST_PG_URL: cluster.url },
      { concurrency: 2, timeoutMs: minutes(10) },
    );
  } finally {
    try {
      await cluster.stop();
      console.log('PostgreSQL cluster stopped');
    } catch (err) {
      console.log(`!! PostgreSQL cluster did not stop cleanly: ${(err as Error).message}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------- main

function heading(text: string) {
  console.log(`\n${'='.repeat(100)}\n== ${text}\n${'='.repeat(100)}`);
}

async function main() {
  const { phases, files } = parseArgs(process.argv.slice(2));
  const results: PhaseResult[] = [];
  const suiteStart = performance.now();

  const timed = async (name: string, title: string, fn: () => Promise<Outcome>) => {
    heading(title);
    const t = performance.now();
    let outcome: Outcome;
    try {
      outcome = await fn();
    } catch (err) {
      console.log(`✖ ${name} crashed: ${(err as Error).stack ?? err}`);
      outcome = { passed: 0, failed: 1, notes: [`crashed: ${(err as Error).message}`] };
    }
    const ms = performance.now() - t;
    console.log(
      `-- ${name}: ${outcome.passed} passed, ${outcome.failed} failed (${(ms / 1000).toFixed(1)} s)`,
    );
    results.push({ name, ms, ...outcome });
  };

  const need: SystemDep[] = [];
  if (phases.includes('postgres')) need.push('postgres');
  if (phases.includes('e2e')) need.push('chromium', 'fonts');
  let depsOk = true;
  if (need.length > 0) {
    await timed('system deps', '1. system dependencies', async () => {
      try {
        ensureSystemDeps(need);
        return { passed: 0, failed: 0, notes: [] };
      } catch (err) {
        if (!(err instanceof SystemDepsError)) throw err;
        console.log(err.message);
        depsOk = false;
        return { passed: 0, failed: 1, notes: ['missing system dependencies'] };
      }
    });
  }

  if (depsOk) {
    if (phases.includes('static')) await timed('static', '2. typecheck (tsc) and lint (biome)', staticPhase);
    if (phases.includes('pglite')) {
      await timed('pglite', '3. server tests on PGlite', () => pgliteTests(files));
    }
    if (phases.includes('postgres')) {
      await timed('postgres', '4. server tests on PostgreSQL', () => postgresTests(files));
    }
    if (phases.includes('e2e')) {
      await timed('e2e', '5. browser tests (Chromium, real app)', () => e2ePhase(files));
    }
  }

  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const total = performance.now() - suiteStart;
  heading('summary');
  for (const r of results) {
    const notes = r.notes.length > 0 ? `  (${r.notes.join('; ')})` : '';
    console.log(
      `${r.name.padEnd(12)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed ` +
        `${(r.ms / 1000).toFixed(1).padStart(7)} s${notes}`,
    );
  }
  console.log(`${'total'.padEnd(12)} ${(total / 1000).toFixed(1).padStart(33)} s`);
  const summary = `${passed} passed, ${failed} failed`;
  fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'test-results', 'summary.json'),
    `${JSON.stringify({ passed, failed, seconds: Math.round(total / 100) / 10, phases: results }, null, 2)}\n`,
  );
  console.log(`\n${summary}`);
  // Exit now: an imported server module may hold a handle open, and the exit hook reaps any child.
  process.exit(failed > 0 || !depsOk ? 1 : 0);
}

await main();
