/**
 * Ensures what the test suite needs from the operating system: a PostgreSQL server (initdb, pg_ctl),
 * Debian's Chromium for the browser tests and a CJK font (without one every Chinese glyph is a box).
 * As root it installs what is missing with apt-get; otherwise it stops with one line naming what is
 * missing and the command to run. It never skips silently.
 *
 * Run on its own: `node scripts/system-deps.ts [--only=postgres,chromium,fonts]`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type SystemDep = 'postgres' | 'chromium' | 'fonts';
export const allSystemDeps: readonly SystemDep[] = ['postgres', 'chromium', 'fonts'];

export const chromiumPath = '/usr/bin/chromium';

const aptPackages: Record<SystemDep, string[]> = {
  postgres: ['postgresql', 'postgresql-contrib'],
  chromium: ['chromium'],
  fonts: ['fonts-noto-cjk'],
};

/** Thrown when something is missing and cannot be installed; the message is the one line to print. */
export class SystemDepsError extends Error {}

/** The newest `/usr/lib/postgresql/<version>/bin` that has both initdb and pg_ctl, or null. */
export function findPgBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  let versions: string[];
  try {
    versions = fs.readdirSync(root);
  } catch {
    return null;
  }
  const usable = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(root, v, 'bin'))
    .filter((bin) => fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl')));
  return usable[0] ?? null;
}

function hasChromium(): boolean {
  try {
    fs.accessSync(chromiumPath, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether fc-list exists at all (it comes with the `fontconfig` package). */
function hasFcList(): boolean {
  return spawnSync('fc-list', ['--version'], { stdio: 'ignore' }).error === undefined;
}

function hasCjkFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function isPresent(dep: SystemDep): boolean {
  switch (dep) {
    case 'postgres':
      return findPgBinDir() !== null;
    case 'chromium':
      return hasChromium();
    case 'fonts':
      return hasCjkFont();
  }
}

const describe: Record<SystemDep, string> = {
  postgres: 'PostgreSQL server (initdb/pg_ctl under /usr/lib/postgresql/*/bin)',
  chromium: `Chromium (${chromiumPath})`,
  fonts: 'CJK fonts (fc-list :lang=zh is empty)',
};

function packagesFor(missing: SystemDep[]): string[] {
  const pkgs = missing.flatMap((d) => aptPackages[d]);
  // fc-list itself is in `fontconfig`, which --no-install-recommends does not pull in.
  if (missing.includes('fonts') && !hasFcList()) pkgs.push('fontconfig');
  return pkgs;
}

function run(cmd: string, args: string[], log: (line: string) => void, label: string) {
  const started = performance.now();
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (r.error || r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new SystemDepsError(
      `system deps: \`${cmd} ${args.join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`}):\n${tail}`,
    );
  }
  log(`system deps: ${label} (${seconds} s)`);
}

/**
 * Checks the given dependencies and installs the missing ones when running as root.
 * Throws SystemDepsError (one printable line) when something is missing and cannot be installed.
 */
export function ensureSystemDeps(
  need: readonly SystemDep[] = allSystemDeps,
  log: (line: string) => void = console.log,
): void {
  const missing = need.filter((d) => !isPresent(d));
  if (missing.length === 0) {
    log(`system deps: ok (${need.join(', ')})`);
    return;
  }
  const pkgs = packagesFor(missing);
  const aptCommand = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${pkgs.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new SystemDepsError(
      `system deps: missing ${missing.map((d) => describe[d]).join('; ')} — run as root: ${aptCommand}`,
    );
  }
  log(`system deps: missing ${missing.join(', ')}; installing ${pkgs.join(' ')}`);
  run('apt-get', ['update'], log, 'apt-get update');
  run(
    'apt-get',
    ['install', '-y', '--no-install-recommends', ...pkgs],
    log,
    `apt-get install ${pkgs.join(' ')}`,
  );
  const still = missing.filter((d) => !isPresent(d));
  if (still.length > 0) {
    throw new SystemDepsError(
      `system deps: still missing after apt-get install: ${still.map((d) => describe[d]).join('; ')}`,
    );
  }
  log(`system deps: ok (${need.join(', ')})`);
}

if (import.meta.main) {
  const only = process.argv.find((a) => a.startsWith('--only='));
  const need = only
    ? (only.slice('--only='.length).split(',') as SystemDep[]).filter((d) => allSystemDeps.includes(d))
    : allSystemDeps;
  try {
    ensureSystemDeps(need);
  } catch (err) {
    if (!(err instanceof SystemDepsError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
