import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import type { Db } from '../../server/src/platform/db/connect.ts';

/** The real application on a loopback port, as the benchmarks measure it (no logs, demo data or jobs). */
export async function listenBenchApp(
  db: Db,
  dataDir: string,
): Promise<{ app: FastifyInstance; base: string }> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    DEMO_DATA: 'off',
    JOBS: 'off',
    WEB_DIST: path.join(dataDir, 'no-web'),
  });
  const app = await buildApp(db, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}` };
}

/** Signs in over HTTP and returns the `tongxin_session=…` cookie pair. */
export async function benchSignIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith('tongxin_session='));
  if (res.status !== 200 || !session)
    throw new Error(`sign-in failed: HTTP ${res.status} ${await res.text()}`);
  return session.split(';')[0]!;
}
