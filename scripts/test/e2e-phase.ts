/** The browser phase: build the web app, start the real app on a fresh embedded database, run e2e/ files. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from '../pg-cluster.ts';
import { findTests, nodeTest, type Outcome } from './node-test.ts';
import { minutes, node, root, run, sleep, start, stopChild, tempDirs } from './processes.ts';

const e2eGlobs = ['e2e/**/*.test.ts'];

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

export async function e2ePhase(filter: string | null): Promise<Outcome> {
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
