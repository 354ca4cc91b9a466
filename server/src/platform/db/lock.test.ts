import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from './lock.ts';

const lockModule = path.join(import.meta.dirname, 'lock.ts');
const mainModule = path.join(import.meta.dirname, '../../main.ts');
const children: ChildProcess[] = [];

/** Waits until the child prints a line matching `re`, or exits. */
function waitFor(
  child: ChildProcess,
  re: RegExp,
  ms = 60_000,
): Promise<{ matched: boolean; output: string; code: number | null }> {
  return new Promise((resolve) => {
    let output = '';
    const done = (matched: boolean, code: number | null = null) => {
      clearTimeout(timer);
      resolve({ matched, output, code });
    };
    const timer = setTimeout(() => done(false), ms);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (re.test(output)) done(true);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => done(re.test(output), code));
  });
}

describe('the embedded data folder is locked to one process', () => {
  after(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  it('refuses a second holder while the first process lives, and takes over a dead one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-lock-'));
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { acquireDataDirLock } from ${JSON.stringify(lockModule)}; acquireDataDirLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    children.push(holder);
    assert.ok((await waitFor(holder, /locked/)).matched);
    assert.throws(
      () => acquireDataDirLock(dir),
      (err: Error) => err instanceof DataDirLockedError && /已被另一个同心进程/.test(err.message),
    );
    holder.kill('SIGKILL');
    await new Promise((r) => holder.once('exit', r));
    const release = acquireDataDirLock(dir);
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'tongxin.lock'), 'utf8')).pid, process.pid);
    release();
    assert.equal(fs.existsSync(path.join(dir, 'tongxin.lock')), false);
  });

  it('a second `npm start` on the same data folder stops with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-start-'));
    const { DATABASE_URL: _unused, ...inherited } = process.env;
    const env = {
      ...inherited,
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
    };
    const first = spawn(process.execPath, [mainModule], {
      env: { ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(first);
    const started = await waitFor(first, /同心 Tongxin 已启动/);
    assert.ok(started.matched, started.output);
    const second = spawn(process.execPath, [mainModule], {
      env: { ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(second);
    const refused = await waitFor(second, /已被另一个同心进程/);
    assert.ok(refused.matched, refused.output);
    const code = await new Promise((r) =>
      second.exitCode !== null ? r(second.exitCode) : second.once('exit', r),
    );
    assert.equal(code, 1);
    first.kill('SIGTERM');
  });
});
