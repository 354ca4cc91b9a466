/** Runs `node --test` over a set of files and reads its TAP summary. */
import fs from 'node:fs';
import path from 'node:path';
import { node, root, run } from './processes.ts';

export interface Outcome {
  passed: number;
  failed: number;
  notes: string[];
}

export function findTests(patterns: string[], filter: string | null): string[] {
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

export async function nodeTest(
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
      // No --test-force-exit: with concurrency it drops a child's buffered results, and the run reports
      // fewer tests, still green (nodejs/node#64833; seen here as 364 of 369). A file that leaves a handle
      // open hangs the phase until its timeout instead, which fails loudly.
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
