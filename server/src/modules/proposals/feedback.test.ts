import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestUser } from '../../test/factories.ts';
import { type Client, signInAs } from '../../test/http.ts';
import { members } from '../org/schema.ts';
import {
  assign,
  expectError,
  fileProposal,
  type Kit,
  ok,
  oneAudit,
  replyBody,
  startKit,
} from './assignments.test-kit.ts';
import { pinClock } from './clock.ts';
import { proposalSigners, proposerFeedback } from './schema.ts';

const alreadyRated = '该提案人已对本轮答复作出评价，每轮只能评价一次';

/**
 * 征询意见表 belong to the signer they are for: one per signer (or, for a collective proposal, the
 * proposing unit) and round, whoever entered it. Staff enter every signer's paper form; the statistics
 * count each signer's rating once.
 */
describe('ratings per signer: paper forms entered by staff, once per signer and round', () => {
  let k: Kit;
  let liaison: Client;
  let joint: string;
  let collective: string;
  /** Two co-signers with no account of their own: their ratings arrive on paper. */
  let paperOnly: string[];
  before(async () => {
    k = await startKit();
    const db = k.t.database.db;
    const [template] = await db.select().from(members).where(eq(members.id, k.c.memberIds[3]!));
    const { id: _id, mobile: _m, createdAt: _c, updatedAt: _u, version: _v, ...rest } = template!;
    const [extra] = await db
      .insert(members)
      .values({ ...rest, name: '赵卫东', mobile: '13900001111' })
      .returning();
    paperOnly = [k.c.memberIds[3]!, extra!.id];
    liaison = await signInAs(
      k.t.app,
      await createTestUser(db, k.c, [{ role: 'unit_liaison', scopeId: k.c.unitIds[0]! }]),
    );
    pinClock('2026-04-01T09:00:00+08:00');
    const p = await fileProposal(k);
    joint = p.id;
    await db.insert(proposalSigners).values(
      paperOnly.map((memberId) => ({
        committeeId: k.c.id,
        proposalId: joint,
        memberId,
        role: 'cosigner' as const,
        confirmedAt: new Date(),
      })),
    );
    const q = await fileProposal(k, {
      proposerKind: 'party',
      leadMemberId: null,
      leadUnitId: k.c.unitIds[0]!,
      signatoryName: '王主委',
      sealAttached: true,
    });
    collective = q.id;
    for (const id of [joint, collective]) {
      const [a] = await assign(k, id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
      await ok(k, k.clerkA, a!.id, '/receive');
      await ok(k, k.clerkA, a!.id, '/reply', replyBody, 'PUT');
      await ok(k, k.clerkA, a!.id, '/reply/submit');
      await ok(k, k.leaderA, a!.id, '/reply/sign-off', { approve: true, comment: '' });
      await ok(k, k.supervisor, a!.id, '/reply/review', { approve: true, comment: '' });
    }
  });
  after(() => k.close());

  const db = () => k.t.database.db;
  const rate = (id: string, body: Record<string, unknown>, by: Client = k.staff) =>
    by.post(`/api/proposals/${id}/feedback`, body);

  it('lets one staff member enter each signer’s paper form, and refuses a second for the same signer', async () => {
    for (const [memberId, overall] of [
      [paperOnly[0], 'satisfied'],
      [paperOnly[1], 'dissatisfied'],
    ] as const) {
      const res = await oneAudit(k, () =>
        rate(joint, { overall, onBehalfOfMemberId: memberId, comment: '纸质征询意见表' }),
      );
      assert.equal(res.statusCode, 201, res.body);
    }
    expectError(
      await rate(joint, { overall: 'satisfied', onBehalfOfMemberId: paperOnly[0] }),
      409,
      'ALREADY_RATED',
      alreadyRated,
    );
    const rows = await db().select().from(proposerFeedback).where(eq(proposerFeedback.proposalId, joint));
    assert.deepEqual(
      rows.map((r) => [r.memberId, r.raterUserId, r.recordedByStaff]).sort(),
      paperOnly.map((m) => [m, k.staffUserId, true]).sort(),
      'each belongs to its signer; staff entered it',
    );
    const view = (await k.staff.get(`/api/proposals/${joint}`)).json();
    assert.deepEqual(
      view.feedback.map((f: { raterName: string; enteredByName: string | null }) => [
        f.raterName,
        typeof f.enteredByName === 'string' && f.enteredByName.length > 0,
      ]),
      [
        ['陈静', true],
        ['赵卫东', true],
      ],
    );
    assert.equal(view.abilities.rate, true, 'the lead and one co-signer have not rated yet');
  });

  it('refuses a signer’s own rating after staff entered their paper form, and two at the same moment', async () => {
    const paper = await rate(joint, { overall: 'basically_satisfied', onBehalfOfMemberId: k.c.memberIds[1] });
    assert.equal(paper.statusCode, 201, paper.body);
    expectError(await rate(joint, { overall: 'satisfied' }, k.cosigner), 409, 'ALREADY_RATED', alreadyRated);

    // The lead rates online while staff type the lead's paper form: exactly one counts.
    const [online, typed] = await Promise.all([
      rate(joint, { overall: 'satisfied' }, k.lead),
      rate(joint, { overall: 'dissatisfied', onBehalfOfMemberId: k.c.memberIds[0], comment: '纸质' }),
    ]);
    const codes = [online.statusCode, typed.statusCode].sort();
    assert.equal(codes[0], 201, `${online.body} ${typed.body}`);
    assert.equal(codes[1], 409);
    const leadRows = (
      await db().select().from(proposerFeedback).where(eq(proposerFeedback.proposalId, joint))
    ).filter((r) => r.memberId === k.c.memberIds[0]);
    assert.equal(leadRows.length, 1);
    const view = (await k.staff.get(`/api/proposals/${joint}`)).json();
    assert.equal(view.abilities.rate, false, 'every signer has rated this round');
  });

  it('takes one rating for a collective proposal, by its liaison or on paper, never two', async () => {
    const paper = await oneAudit(k, () =>
      rate(collective, { overall: 'dissatisfied', comment: '加盖公章的意见表：答复未涉及经费' }),
    );
    assert.equal(paper.statusCode, 201, paper.body);
    assert.equal(paper.json().state, 'evaluating', 'the collective’s rating decides: 不满意');
    expectError(
      await rate(collective, { overall: 'satisfied' }, liaison),
      409,
      'ALREADY_RATED',
      alreadyRated,
    );
    const [row] = await db()
      .select()
      .from(proposerFeedback)
      .where(eq(proposerFeedback.proposalId, collective));
    assert.deepEqual([row!.memberId, row!.raterUserId, row!.recordedByStaff], [null, k.staffUserId, true]);
    // The database holds the rule even for a write that skipped the command.
    await assert.rejects(
      db()
        .insert(proposerFeedback)
        .values({ ...row!, id: undefined, overall: 'dissatisfied' }),
    );
  });

  it('counts every signer’s rating once in 满意率 per rating, and the deciding one per proposal', async () => {
    const stats = (await k.staff.get(`/api/proposal-stats?sessionId=${k.sessionId}`)).json();
    const lead = (
      await db().select().from(proposerFeedback).where(eq(proposerFeedback.memberId, k.c.memberIds[0]!))
    )[0]!;
    const leadGood = lead.overall !== 'dissatisfied';
    // Joint: 陈静 satisfied, 赵卫东 dissatisfied, 王秀英 basically satisfied, the lead; collective: dissatisfied.
    assert.deepEqual(
      [stats.satisfactionPerRating.numerator, stats.satisfactionPerRating.denominator],
      [2 + (leadGood ? 1 : 0), 5],
    );
    assert.deepEqual(
      [stats.satisfactionPerProposal.numerator, stats.satisfactionPerProposal.denominator],
      [leadGood ? 1 : 0, 2],
    );
  });
});
