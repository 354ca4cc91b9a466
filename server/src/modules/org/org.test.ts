import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { members } from './schema.ts';

describe('organisation directory', () => {
  let t: TestApp;
  let c: TestCommittee;
  let staff: Client;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    staff = await signInAs(t.app, await createTestUser(t.database.db, c, ['liaison_staff']));
  });
  after(() => t.close());

  const memberCount = async () =>
    (await t.database.db.select({ n: count() }).from(members).where(eq(members.committeeId, c.id)))[0]!.n;
  const auditRows = async (targetId: string) =>
    t.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId));
  const newMember = (over: Record<string, unknown> = {}) => ({
    termId: c.termId,
    name: '欧阳明远',
    gender: 'male',
    politicalAffiliation: 'cdl',
    sectorId: c.sectorIds[0],
    participatingUnitId: c.unitIds[0],
    specialCommitteeIds: [c.committeeIds[1]],
    workUnit: '测试市第一中学',
    jobTitle: '校长',
    mobile: '13912345678',
    joinedAt: '2024-03-01',
    ...over,
  });

  it('creates a member with one audit row, and finds it by name and by sector', async () => {
    const res = await staff.post('/api/org/members', newMember());
    assert.equal(res.statusCode, 201, res.body);
    const m = res.json();
    assert.equal(m.name, '欧阳明远');
    assert.equal(m.sectorName, '中国民主同盟');
    assert.equal(m.participatingUnitName, '民盟测试市委员会');
    assert.deepEqual(
      m.specialCommittees.map((x: { name: string }) => x.name),
      ['教育科技卫生体育委员会'],
    );
    assert.equal(m.version, 1);
    assert.deepEqual(m.abilities, { update: true, delete: true });
    const audits = await auditRows(m.id);
    assert.equal(audits.length, 1);
    assert.equal(audits[0]!.action, 'member.created');
    assert.ok(audits[0]!.requestId);
    const found = (await staff.get(`/api/org/members?q=${encodeURIComponent('欧阳')}`)).json();
    assert.deepEqual(
      found.items.map((x: { id: string }) => x.id),
      [m.id],
    );
    const bySector = (await staff.get(`/api/org/members?sectorId=${c.sectorIds[0]}&pageSize=50`)).json();
    assert.ok(bySector.items.every((x: { sectorId: string }) => x.sectorId === c.sectorIds[0]));
    assert.ok(bySector.items.some((x: { id: string }) => x.id === m.id));
    const byCommittee = (await staff.get(`/api/org/members?specialCommitteeId=${c.committeeIds[1]}`)).json();
    assert.deepEqual(
      byCommittee.items.map((x: { id: string }) => x.id),
      [m.id],
    );
  });

  it('updates with the expected version, records before/after, and refuses a stale version with 409', async () => {
    const m = (
      await staff.post('/api/org/members', newMember({ name: '司马青', mobile: '13800000001' }))
    ).json();
    const ok = await staff.patch(`/api/org/members/${m.id}`, { jobTitle: '副校长', expectedVersion: 1 });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().jobTitle, '副校长');
    assert.equal(ok.json().version, 2);
    const stale = await staff.patch(`/api/org/members/${m.id}`, { jobTitle: '教师', expectedVersion: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(errorOf(stale).code, 'VERSION_CONFLICT');
    const [row] = await t.database.db.select().from(members).where(eq(members.id, m.id));
    assert.equal(row!.jobTitle, '副校长');
    const audits = await auditRows(m.id);
    assert.deepEqual(
      audits.map((a) => a.action),
      ['member.created', 'member.updated'],
    );
    assert.equal((audits[1]!.before as { jobTitle: string }).jobTitle, '校长');
    assert.equal((audits[1]!.after as { jobTitle: string }).jobTitle, '副校长');
  });

  it('changes only the fields sent: omitted fields keep their values, not their defaults', async () => {
    const m = (
      await staff.post(
        '/api/org/members',
        newMember({ name: '慕容雪', mobile: '13800000009', isStandingMember: true, ethnicity: '回族' }),
      )
    ).json();
    const res = await staff.patch(`/api/org/members/${m.id}`, { jobTitle: '院长', expectedVersion: 1 });
    assert.equal(res.statusCode, 200, res.body);
    const after = res.json();
    assert.equal(after.jobTitle, '院长');
    assert.equal(after.isStandingMember, true);
    assert.equal(after.ethnicity, '回族');
    assert.equal(after.status, 'active');
    assert.deepEqual(after.specialCommitteeIds, [c.committeeIds[1]]);
    const s = (
      await staff.post('/api/org/sectors', {
        name: '经济界',
        kind: 'professional',
        sortOrder: 7,
        convenerIds: [m.id],
      })
    ).json();
    const s2 = (await staff.patch(`/api/org/sectors/${s.id}`, { code: 'JJ', expectedVersion: 1 })).json();
    assert.equal(s2.sortOrder, 7);
    assert.deepEqual(s2.convenerIds, [m.id]);
  });

  it('lets only one of two concurrent edits of the same version win', async () => {
    const m = (
      await staff.post('/api/org/members', newMember({ name: '诸葛文', mobile: '13800000002' }))
    ).json();
    const results = await Promise.all([
      staff.patch(`/api/org/members/${m.id}`, { jobTitle: '甲', expectedVersion: 1 }),
      staff.patch(`/api/org/members/${m.id}`, { jobTitle: '乙', expectedVersion: 1 }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
  });

  it('deletes an unreferenced record and refuses to delete a sector that has members (409, nothing changed)', async () => {
    const s = (await staff.post('/api/org/sectors', { name: '体育界', kind: 'professional' })).json();
    assert.equal((await staff.del(`/api/org/sectors/${s.id}?expectedVersion=1`)).statusCode, 204);
    assert.equal((await staff.get(`/api/org/sectors/${s.id}`)).statusCode, 404);
    const inUse = await staff.del(`/api/org/sectors/${c.sectorIds[1]}?expectedVersion=1`);
    assert.equal(inUse.statusCode, 409);
    assert.equal(errorOf(inUse).code, 'IN_USE');
    assert.equal((await staff.get(`/api/org/sectors/${c.sectorIds[1]}`)).statusCode, 200);
  });

  describe('bad input changes nothing', () => {
    const cases: [string, () => Promise<import('fastify').LightMyRequestResponse>, number, string][] = [
      [
        'malformed JSON',
        () =>
          staff.send({
            method: 'POST',
            url: '/api/org/members',
            headers: { 'content-type': 'application/json' },
            payload: '{"name": "张三",',
          }),
        400,
        'MALFORMED_JSON',
      ],
      [
        'wrong types',
        () => staff.post('/api/org/members', newMember({ isStandingMember: '是的', joinedAt: 20240301 })),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'unknown fields',
        () => staff.post('/api/org/members', newMember({ salary: 100 })),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a 10,000-character name',
        () => staff.post('/api/org/members', newMember({ name: '张'.repeat(10_000) })),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'quotes and SQL in a name',
        () => staff.post('/api/org/members', newMember({ name: "张三'); DROP TABLE members; --" })),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'an over-size body',
        () => staff.post('/api/org/members', newMember({ workUnit: 'x'.repeat(2 * 1024 * 1024) })),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'a sector of another committee',
        async () => staff.post('/api/org/members', newMember({ sectorId: otherSector })),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a left member without a leaving date',
        () => staff.post('/api/org/members', newMember({ status: 'resigned' })),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a bad id in the path',
        () => staff.patch('/api/org/members/not-a-uuid', { expectedVersion: 1 }),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    let otherSector = '';
    before(async () => {
      otherSector = (await createTestCommittee(t.database.db)).sectorIds[0]!;
    });
    for (const [name, send, status, code] of cases) {
      it(`refuses ${name} with ${status} ${code}`, async () => {
        const beforeMembers = await memberCount();
        const beforeAudit = (await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n;
        const res = await send();
        assert.equal(res.statusCode, status, res.body.slice(0, 300));
        const err = errorOf(res);
        assert.equal(err.code, code);
        assert.match(err.message, /[\u4e00-\u9fa5]/, 'message is Chinese');
        assert.equal(await memberCount(), beforeMembers);
        assert.equal((await t.database.db.select({ n: count() }).from(auditEvents))[0]!.n, beforeAudit);
      });
    }

    it('names the bad fields in details, in Chinese', async () => {
      const res = await staff.post('/api/org/members', newMember({ name: '', mobile: '12345' }));
      const details = errorOf(res).details as { path: string; message: string }[];
      assert.deepEqual(details.map((d) => d.path).sort(), ['mobile', 'name']);
      assert.ok(details.every((d) => /[\u4e00-\u9fa5]/.test(d.message)));
    });
  });

  it('stores quotes and SQL fragments in free text verbatim', async () => {
    const text = `"引号" '单引号' ; DROP TABLE members; -- \\ %_`;
    const res = await staff.post(
      '/api/org/members',
      newMember({ name: '上官云', workUnit: text, mobile: '13800000003' }),
    );
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().workUnit, text.trim());
    const search = (await staff.get(`/api/org/members?q=${encodeURIComponent('%_')}`)).json();
    assert.deepEqual(
      search.items.map((x: { name: string }) => x.name),
      ['上官云'],
    );
  });

  it("hides another committee's records: 404 on read and write", async () => {
    const other = await createTestCommittee(t.database.db);
    const id = other.memberIds[0];
    assert.equal((await staff.get(`/api/org/members/${id}`)).statusCode, 404);
    assert.equal(
      (await staff.patch(`/api/org/members/${id}`, { jobTitle: 'x', expectedVersion: 1 })).statusCode,
      404,
    );
    assert.equal((await staff.del(`/api/org/members/${id}?expectedVersion=1`)).statusCode, 404);
    const list = (await staff.get('/api/org/members?pageSize=200')).json();
    assert.ok(!list.items.some((m: { id: string }) => other.memberIds.includes(m.id)));
  });

  it('pages the member list', async () => {
    const page1 = (await staff.get('/api/org/members?pageSize=2&page=1')).json();
    const page2 = (await staff.get('/api/org/members?pageSize=2&page=2')).json();
    assert.equal(page1.items.length, 2);
    assert.equal(page1.total, page2.total);
    assert.ok(page1.total >= 4);
    assert.notDeepEqual(page1.items[0].id, page2.items[0].id);
  });

  it('exports a list as a real .xlsx with Chinese headers', async () => {
    const res = await staff.get('/api/org/members/export.xlsx');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const { readSheet } = await import('../../platform/excel/workbook.ts');
    const sheet = await readSheet(res.rawPayload);
    assert.equal(sheet.headers[0], '姓名');
    assert.ok(sheet.rows.some((r) => r.cells['姓名'] === '李明华'));
  });

  it('lists every directory resource', async () => {
    for (const key of [
      'terms',
      'sessions',
      'sectors',
      'participating-units',
      'special-committees',
      'handler-units',
      'supervision-offices',
      'platforms',
    ]) {
      const res = await staff.get(`/api/org/${key}`);
      assert.equal(res.statusCode, 200, `${key}: ${res.body}`);
      assert.ok(Array.isArray(res.json().items));
    }
    const opts = (await staff.get('/api/org/options')).json();
    assert.equal(opts.terms[0].name, '第十四届');
  });

  it('creates a session with its proposal deadline and names it', async () => {
    const res = await staff.post('/api/org/sessions', {
      termId: c.termId,
      sessionNo: 4,
      openDate: '2025-02-22',
      closeDate: '2025-02-26',
      proposalDeadline: '2025-02-25T18:00:00+08:00',
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().name, '十四届四次会议');
    assert.equal(res.json().proposalDeadline, '2025-02-25T10:00:00.000Z');
    const dup = await staff.post('/api/org/sessions', {
      termId: c.termId,
      sessionNo: 4,
      openDate: '2025-02-22',
      closeDate: '2025-02-26',
      proposalDeadline: '2025-02-25T18:00:00+08:00',
    });
    assert.equal(dup.statusCode, 409);
    assert.equal(errorOf(dup).code, 'DUPLICATE');
  });
});
