/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temp folder, a free loopback port,
 * durability off (fsync, synchronous_commit, full_page_writes) because the data is thrown away anyway.
 * As root, initdb and pg_ctl run as the `postgres` OS user (PostgreSQL refuses to run as root).
 *
 * Run on its own to get a cluster for manual work: `node scripts/pg-cluster.ts` (Ctrl-C stops it).
 */
import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { findPgBinDir } from './system-deps.ts';

export interface PgCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth on loopback). */
  url: string;
  port: number;
  /** The temp folder holding the data directory, the socket and the server log. */
  dir: string;
  /** Fast shutdown, waits until the postmaster is gone, removes the folder. Safe to call twice. */
  stop(): Promise<void>;
}

/** A port the kernel just handed out on 127.0.0.1 (closed again before PostgreSQL binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const isRoot = process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid <= 0) {
    throw new Error('pg-cluster: running as root but there is no `postgres` OS user (install postgresql)');
  }
  return { uid, gid };
}

/** Runs a PostgreSQL binary, as the postgres user when we are root. Throws with its output on failure. */
function pgRun(bin: string, args: string[], opts: SpawnSyncOptions = {}): string {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: '/', timeout: 60_000, ...opts });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error || r.status !== 0) {
    throw new Error(
      `pg-cluster: ${path.basename(bin)} failed (${r.error?.message ?? `exit ${r.status}`}):\n${out.trim()}`,
    );
  }
  return out;
}

function readPostmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Alive and not a zombie (a killed postmaster lingers as a zombie until its parent reaps it). */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isRunning(pid);
}

function tailOf(file: string, lines = 20): string {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

/** Synchronous last-resort stop for process exit: immediate shutdown, kill, remove the folder. */
function stopNow(dir: string, dataDir: string, pgCtl: string) {
  const pid = readPostmasterPid(dataDir);
  if (pid !== null && isRunning(pid)) {
    try {
      pgRun(pgCtl, ['-D', dataDir, 'stop', '-m', 'immediate', '-w', '-t', '10'], { stdio: 'ignore' });
    } catch {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Starts a fresh cluster. Registers exit/signal clean-up so an interrupted run leaves no server behind. */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgBinDir();
  if (!bin) throw new Error('pg-cluster: no PostgreSQL server found under /usr/lib/postgresql/*/bin');
  const initdb = path.join(bin, 'initdb');
  const pgCtl = path.join(bin, 'pg_ctl');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  let stopped = false;
  const onExit = () => {
    if (!stopped) stopNow(dir, dataDir, pgCtl);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', onExit);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const unregister = () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };

  try {
    if (isRoot) {
      const { uid, gid } = postgresIds();
      fs.chownSync(dir, uid, gid);
    }
    pgRun(initdb, [
      '-D',
      dataDir,
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '-U',
      'postgres',
      '--auth=trust',
      '--no-sync',
    ]);

    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-c unix_socket_directories=${dir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        // -l: the postmaster must not inherit our pipes, or spawnSync would wait for it to exit.
        pgRun(pgCtl, ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'], {
          stdio: 'ignore',
        });
        break;
      } catch (err) {
        // Another process may have taken the port between freePort() and bind: try another one.
        if (attempt >= 3) throw new Error(`${(err as Error).message}\n${tailOf(logFile)}`);
        const pid = readPostmasterPid(dataDir);
        if (pid !== null) await waitForExit(pid, 10_000);
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;

    const stop = async () => {
      if (stopped) return;
      const pid = readPostmasterPid(dataDir);
      try {
        pgRun(pgCtl, ['-D', dataDir, 'stop', '-m', 'fast', '-w', '-t', '30'], { stdio: 'ignore' });
      } catch {
        if (pid !== null) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      if (pid !== null && !(await waitForExit(pid, 15_000))) {
        throw new Error(`pg-cluster: postmaster ${pid} did not exit`);
      }
      stopped = true;
      unregister();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { url, port, dir, stop };
  } catch (err) {
    onExit();
    stopped = true;
    unregister();
    throw err;
  }
}

if (import.meta.main) {
  const cluster = await startPgCluster();
  console.log(`PostgreSQL running: ${cluster.url}  (Ctrl-C stops it and deletes ${cluster.dir})`);
  // Signal listeners do not keep the event loop alive: without the timer, Node would exit at once.
  const keepAlive = setInterval(() => {}, 60_000);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearInterval(keepAlive);
  await cluster.stop();
  console.log('PostgreSQL stopped');
}
