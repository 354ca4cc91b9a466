import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '@tongxin/common/roles.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, client, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { buildMemberSheet } from './import/import-fixtures.ts';

/**
 * Expected answers, written out by hand (not derived from the policy table they check).
 * Columns: the endpoints below, in order.
 */
const matrix = `
role                lsMem  addMem lsHU   addHU  lsSO   lsSec  addSec audit  users  import
sysadmin            200    201    200    201    200    200    201    200    200    200
proposal_staff      200    403    200    201    200    200    403    403    403    403
liaison_staff       200    201    200    403    200    200    201    403    403    200
chair_council       200    403    200    403    200    200    403    403    403    403
info_staff          200    403    200    403    200    200    403    403    403    403
office_staff        200    403    200    403    200    200    403    403    403    403
committee_staff     200    403    200    403    200    200    403    403    403    403
member              200    403    403    403    403    200    403    403    403    403
standing_member     200    403    403    403    403    200    403    403    403    403
unit_liaison        200    403    403    403    403    200    403    403    403    403
handler_clerk       403    403    200    403    403    200    403    403    403    403
handler_leader      403    403    200    403    403    200    403    403    403    403
supervision_office  403    403    200    403    200    200    403    403    403    403
`;

describe('permissions', () => {
  let t: TestApp;
  let c: TestCommittee;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
  });
  after(() => t.close());

  let n = 0;
  const uniqueName = () =>
    `单位${'甲乙丙丁戊己庚辛壬癸'[n % 10]}${'子丑寅卯辰巳午未申酉戌亥'[Math.floor(n++ / 10) % 12]}`;
  const endpoints: ((api: Client) => Promise<number>)[] = [
    async (api) => (await api.get('/api/org/members')).statusCode,
    async (api) =>
      (
        await api.post('/api/org/members', {
          termId: c.termId,
          name: `许${uniqueName().slice(2)}`,
          gender: 'female',
          politicalAffiliation: 'masses',
          sectorId: c.sectorIds[1],
          joinedAt: '2023-01-01',
        })
      ).statusCode,
    async (api) => (await api.get('/api/org/handler-units')).statusCode,
    async (api) =>
      (await api.post('/api/org/handler-units', { name: `测试市${uniqueName()}局`, system: 'government' }))
        .statusCode,
    async (api) => (await api.get('/api/org/supervision-offices')).statusCode,
    async (api) => (await api.get('/api/org/sectors')).statusCode,
    async (api) =>
      (await api.post('/api/org/sectors', { name: `${uniqueName()}界`, kind: 'professional' })).statusCode,
    async (api) => (await api.get('/api/audit-events')).statusCode,
    async (api) => (await api.get('/api/users')).statusCode,
    async (api) => {
      const file = await buildMemberSheet([]);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)]), 'members.xlsx');
      const req = new Request('http://x', { method: 'POST', body: form });
      const res = await api.send({
        method: 'POST',
        url: '/api/org/members/import?dryRun=true',
        headers: { 'content-type': req.headers.get('content-type') ?? '' },
        payload: Buffer.from(await req.arrayBuffer()),
      });
      return res.statusCode;
    },
  ];

  const rows = matrix
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/));

  for (const [role, ...expected] of rows) {
    it(`${role}: ${expected.join(' ')}`, async () => {
      const api = await signInAs(t.app, await createTestUser(t.database.db, c, [role as Role]));
      const actual: string[] = [];
      for (const call of endpoints) actual.push(String(await call(api)));
      assert.deepEqual(actual, expected);
    });
  }

  it('anonymous callers get 401 on every endpoint', async () => {
    const anon = client(t.app);
    for (const call of endpoints) assert.equal(await call(anon), 401);
  });

  describe("another body's data is not found (404)", () => {
    it('a handler clerk sees only their own unit', async () => {
      const [mine, theirs] = c.handlerUnitIds as [string, string];
      const api = await signInAs(
        t.app,
        await createTestUser(t.database.db, c, [{ role: 'handler_clerk', scopeId: mine }]),
      );
      assert.equal((await api.get(`/api/org/handler-units/${mine}`)).statusCode, 200);
      assert.equal((await api.get(`/api/org/handler-units/${theirs}`)).statusCode, 404);
      const list = (await api.get('/api/org/handler-units')).json();
      assert.deepEqual(
        list.items.map((u: { id: string }) => u.id),
        [mine],
      );
      assert.equal(list.items[0].abilities.update, false);
    });

    it("a unit liaison sees only their unit's members, with contact details", async () => {
      const api = await signInAs(
        t.app,
        await createTestUser(t.database.db, c, [{ role: 'unit_liaison', scopeId: c.unitIds[0]! }]),
      );
      const list = (await api.get('/api/org/members?pageSize=100')).json();
      assert.ok(list.items.length >= 2);
      assert.ok(
        list.items.every((m: { participatingUnitId: string }) => m.participatingUnitId === c.unitIds[0]),
      );
      assert.ok(list.items.every((m: { mobile?: string }) => typeof m.mobile === 'string'));
      const otherUnitMember = c.memberIds[1]!;
      assert.equal((await api.get(`/api/org/members/${otherUnitMember}`)).statusCode, 404);
    });

    it('a supervision office sees only itself', async () => {
      const other = (
        await (
          await signInAs(t.app, await createTestUser(t.database.db, c, ['sysadmin']))
        ).post('/api/org/supervision-offices', {
          name: '测试市委督查室',
          system: 'party',
        })
      ).json();
      const api = await signInAs(t.app, await createTestUser(t.database.db, c, ['supervision_office']));
      assert.equal((await api.get(`/api/org/supervision-offices/${c.supervisionOfficeId}`)).statusCode, 200);
      assert.equal((await api.get(`/api/org/supervision-offices/${other.id}`)).statusCode, 404);
    });
  });

  it('members see the member list without contact details', async () => {
    const api = await signInAs(t.app, await createTestUser(t.database.db, c, ['member']));
    const list = (await api.get('/api/org/members')).json();
    assert.ok(list.items.length >= 4);
    for (const m of list.items) {
      assert.equal('mobile' in m, false);
      assert.equal('birthDate' in m, false);
      assert.deepEqual(m.abilities, { update: false, delete: false });
    }
    const exported = await api.get('/api/org/members/export.xlsx');
    assert.equal(exported.statusCode, 200);
    assert.doesNotMatch(exported.rawPayload.toString('latin1'), /139\d{8}/);
  });

  it('the abilities sent to the web app match what the server allows', async () => {
    const api = await signInAs(t.app, await createTestUser(t.database.db, c, ['handler_clerk']));
    const me = (await api.get('/api/auth/me')).json();
    assert.equal(me.abilities['org.members.read'], false);
    assert.equal(me.abilities['org.handler-units.read'], true);
    assert.equal(me.abilities['org.handler-units.manage'], false);
    assert.equal(me.abilities['audit.read'], false);
  });
});
