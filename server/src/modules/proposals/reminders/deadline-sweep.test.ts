import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { auditEvents } from '../../../platform/audit/schema.ts';
import { type Database, openPostgres } from '../../../platform/db/connect.ts';
import { notifications } from '../../../platform/notifications/schema.ts';
import { openTestDatabase, testEngine, withDatabase } from '../../../test/db.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../../test/factories.ts';
import { plenarySessions } from '../../org/schema.ts';
import { assignments, proposalSigners, proposals, proposerFeedback } from '../schema.ts';
import { runDeadlineSweep } from './deadline-sweep.ts';

// Tuesday 2 June 2026, 10:00 in Beijing: today + 5 working days = 9 June, + 3 working days = 5 June.
const now = new Date('2026-06-02T02:00:00Z');

describe('deadline sweep', () => {
  let database: Database & { name: string };
  let second: Database;
  let c: TestCommittee;
  const u: Record<string, string> = {};
  const p: Record<string, string> = {};
  const a: Record<string, string> = {};

  before(async () => {
    database = await openTestDatabase();
    second =
      testEngine() === 'postgres'
        ? await openPostgres(withDatabase(process.env.TEST_PG_URL!, database.name), 5)
        : database;
    const db = database.db;
    c = await createTestCommittee(db);
    const [unit0, unit1] = c.handlerUnitIds as [string, string];
    const [m0, m1, m2, m3] = c.memberIds as [string, string, string, string];
    const user = async (name: string, role: Parameters<typeof createTestUser>[2][number]) => {
      u[name] = (await createTestUser(db, c, [role])).id;
    };
    await user('clerk0', { role: 'handler_clerk', scopeId: unit0 });
    await user('leader0', { role: 'handler_leader', scopeId: unit0 });
    await user('clerk1', { role: 'handler_clerk', scopeId: unit1 });
    await user('staff', 'proposal_staff');
    await user('supervision', 'supervision_office');
    await user('lead', { role: 'member', scopeId: m0 });
    await user('co1', { role: 'member', scopeId: m1 });
    await user('co2', { role: 'member', scopeId: m2 });
    await user('liaison', { role: 'unit_liaison', scopeId: c.unitIds[0]! });

    const [past, future] = await db
      .insert(plenarySessions)
      .values([
        {
          committeeId: c.id,
          termId: c.termId,
          sessionNo: 4,
          openDate: '2026-01-10',
          closeDate: '2026-01-14',
          proposalDeadline: new Date(now.getTime() - 3_600_000),
        },
        {
          committeeId: c.id,
          termId: c.termId,
          sessionNo: 5,
          openDate: '2027-01-10',
          closeDate: '2027-01-14',
          proposalDeadline: new Date('2027-01-12T10:00:00Z'),
        },
      ])
      .returning();

    const proposal = async (
      key: string,
      state: (typeof proposals.$inferInsert)['state'],
      extra: Partial<typeof proposals.$inferInsert> = {},
    ) => {
      const [row] = await db
        .insert(proposals)
        .values({
          committeeId: c.id,
          proposerKind: 'member_individual',
          leadMemberId: m0,
          createdByUserId: u.lead!,
          title: `提案${key}`,
          state,
          ...extra,
        })
        .returning();
      p[key] = row!.id;
      if (row!.leadMemberId) {
        await db
          .insert(proposalSigners)
          .values({ committeeId: c.id, proposalId: row!.id, memberId: row!.leadMemberId, role: 'lead' });
      }
    };
    const assignment = async (
      key: string,
      proposalKey: string,
      unitId: string,
      extra: Partial<typeof assignments.$inferInsert>,
    ) => {
      const [row] = await db
        .insert(assignments)
        .values({
          committeeId: c.id,
          proposalId: p[proposalKey]!,
          handlerUnitId: unitId,
          mode: 'sole',
          state: 'handling',
          assignedByUserId: u.staff!,
          dueOn: '2026-08-01',
          ...extra,
        })
        .returning();
      a[key] = row!.id;
    };
    const cosigner = (proposalKey: string, memberId: string, confirmed: boolean) =>
      db.insert(proposalSigners).values({
        committeeId: c.id,
        proposalId: p[proposalKey]!,
        memberId,
        role: 'cosigner',
        confirmedAt: confirmed ? new Date('2026-05-01T00:00:00Z') : null,
      });
    const rating = (proposalKey: string, round: number, memberId: string | null, rater: string) =>
      db.insert(proposerFeedback).values({
        committeeId: c.id,
        proposalId: p[proposalKey]!,
        round,
        memberId,
        raterUserId: rater,
        overall: 'dissatisfied',
      });

    // (a)(b) handler units
    await proposal('soon', 'handling');
    await assignment('soon', 'soon', unit0, { dueOn: '2026-06-09' });
    await assignment('coDone', 'soon', unit1, { mode: 'co', state: 'opinion_sent', dueOn: '2026-06-05' });
    await proposal('later', 'handling');
    await assignment('later', 'later', unit0, { dueOn: '2026-06-10' });
    await proposal('overdue', 'assigned');
    await assignment('overdue', 'overdue', unit1, { state: 'pending_receipt', dueOn: '2026-06-01' });
    await proposal('extended', 'handling');
    await assignment('extended', 'extended', unit0, { dueOn: '2026-05-20', extendedDueOn: '2026-07-30' });
    await proposal('closedOld', 'closed');
    await assignment('closedOld', 'closedOld', unit0, { dueOn: '2026-01-05' });
    await proposal('round2', 'rehandling');
    await assignment('round2', 'round2', unit0, { state: 'rehandling', round: 2, dueOn: '2026-05-29' });
    await db.insert(notifications).values({
      committeeId: c.id,
      userId: u.clerk0!,
      kind: 'proposal_overdue',
      title: '第一轮逾期',
      dedupeKey: `overdue:${a.round2}:1:2026-03-01`,
    });

    // (c) session deadline
    const joint = { proposerKind: 'member_joint' as const, timing: 'plenary' as const };
    await proposal('cosigning', 'cosigning', { ...joint, sessionId: past!.id });
    await cosigner('cosigning', m1, true);
    await cosigner('cosigning', m2, false);
    await proposal('cosigningLater', 'cosigning', { ...joint, sessionId: future!.id });
    await cosigner('cosigningLater', m2, false);
    // A 平时提案 of the past session: submitted after its deadline, so that deadline does not apply.
    await proposal('cosigningRecess', 'cosigning', { ...joint, timing: 'recess', sessionId: past!.id });
    await cosigner('cosigningRecess', m2, false);

    // (d) feedback window over
    const evaluating = (extra: Partial<typeof proposals.$inferInsert> = {}) => ({
      feedbackDueOn: '2026-06-01',
      ...extra,
    });
    await proposal('onlyCosignerRated', 'evaluating', evaluating({ proposerKind: 'member_joint' }));
    await cosigner('onlyCosignerRated', m1, true);
    await rating('onlyCosignerRated', 1, m1, u.co1!);
    await proposal('ratedLastRound', 'evaluating', evaluating());
    await assignment('ratedLastRound', 'ratedLastRound', unit0, { state: 'sent', round: 2 });
    await rating('ratedLastRound', 1, m0, u.lead!);
    await proposal('leadRated', 'evaluating', evaluating());
    await rating('leadRated', 1, m0, u.lead!);
    const collective = { proposerKind: 'party' as const, leadMemberId: null, leadUnitId: c.unitIds[0]! };
    await proposal(
      'collectiveRated',
      'evaluating',
      evaluating({ ...collective, createdByUserId: u.liaison! }),
    );
    await rating('collectiveRated', 1, null, u.liaison!);
    await proposal(
      'collectiveUnrated',
      'evaluating',
      evaluating({ ...collective, createdByUserId: u.liaison! }),
    );
    await proposal('dueToday', 'evaluating', evaluating({ feedbackDueOn: '2026-06-02', leadMemberId: m3 }));

    // (e) feedback window ends soon
    await proposal(
      'rateSoon',
      'evaluating',
      evaluating({ proposerKind: 'member_joint', feedbackDueOn: '2026-06-05' }),
    );
    await cosigner('rateSoon', m1, true);
    await cosigner('rateSoon', m2, true);
    await rating('rateSoon', 1, m1, u.co1!);
    await proposal('rateLater', 'evaluating', evaluating({ feedbackDueOn: '2026-06-08' }));
    await proposal(
      'collectiveSoon',
      'evaluating',
      evaluating({ ...collective, createdByUserId: u.liaison!, feedbackDueOn: '2026-06-03' }),
    );
  });
  after(async () => {
    if (second !== database) await second.close();
    await database.close();
  });

  const db = () => database.db;
  const name = (id: string) => Object.entries(u).find(([, v]) => v === id)?.[0] ?? id;
  const sent = async (kind: string) => {
    const rows = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.committeeId, c.id), eq(notifications.kind, kind)));
    return rows.map((r) => `${r.dedupeKey} → ${name(r.userId)}`).sort();
  };
  const stateOf = async (key: string) => {
    const [row] = await db().select().from(proposals).where(eq(proposals.id, p[key]!));
    return row!;
  };

  it('sends every reminder once, even when two sweeps run at the same time, and twice more', async () => {
    const [one, two] = await Promise.all([
      runDeadlineSweep(db(), { now }),
      runDeadlineSweep(second.db, { now }),
    ]);
    assert.equal(one.committees >= 1 && two.committees >= 1, true);
    const again = await runDeadlineSweep(db(), { now });
    assert.equal(again.notifications, 0);
    assert.equal(again.closedNotRated, 0);
    assert.equal(again.cosignDeadlines, 0);
    assert.equal(one.closedNotRated + two.closedNotRated, 3);
    assert.equal(one.cosignDeadlines + two.cosignDeadlines, 1);
  });

  it('(a) reminds the unit’s clerks and leaders of an assignment due within 5 working days', async () => {
    assert.deepEqual(await sent('proposal_due_soon'), [
      `due_soon:${a.soon}:1:2026-06-09 → clerk0`,
      `due_soon:${a.soon}:1:2026-06-09 → leader0`,
    ]);
  });

  it('(b) tells the unit, the proposals office and the supervision office about an overdue assignment', async () => {
    assert.deepEqual(
      (await sent('proposal_overdue')).filter((s) => !s.startsWith(`overdue:${a.round2}:1`)),
      [
        `overdue:${a.overdue}:1:2026-06-01 → clerk1`,
        `overdue:${a.overdue}:1:2026-06-01 → staff`,
        `overdue:${a.overdue}:1:2026-06-01 → supervision`,
        `overdue:${a.round2}:2:2026-05-29 → clerk0`,
        `overdue:${a.round2}:2:2026-05-29 → leader0`,
        `overdue:${a.round2}:2:2026-05-29 → staff`,
        `overdue:${a.round2}:2:2026-05-29 → supervision`,
      ].sort(),
    );
    const [notice] = await db()
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.dedupeKey, `overdue:${a.overdue}:1:2026-06-01`),
          eq(notifications.userId, u.clerk1!),
        ),
      );
    assert.equal(notice?.title, '办理已逾期：提案overdue');
    assert.equal(notice?.link, `/proposals/${p.overdue}`);
    assert.match(notice?.body ?? '', /测试市卫生健康委员会承办的提案“提案overdue”办理期限为 2026-06-01/);
  });

  it('(c) drops unconfirmed co-signers at the session deadline and completes the submission', async () => {
    const done = await stateOf('cosigning');
    assert.equal(done.state, 'submitted');
    assert.equal(done.intakeNo, 1);
    const signers = await db()
      .select()
      .from(proposalSigners)
      .where(eq(proposalSigners.proposalId, p.cosigning!));
    const byMember = new Map(signers.map((s) => [s.memberId, s]));
    assert.ok(byMember.get(c.memberIds[2]!)?.droppedAt, 'the unconfirmed co-signer dropped');
    assert.equal(byMember.get(c.memberIds[1]!)?.droppedAt, null, 'the confirmed one stays');
    assert.equal((await stateOf('cosigningLater')).state, 'cosigning');
    assert.equal((await stateOf('cosigningRecess')).state, 'cosigning');
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, p.cosigning!)));
    assert.deepEqual(audits.map((e) => e.action).sort(), [
      'proposal.cosigners_dropped',
      'proposal.submitted',
    ]);
    assert.ok(
      audits.every((e) => e.actorUserId === null && e.requestId === 'system' && e.committeeId === c.id),
    );
    assert.deepEqual(await sent('cosign_deadline_passed'), [`cosign_deadline:${p.cosigning} → lead`]);
  });

  it('(d) closes as not rated when the window passed with no rating by the lead or the collective’s liaison', async () => {
    for (const key of ['onlyCosignerRated', 'ratedLastRound', 'collectiveUnrated']) {
      const row = await stateOf(key);
      assert.equal(row.state, 'closed', key);
      assert.equal(row.closeReason, 'not_rated', key);
      assert.ok(row.closedAt, key);
    }
    for (const key of ['leadRated', 'collectiveRated', 'dueToday']) {
      assert.equal((await stateOf(key)).state, 'evaluating', key);
    }
    const closedIds = [p.onlyCosignerRated!, p.ratedLastRound!, p.collectiveUnrated!];
    const audits = await db()
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'proposal.closed_not_rated'), inArray(auditEvents.targetId, closedIds)),
      );
    assert.equal(audits.length, 3, 'one audit row each, even after three sweeps');
    assert.ok(audits.every((e) => e.actorUserId === null && e.requestId === 'system'));
    assert.deepEqual(audits[0]!.after, { state: 'closed', closeReason: 'not_rated' });
  });

  it('(e) reminds the signers who have not rated when the feedback window ends within 3 working days', async () => {
    assert.deepEqual(
      await sent('feedback_due_soon'),
      [
        `feedback_due:${p.rateSoon}:1 → lead`,
        `feedback_due:${p.rateSoon}:1 → co2`,
        `feedback_due:${p.collectiveSoon}:1 → liaison`,
      ].sort(),
    );
  });
});
