import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, count, eq, inArray } from 'drizzle-orm';
import { notifications } from '../../platform/notifications/schema.ts';
import { plenarySessions } from '../org/schema.ts';
import {
  auditCount,
  expectError,
  fileProposal,
  type Kit,
  messages,
  proposalVersion,
  startKit,
} from '../proposals/assignments.test-kit.ts';
import { pinClock } from '../proposals/clock.ts';
import { assignments, proposalSigners, proposals } from '../proposals/schema.ts';
import { indexProposal } from './commands/index-proposal.ts';
import { forgetCorpusStats } from './queries/corpus-stats.ts';
import {
  type CorpusText,
  careInsurance,
  elderCare,
  elderCareParaphrase,
  unrelated,
} from './similar.test-corpus.ts';

interface Group {
  suggestedParentId: string;
  score: number;
  proposals: { id: string; version: number; state: string; score: number }[];
  pairs: { a: string; b: string; score: number }[];
}

describe('并案 candidates, the one-step merge and handler-unit suggestions', () => {
  let k: Kit;
  let pastSessionId: string;
  const p: Record<string, string> = {};

  const add = async (key: string, t: CorpusText, over: Partial<typeof proposals.$inferInsert> = {}) => {
    const row = await fileProposal(k, { ...t, ...over });
    await indexProposal(k.t.database.db, row.id);
    p[key] = row.id;
    return row.id;
  };
  const awaiting = { state: 'submitted' as const, number: null, filedAt: null };
  const groups = async (sessionId = k.sessionId): Promise<Group[]> => {
    const res = await k.staff.get(`/api/search/merge-candidates?sessionId=${sessionId}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().groups as Group[];
  };
  const stateOf = async (id: string) =>
    (await k.t.database.db.select({ s: proposals.state }).from(proposals).where(eq(proposals.id, id)))[0]!.s;

  before(async () => {
    k = await startKit();
    pinClock('2026-04-20T09:00:00+08:00');
    const db = k.t.database.db;
    const [past] = await db
      .insert(plenarySessions)
      .values({
        committeeId: k.c.id,
        termId: k.c.termId,
        sessionNo: 3,
        openDate: '2025-01-10',
        closeDate: '2025-01-14',
        proposalDeadline: new Date('2025-01-13T10:00:00Z'),
      })
      .returning();
    pastSessionId = past!.id;
    // This session: a proposal and its paraphrase awaiting review, a neighbouring topic and unrelated ones.
    await add('a', elderCare, awaiting);
    await add('b', elderCareParaphrase, awaiting);
    // Member 2 co-signed the paraphrase only: the merge carries them over to the parent.
    await db.insert(proposalSigners).values({
      committeeId: k.c.id,
      proposalId: p.b!,
      memberId: k.c.memberIds[2]!,
      role: 'cosigner',
      confirmedAt: new Date(),
    });
    await add('insurance', careInsurance, awaiting);
    for (const [i, t] of unrelated.entries()) await add(`other${i}`, t, awaiting);
    await add(
      'withdrawn',
      { title: '关于加强古籍保护的建议', situation: '古籍破损严重。', analysis: '', suggestions: '' },
      { ...awaiting, state: 'withdrawn' },
    );
    // Last year: the same proposal again (not a 并案 candidate of this session) and an unrelated one,
    // both handled: by unit C (elder care, with B co-handling) and by unit D (parking).
    const pastElder = await add('pastElder', elderCare, { sessionId: pastSessionId, state: 'closed' });
    const pastParking = await add('pastParking', unrelated[2]!, {
      sessionId: pastSessionId,
      state: 'closed',
    });
    const task = (proposalId: string, handlerUnitId: string, mode: 'sole' | 'lead' | 'co') => ({
      committeeId: k.c.id,
      proposalId,
      handlerUnitId,
      mode,
      state: 'sent' as const,
      assignedByUserId: k.staffUserId,
      dueOn: '2025-06-30',
    });
    await db
      .insert(assignments)
      .values([
        task(pastElder, k.units.C, 'lead'),
        task(pastElder, k.units.B, 'co'),
        task(pastParking, k.units.D, 'sole'),
      ]);
    forgetCorpusStats(k.c.id);
  });
  after(() => k.close());

  it('groups the duplicates of one session, not across sessions, with the scores', async () => {
    const found = await groups();
    assert.equal(found.length, 1, JSON.stringify(found));
    const [g] = found;
    assert.deepEqual(g!.proposals.map((x) => x.id).sort(), [p.a, p.b].sort());
    assert.ok(g!.score >= 0.3 && g!.score <= 1);
    assert.deepEqual(g!.pairs.length, 1);
    // Last year's copy is no candidate of this session, nor of its own (nothing there awaits review).
    assert.deepEqual(await groups(pastSessionId), []);
  });

  it('is for whoever records review decisions', async () => {
    expectError(
      await k.lead.get(`/api/search/merge-candidates?sessionId=${k.sessionId}`),
      403,
      'FORBIDDEN',
      messages.FORBIDDEN,
    );
  });

  it('refuses stale versions, wrong states and other roles, and changes nothing then', async () => {
    const before = await auditCount(k);
    const body = async (children: string[]) => ({
      expectedVersion: await proposalVersion(k, p.a!),
      children: await Promise.all(
        children.map(async (id) => ({ id, expectedVersion: await proposalVersion(k, id) })),
      ),
    });
    // The last child is stale: the parent's filing and the first merge roll back with it.
    const stale = await body([p.b!, p.insurance!]);
    stale.children[1]!.expectedVersion += 1;
    expectError(
      await k.staff.post(`/api/proposals/${p.a}/merge-duplicates`, stale),
      409,
      'VERSION_CONFLICT',
      messages.VERSION_CONFLICT,
    );
    // A withdrawn child: a wrong state, after the parent was filed and the first child merged.
    expectError(
      await k.staff.post(`/api/proposals/${p.a}/merge-duplicates`, await body([p.b!, p.withdrawn!])),
      409,
      'WRONG_STATE',
      messages.WRONG_STATE,
    );
    // Last year's proposal: another session.
    expectError(
      await k.staff.post(`/api/proposals/${p.a}/merge-duplicates`, await body([p.pastElder!])),
      400,
      'VALIDATION_FAILED',
      messages.VALIDATION_FAILED,
    );
    // A member may not see proposals awaiting review (404); the chair may see them but not decide (403).
    expectError(
      await k.outsider.post(`/api/proposals/${p.insurance}/merge-duplicates`, await body([p.b!])),
      404,
      'NOT_FOUND',
      messages.NOT_FOUND,
    );
    expectError(
      await k.chair.post(`/api/proposals/${p.a}/merge-duplicates`, await body([p.b!])),
      403,
      'FORBIDDEN',
      messages.FORBIDDEN,
    );
    assert.equal(await auditCount(k), before);
    assert.deepEqual(
      [await stateOf(p.a!), await stateOf(p.b!), await stateOf(p.insurance!), await stateOf(p.withdrawn!)],
      ['submitted', 'submitted', 'submitted', 'withdrawn'],
    );
  });

  it('merges in one step: the parent filed, the duplicate merged, its signers on the parent, audited', async () => {
    const db = k.t.database.db;
    const before = await auditCount(k);
    const res = await k.staff.post(`/api/proposals/${p.a}/merge-duplicates`, {
      expectedVersion: await proposalVersion(k, p.a!),
      children: [{ id: p.b, expectedVersion: await proposalVersion(k, p.b!) }],
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { parentId: p.a, mergedIds: [p.b] });
    const [a, b] = await Promise.all(
      [p.a!, p.b!].map((id) => db.select().from(proposals).where(eq(proposals.id, id))),
    );
    assert.equal(a![0]!.state, 'filed');
    assert.ok(a![0]!.number);
    assert.equal(b![0]!.state, 'merged');
    assert.equal(b![0]!.mergedIntoId, p.a);
    // Filing and merging: one audit event each.
    assert.equal(await auditCount(k), before + 2);
    const carried = await db
      .select({ memberId: proposalSigners.memberId, role: proposalSigners.role })
      .from(proposalSigners)
      .where(and(eq(proposalSigners.proposalId, p.a!), eq(proposalSigners.fromProposalId, p.b!)));
    assert.deepEqual(carried, [{ memberId: k.c.memberIds[2], role: 'cosigner' }]);
    const [sent] = await db
      .select({ n: count() })
      .from(notifications)
      .where(inArray(notifications.link, [`/proposals/${p.a}`, `/proposals/${p.b}`]));
    assert.ok(sent!.n >= 2);
    // The merged one is no candidate any more; a second merge of it is a wrong state.
    assert.deepEqual(await groups(), []);
    expectError(
      await k.staff.post(`/api/proposals/${p.a}/merge-duplicates`, {
        expectedVersion: await proposalVersion(k, p.a!),
        children: [{ id: p.b, expectedVersion: await proposalVersion(k, p.b!) }],
      }),
      409,
      'WRONG_STATE',
      messages.WRONG_STATE,
    );
  });

  it('suggests the unit that handled the similar past proposal first, with the evidence', async () => {
    const res = await k.staff.get(`/api/proposals/${p.a}/unit-suggestions`);
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as {
      handlerUnitId: string;
      score: number;
      evidence: { proposalId: string; mode: string }[];
    }[];
    assert.equal(items[0]?.handlerUnitId, k.units.C, JSON.stringify(items));
    assert.deepEqual(
      items[0]!.evidence.map((e) => [e.proposalId, e.mode]),
      [[p.pastElder, 'lead']],
    );
    // The co-handler follows with half the weight; the parking unit is not suggested for elder care.
    assert.equal(items[1]?.handlerUnitId, k.units.B);
    assert.ok(Math.abs(items[1]!.score - items[0]!.score / 2) < 0.001);
    assert.ok(!items.some((u) => u.handlerUnitId === k.units.D));
    expectError(
      await k.lead.get(`/api/proposals/${p.a}/unit-suggestions`),
      403,
      'FORBIDDEN',
      messages.FORBIDDEN,
    );
    expectError(
      await k.clerkA.get(`/api/proposals/${p.a}/unit-suggestions`),
      404,
      'NOT_FOUND',
      messages.NOT_FOUND,
    );
  });
});
