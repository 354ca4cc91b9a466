/** Child processes of the test runner: each in its own process group, reaped on exit or Ctrl-C. */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
export const node = process.execPath;
export const minutes = (n: number) => n * 60_000;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every child runs in its own process group so that a timeout or Ctrl-C takes its whole tree down. */
export const children = new Set<ChildProcess>();

export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
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
export const tempDirs = new Set<string>();

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

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** 'inherit' streams to our terminal; 'pipe' gives the child back so the caller reads its output. */
  stdio?: 'inherit' | 'pipe';
}

/** Our environment plus overrides; an override of `undefined` removes the variable. */
export function mergeEnv(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...overrides };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

export function start(cmd: string, args: string[], opts: RunOptions = {}): ChildProcess {
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
export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<number> {
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

export async function stopChild(child: ChildProcess, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // SIGTERM to the app itself (not the group): it closes the server and the database.
  child.kill('SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  killGroup(child, 'SIGKILL'); // anything the app left in its group
}
