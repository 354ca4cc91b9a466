import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { demoPassword } from '../demo/seed-demo.ts';

const mainModule = path.join(import.meta.dirname, '../../main.ts');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function start(dataDir: string, port: number): Promise<ChildProcess> {
  const { DATABASE_URL: _unused, ...env } = process.env;
  const child = spawn(process.execPath, [mainModule], {
    env: {
      ...env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      JOBS: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('已启动')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', () => reject(new Error(`exited: ${out}`)));
  });
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  assert.equal(res.status, 200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function call(base: string, cookie: string, method: string, url: string, body?: unknown) {
  return fetch(`${base}${url}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

describe('a killed server loses no acknowledged submission (embedded database)', () => {
  const children: ChildProcess[] = [];
  after(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  it('every submission answered 200 before SIGKILL is there after restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-crash-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await start(dataDir, port);
    children.push(first);
    // A session whose plenary window is open today, so submissions are accepted whatever the date.
    const admin = await signIn(base, 'admin');
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    // Its own term around today, so the test does not depend on the demo term's dates.
    const term = await call(base, admin, 'POST', '/api/org/terms', {
      termNo: 30,
      startDate: day(-10),
      endDate: day(1800),
    });
    assert.equal(term.status, 201, await term.clone().text());
    const session = await call(base, admin, 'POST', '/api/org/sessions', {
      termId: ((await term.json()) as { id: string }).id,
      sessionNo: 9,
      openDate: day(40),
      closeDate: day(44),
      proposalDeadline: `${day(43)}T18:00:00+08:00`,
    });
    assert.equal(session.status, 201, await session.clone().text());

    const member = await signIn(base, 'member');
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const draft = await call(base, member, 'POST', '/api/proposals', {
            proposerKind: 'member_individual',
            title: `关于第${w}-${i}项民生实事的建议`,
            situation: '情况',
            analysis: '分析',
            suggestions: '建议',
            category: 'society',
          });
          if (draft.status !== 201) continue;
          const p = (await draft.json()) as { id: string; version: number };
          const sub = await call(base, member, 'POST', `/api/proposals/${p.id}/submit`, {
            expectedVersion: p.version,
          });
          if (sub.status === 200) acknowledged.push(p.id);
        } catch {
          return; // the server is gone
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await new Promise((r) => setTimeout(r, 2500));
    const exited = new Promise((r) => first.once('exit', r));
    first.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await exited;
    assert.ok(acknowledged.length >= 5, `only ${acknowledged.length} submissions before the kill`);

    const second = await start(dataDir, port);
    children.push(second);
    const staff = await signIn(base, 'admin');
    const missing: string[] = [];
    for (const id of acknowledged) {
      const res = await call(base, staff, 'GET', `/api/proposals/${id}`);
      const body = res.status === 200 ? ((await res.json()) as { state: string; intakeNo: number }) : null;
      if (body?.state !== 'submitted' || !body.intakeNo) missing.push(id);
    }
    assert.deepEqual(
      missing,
      [],
      `${missing.length} of ${acknowledged.length} acknowledged submissions lost`,
    );
    second.kill('SIGTERM');
  });
});
