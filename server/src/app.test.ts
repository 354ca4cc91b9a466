import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { startTestApp, type TestApp } from './test/http.ts';

describe('HTTP application', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('publishes an OpenAPI document generated from the zod schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.paths['/api/org/members']?.get);
    assert.ok(doc.paths['/api/org/members']?.post?.requestBody);
    assert.ok(doc.paths['/api/auth/sign-in']?.post);
    const body = doc.paths['/api/auth/sign-in'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(body.required.sort(), ['password', 'username']);
  });

  it('serves the interactive API docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger/i);
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'ROUTE_NOT_FOUND');
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { 'accept-language': 'en-US' },
    });
    assert.equal(res.json().error.message, 'Please sign in');
  });

  it('rate-limits sign-in attempts from one address', async () => {
    let last = 0;
    for (let i = 0; i < 22; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { username: `nobody${i}`, password: 'x' },
        remoteAddress: '10.9.9.9',
      });
      last = res.statusCode;
    }
    assert.equal(last, 429);
  });
});

describe('serving the web app', () => {
  let t: TestApp;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-dist-'));
  before(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><html lang="zh-CN"><title>同心</title></html>',
    );
    fs.writeFileSync(path.join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    t = await startTestApp();
    app = await buildApp(
      t.database.db,
      loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent', WEB_DIST: dist }),
    );
  });
  after(async () => {
    await app.close();
    await t.close();
  });

  it('serves pages, client-side routes, assets — also ones built after start-up — and 404s the rest', async () => {
    const get = (url: string) => app.inject({ method: 'GET', url });
    assert.match((await get('/')).body, /同心/);
    assert.match((await get('/proposals/123')).body, /同心/);
    assert.equal((await get('/assets/app-1.js')).body, 'console.log(1)');
    fs.writeFileSync(path.join(dist, 'assets', 'app-2.js'), 'console.log(2)');
    assert.equal((await get('/assets/app-2.js')).body, 'console.log(2)');
    assert.equal((await get('/assets/gone.js')).statusCode, 404);
    const api = await get('/api/nothing-here');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'ROUTE_NOT_FOUND');
    assert.equal((await get('/api/org/members')).statusCode, 401);
  });
});
