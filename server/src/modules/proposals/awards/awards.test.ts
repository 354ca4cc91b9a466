import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { readSheet } from '../../../platform/excel/workbook.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../../test/factories.ts';
import { type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../../test/http.ts';
import { members } from '../../org/schema.ts';
import { proposals } from '../schema.ts';

describe('key and excellent proposals, and the list export', () => {
  let t: TestApp;
  let c: TestCommittee;
  let chair: Client;
  let staff: Client;
  let follower: Client;
  let otherFollower: Client;
  let filedId: string;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    const db = t.database.db;
    await db.update(members).set({ leadershipPosition: 'vice_chair' }).where(eq(members.id, c.memberIds[2]!));
    chair = await signInAs(t.app, await createTestUser(db, c, ['chair_council']));
    staff = await signInAs(t.app, await createTestUser(db, c, ['proposal_staff']));
    follower = await signInAs(
      t.app,
      await createTestUser(db, c, [{ role: 'committee_staff', scopeId: c.committeeIds[1]! }]),
    );
    otherFollower = await signInAs(
      t.app,
      await createTestUser(db, c, [{ role: 'committee_staff', scopeId: c.committeeIds[0]! }]),
    );
    const author = (await createTestUser(db, c, ['member'])).id;
    const [p] = await db
      .insert(proposals)
      .values({
        committeeId: c.id,
        proposerKind: 'member_individual',
        leadMemberId: c.memberIds[0]!,
        createdByUserId: author,
        title: '关于汾河生态修复的建议',
        state: 'filed',
        number: 7,
        category: 'ecology',
      })
      .returning();
    filedId = p!.id;
  });
  after(() => t.close());

  it("the Chair's Council marks a key proposal with its four roles; staff may not", async () => {
    const body = {
      supervisingLeaderId: c.memberIds[2],
      responsibleCommitteeId: c.committeeIds[1],
      leadingOfficial: '副市长 王某',
      linkedTopic: '汾河流域生态保护',
      supervisionPlan: '每季度调度一次',
    };
    assert.equal((await staff.post(`/api/proposals/${filedId}/key`, body)).statusCode, 403);
    const notLeader = await chair.post(`/api/proposals/${filedId}/key`, {
      ...body,
      supervisingLeaderId: c.memberIds[0],
    });
    assert.equal(notLeader.statusCode, 400);
    assert.match(JSON.stringify(errorOf(notLeader).details), /主席会议成员/);
    assert.equal((await chair.post(`/api/proposals/${filedId}/key`, body)).statusCode, 201);
    assert.equal((await chair.post(`/api/proposals/${filedId}/key`, body)).statusCode, 409);
    assert.equal((await staff.get(`/api/proposals/${filedId}`)).json().isKey, true);
  });

  it('logs supervision events by the following committee, not by another', async () => {
    const list = (await staff.get('/api/key-proposals')).json();
    const key = list.items.find((k: { proposal: { id: string } }) => k.proposal.id === filedId);
    assert.equal(key.supervisingLeader, '张建国');
    const event = {
      kind: 'inspection',
      heldOn: '2025-05-12',
      participants: '委员8人',
      findings: '沿岸截污工程进度滞后',
    };
    assert.equal((await otherFollower.post(`/api/key-proposals/${key.id}/events`, event)).statusCode, 403);
    assert.equal((await follower.post(`/api/key-proposals/${key.id}/events`, event)).statusCode, 201);
    const again = (await chair.get('/api/key-proposals')).json().items[0];
    assert.deepEqual(
      again.events.map((e: { kind: string }) => e.kind),
      ['inspection'],
    );
  });

  it('runs an excellent proposal through nomination, evaluation and approval', async () => {
    const n = await staff.post('/api/excellent-awards', {
      proposalId: filedId,
      year: 2025,
      nominatedBy: '市生态环境局',
    });
    assert.equal(n.statusCode, 201, n.body);
    const id = n.json().id;
    assert.equal(
      (await chair.post(`/api/excellent-awards/${id}/advance`, { stage: 'preliminary', expectedVersion: 1 }))
        .statusCode,
      403,
    );
    assert.equal(
      (await staff.post(`/api/excellent-awards/${id}/advance`, { stage: 'approved', expectedVersion: 1 }))
        .statusCode,
      403,
    );
    assert.equal(
      (await staff.post(`/api/excellent-awards/${id}/advance`, { stage: 'preliminary', expectedVersion: 1 }))
        .statusCode,
      200,
    );
    assert.equal(
      (await chair.post(`/api/excellent-awards/${id}/advance`, { stage: 'published', expectedVersion: 2 }))
        .statusCode,
      403,
    );
    assert.equal(
      (await chair.post(`/api/excellent-awards/${id}/advance`, { stage: 'approved', expectedVersion: 1 }))
        .statusCode,
      409,
    );
    assert.equal(
      (await chair.post(`/api/excellent-awards/${id}/advance`, { stage: 'approved', expectedVersion: 2 }))
        .statusCode,
      200,
    );
    const [p] = await t.database.db.select().from(proposals).where(eq(proposals.id, filedId));
    assert.equal(p!.isExcellent, true);
    const list = (await staff.get('/api/excellent-awards?year=2025')).json();
    assert.equal(list.items[0].stage, 'approved');
  });

  it('exports the proposal list with the screen filters', async () => {
    const res = await staff.get('/api/proposals/export.xlsx?isKey=true');
    assert.equal(res.statusCode, 200);
    const sheet = await readSheet(res.rawPayload);
    assert.deepEqual(
      sheet.rows.map((r) => [r.cells['案由'], r.cells['重点提案'], r.cells['类别']]),
      [['关于汾河生态修复的建议', '是', '生态文明']],
    );
    const none = await readSheet((await staff.get('/api/proposals/export.xlsx?isKey=false')).rawPayload);
    assert.equal(none.rows.length, 0);
  });
});
