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
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, type PgCluster, startPgCluster } from './pg-cluster.ts';
import { ensureSystemDeps, type SystemDep, SystemDepsError } from './system-deps.ts';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const node = process.execPath;

const phaseNames = ['static', 'pglite', 'postgres', 'e2e'] as const;
type PhaseName = (typeof phaseNames)[number];

interface Outcome {
  passed: number;
  failed: number;
  notes: string[];
}
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

// ---------------------------------------------------------------------------------------------- children

/** Every child runs in its own process group so that a timeout or Ctrl-C takes its whole tree down. */
const children = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Temp folders to remove even when the run is interrupted. */
const tempDirs = new Set<string>();

process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping child processes and the database cluster`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

interface RunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** 'inherit' streams to our terminal; 'pipe' gives the child back so the caller reads its output. */
  stdio?: 'inherit' | 'pipe';
}

/** Our environment plus overrides; an override of `undefined` removes the variable. */
function mergeEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...overrides };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

function start(cmd: string, args: string[], opts: RunOptions = {}): ChildProcess {
  const child = spawn(cmd, args, {
    cwd: root,
    env: mergeEnv(opts.env),
    stdio: opts.stdio === 'pipe' ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Runs a command to completion; resolves with its exit code (a timeout kills it and gives 124). */
function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = start(cmd, args, opts);
    let timedOut = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          console.log(
            `\n!! ${path.basename(cmd)} ${args.join(' ')} timed out after ${opts.timeoutMs! / 1000} s`,
          );
          killGroup(child, 'SIGTERM');
          setTimeout(() => killGroup(child, 'SIGKILL'), 5000).unref();
        }, opts.timeoutMs)
      : null;
    child.once('error', (err) => {
      console.log(`!! could not start ${cmd}: ${err.message}`);
      if (timer) clearTimeout(timer);
      resolve(127);
    });
    child.once('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(timedOut ? 124 : (code ?? (signal ? 128 : 1)));
    });
  });
}

async function stopChild(child: ChildProcess, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // SIGTERM to the app itself (not the group): it closes the server and the database.
  child.kill('SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  killGroup(child, 'SIGKILL'); // anything the app left in its group
}

// ---------------------------------------------------------------------------------------------- node --test

function findTests(patterns: string[], filter: string | null): string[] {
  const files = fs
    .globSync(patterns, { cwd: root, exclude: (f) => path.basename(String(f)) === 'node_modules' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => filter === null || f.includes(filter))
    .sort();
  return [...new Set(files)];
}

/** Reads the summary block the TAP reporter writes last (`# pass N`, `# fail N`, `# cancelled N`). */
function tapCounts(tapFile: string): { pass: number; fail: number; cancelled: number } | null {
  let text: string;
  try {
    text = fs.readFileSync(tapFile, 'utf8');
  } catch {
    return null;
  }
  const count = (key: string) => {
    const all = [...text.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    const last = all.at(-1);
    return last ? Number(last[1]) : null;
  };
  const pass = count('pass');
  const fail = count('fail');
  if (pass === null || fail === null) return null;
  return { pass, fail, cancelled: count('cancelled') ?? 0 };
}

async function nodeTest(
  label: string,
  files: string[],
  env: NodeJS.ProcessEnv,
  opts: { concurrency: number; timeoutMs: number },
): Promise<Outcome> {
  if (files.length === 0) {
    console.log(`(no ${label} test files found)`);
    return { passed: 0, failed: 0, notes: ['no test files'] };
  }
  console.log(`${files.length} file(s)`);
  const results = path.join(root, 'test-results');
  fs.mkdirSync(results, { recursive: true });
  const tapFile = path.join(results, `${label}.tap`);
  fs.rmSync(tapFile, { force: true });
  const code = await run(
    node,
    [
      '--test',
      `--test-concurrency=${opts.concurrency}`,
      // A file that leaves a handle open (a pool, a timer) would otherwise hang the phase until its timeout.
      '--test-force-exit',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    { env, timeoutMs: opts.timeoutMs },
  );
  const counts = tapCounts(tapFile);
  if (!counts) {
    return { passed: 0, failed: 1, notes: [`node --test exited ${code} without a summary`] };
  }
  const failed = counts.fail + counts.cancelled;
  const notes = counts.cancelled > 0 ? [`${counts.cancelled} cancelled`] : [];
  if (code !== 0 && failed === 0) {
    // e.g. the runner itself crashed or timed out after the last test: never report that as green.
    return { passed: counts.pass, failed: 1, notes: [...notes, `node --test exited ${code}`] };
  }
  return { passed: counts.pass, failed, notes };
}

// ---------------------------------------------------------------------------------------------- phases

const serverTestGlobs = ['server/src/**/*.test.ts', 'common/src/**/*.test.ts'];
const e2eGlobs = ['e2e/**/*.test.ts'];
const minutes = (n: number) => n * 60_000;

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

/** The password the demo seed gives every demo login: the seed's export, else the app's start-up line. */
async function demoPasswordFrom(startupOutput: string): Promise<string | null> {
  const seedFile = path.join(root, 'server/src/modules/demo/seed-demo.ts');
  if (fs.existsSync(seedFile)) {
    try {
      const seed = (await import(pathToFileURL(seedFile).href)) as { demoPassword?: unknown };
      if (typeof seed.demoPassword === 'string') return seed.demoPassword;
    } catch (err) {
      console.log(`(could not import seed-demo.ts: ${(err as Error).message}; reading the start-up output)`);
    }
  }
  const match = /密码均为\s*([^\s）)]+)/.exec(startupOutput);
  return match?.[1] ?? null;
}

async function e2ePhase(filter: string | null): Promise<Outcome> {
  const files = findTests(e2eGlobs, filter);

  let t = performance.now();
  console.log('building the web app: npm run build --workspace web');
  const buildCode = await run('npm', ['run', 'build', '--workspace', 'web'], { timeoutMs: minutes(5) });
  if (buildCode !== 0) {
    console.log(`✖ web build failed (exit ${buildCode})`);
    return { passed: 0, failed: 1, notes: ['web build failed'] };
  }
  console.log(`✔ web build (${((performance.now() - t) / 1000).toFixed(1)} s)`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-e2e-'));
  tempDirs.add(dataDir);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  t = performance.now();
  const app = start(node, ['server/src/main.ts'], {
    env: {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: undefined,
    },
    stdio: 'pipe',
  });
  let output = '';
  const forward = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    for (const line of text.split('\n')) if (line.trim()) console.log(`  [app] ${line}`);
  };
  app.stdout?.on('data', forward);
  app.stderr?.on('data', forward);
  const appExit = new Promise<string>((resolve) =>
    app.once('exit', (code, signal) => resolve(`exited (${signal ?? code})`)),
  );

  try {
    const ready = await Promise.race([waitForHealth(baseUrl, 60_000), appExit]);
    if (ready !== 'ok') {
      console.log(`✖ the app did not answer GET /api/health with 200: ${ready}`);
      return { passed: 0, failed: 1, notes: ['app did not start'] };
    }
    console.log(`✔ app up at ${baseUrl} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    // The start-up banner is printed right after listen(); give it a moment to arrive.
    for (let i = 0; i < 20 && !output.includes('密码均为'); i++) await sleep(100);
    const password = await demoPasswordFrom(output);
    if (!password) {
      console.log('✖ could not learn the demo password (no demoPassword export, no "密码均为" line)');
      return { passed: 0, failed: 1, notes: ['demo password unknown'] };
    }
    const artifacts = path.join(root, 'test-results', 'e2e');
    fs.rmSync(artifacts, { recursive: true, force: true });
    fs.mkdirSync(artifacts, { recursive: true });
    // One browser at a time: the flows share one app and one database, and Chromium is heavy on 2 cores.
    return await nodeTest(
      'e2e',
      files,
      {
        E2E_BASE_URL: baseUrl,
        E2E_ADMIN_USER: 'admin',
        E2E_ADMIN_PASSWORD: password,
        E2E_ARTIFACTS: artifacts,
      },
      { concurrency: 1, timeoutMs: minutes(8) },
    );
  } finally {
    await stopChild(app);
    fs.rmSync(dataDir, { recursive: true, force: true });
    tempDirs.delete(dataDir);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return 'ok';
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(250);
  }
  return `timed out after ${timeoutMs / 1000} s (${last})`;
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
