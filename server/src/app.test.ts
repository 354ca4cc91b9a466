import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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
