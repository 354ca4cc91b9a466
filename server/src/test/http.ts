import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../platform/db/connect.ts';
import { openTestDatabase } from './db.ts';
import type { TestUser } from './factories.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The real application on a fresh database of the engine under test. */
export async function startTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', WEB_DIST: '/nonexistent' });
  const app = await buildApp(database.db, config);
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Signs in and returns a client whose requests carry the session cookie. */
export async function signInAs(app: FastifyInstance, user: TestUser): Promise<Client> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { username: user.username, password: user.password },
  });
  if (res.statusCode !== 200)
    throw new Error(`sign-in failed for ${user.username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tongxin_session');
  if (!cookie) throw new Error('no session cookie');
  return client(app, `tongxin_session=${cookie.value}`);
}

export type Client = ReturnType<typeof client>;

export function client(app: FastifyInstance, cookie?: string) {
  const send = (opts: InjectOptions): Promise<LightMyRequestResponse> =>
    app.inject({ ...opts, headers: { ...(cookie ? { cookie } : {}), ...(opts.headers ?? {}) } });
  return {
    cookie,
    send,
    get: (url: string) => send({ method: 'GET', url }),
    post: (url: string, payload?: unknown) =>
      send({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
    patch: (url: string, payload?: unknown) =>
      send({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    del: (url: string) => send({ method: 'DELETE', url }),
  };
}

/** Asserts the API's error shape and returns the error. */
export function errorOf(res: LightMyRequestResponse): {
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
} {
  const body = res.json() as {
    error?: { code: string; message: string; details?: unknown; requestId: string };
  };
  if (!body.error) throw new Error(`expected an error body, got ${res.statusCode} ${res.body}`);
  return body.error;
}
