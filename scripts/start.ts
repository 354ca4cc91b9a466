/**
 * `npm start`: builds the web app when its build is missing or older than its sources, then runs the
 * server in this same process (so Ctrl-C and SIGTERM reach the server's own shutdown handlers directly).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const builtIndex = path.join(root, 'web', 'dist', 'index.html');
const webSources = ['web/src', 'web/index.html', 'web/public', 'web/vite.config.ts', 'common/src'];

/** The newest modification time of a file or of any file below a folder (0 if it does not exist). */
function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows only as a newer folder mtime
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

function webBuildReason(): string | null {
  if (!fs.existsSync(builtIndex)) return 'web/dist/index.html is missing';
  const built = fs.statSync(builtIndex).mtimeMs;
  const stale = webSources.find((s) => newestMtime(path.join(root, s)) > built);
  return stale ? `${stale} changed since the last build` : null;
}

const reason = webBuildReason();
if (reason) {
  console.log(`building the web app (${reason}) …`);
  const r = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: root, stdio: 'inherit' });
  if (r.error || r.status !== 0) {
    console.error(
      `web build failed (${r.error?.message ?? `exit ${r.status}`}); fix it or run: npm run build`,
    );
    process.exit(1);
  }
}

await import(pathToFileURL(path.join(root, 'server', 'src', 'main.ts')).href);
