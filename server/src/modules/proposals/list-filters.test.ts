import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { assignments, proposals, reviewRecords } from './schema.ts';

describe('proposal list filters and review suggestions', () => {
  let t: TestApp;
  let c: TestCommittee;
  let staff: Client;
  let member: Client;
  const id: Record<string, string> = {};
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    const db = t.database.db;
    const staffUser = await createTestUser(db, c, ['proposal_staff']);
    staff = await signInAs(t.app, staffUser);
    member = await signInAs(t.app, await createTestUser(db, c, ['member']));
    const rows = await db
      .insert(proposals)
      .values(
        ['逾期未答复', '逾期但已答复', '延期后未逾期', '未到期'].map((title, i) => ({
          committeeId: c.id,
          proposerKind: 'member_individual' as const,
          leadMemberId: c.memberIds[0]!,
          createdByUserId: staffUser.id,
          title: `关于${title}的建议`,
          state: 'handling' as const,
          number: i + 1,
        })),
      )
      .returning();
    for (const r of rows) id[r.title] = r.id;
    const a = (
      proposalId: string,
      state: 'handling' | 'sent',
      dueOn: string,
      extendedDueOn: string | null = null,
    ) => ({
      committeeId: c.id,
      proposalId,
      handlerUnitId: c.handlerUnitIds[0]!,
      mode: 'sole' as const,
      state,
      assignedByUserId: staffUser.id,
      dueOn,
      extendedDueOn,
    });
    await db
      .insert(assignments)
      .values([
        a(rows[0]!.id, 'handling', '2020-01-10'),
        a(rows[1]!.id, 'sent', '2020-01-10'),
        a(rows[2]!.id, 'handling', '2020-01-10', '2999-12-31'),
        a(rows[3]!.id, 'handling', '2999-12-31'),
      ]);
    await db.insert(reviewRecords).values({
      committeeId: c.id,
      proposalId: rows[3]!.id,
      stageIndex: 3,
      stageName: '审定',
      reviewerUserId: staffUser.id,
      recommendation: 'file',
      suggestedHandlerUnitIds: [c.handlerUnitIds[1]!],
      isDecision: true,
    });
  });
  after(() => t.close());

  it('lists the overdue proposals: a required unit past its (extended) due date without a reply', async () => {
    const res = await staff.get('/api/proposals?overdue=true&pageSize=50');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      res.json().items.map((p: { title: string }) => p.title),
      ['关于逾期未答复的建议'],
    );
  });

  it("shows reviewers' suggested units to staff, not to members", async () => {
    const forStaff = (await staff.get(`/api/proposals/${id['关于未到期的建议']}`)).json();
    assert.deepEqual(forStaff.reviews[0].suggestedHandlerUnitIds, [c.handlerUnitIds[1]]);
    const forMember = (await member.get(`/api/proposals/${id['关于未到期的建议']}`)).json();
    assert.deepEqual(forMember.reviews[0].suggestedHandlerUnitIds, []);
  });
});
