import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readSheet } from '../../platform/excel/workbook.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { handlerUnits, participatingUnits, plenarySessions } from '../org/schema.ts';
import { assignments, proposerFeedback, proposals, replyLetters } from '../proposals/schema.ts';

/**
 * A year shaped like the Lüliang 2024 summary: 560 received, 475 filed (106 collective proposals of the
 * democratic parties among them), every filed proposal answered, 472 of 475 rated satisfied or basically
 * satisfied (2 dissatisfied, 1 never rated) — the report's 99.4% — built row by row.
 */
describe('proposal statistics reproduce a work report', () => {
  let t: TestApp;
  let c: TestCommittee;
  let staff: Client;
  let sessionId: string;
  let partyIds: string[];
  let unitIds: string[];
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    const db = t.database.db;
    staff = await signInAs(t.app, await createTestUser(db, c, ['proposal_staff']));
    const [s] = await db
      .insert(plenarySessions)
      .values({
        committeeId: c.id,
        termId: c.termId,
        sessionNo: 3,
        openDate: '2024-02-20',
        closeDate: '2024-02-24',
        proposalDeadline: new Date('2024-02-23T10:00:00Z'),
      })
      .returning();
    sessionId = s!.id;
    const parties = await db
      .insert(participatingUnits)
      .values(
        ['民革', '民建', '民进', '农工党', '致公党', '九三学社', '台盟'].map((n) => ({
          committeeId: c.id,
          name: `${n}测试市委员会`,
          kind: 'democratic_party' as const,
        })),
      )
      .returning();
    partyIds = [c.unitIds[0]!, ...parties.map((p) => p.id)];
    const units = await db
      .insert(handlerUnits)
      .values(
        Array.from({ length: 10 }, (_, i) => ({
          committeeId: c.id,
          name: `测试市第${i + 1}局`,
          system: 'government' as const,
        })),
      )
      .returning();
    unitIds = units.map((u) => u.id);
    const user = (await createTestUser(db, c, ['member'])).id;
    const rows: (typeof proposals.$inferInsert)[] = [];
    for (let i = 0; i < 560; i++) {
      const filed = i < 475;
      const party = i < 106;
      rows.push({
        committeeId: c.id,
        sessionId,
        intakeNo: i + 1,
        number: filed ? i + 1 : null,
        timing: 'plenary',
        proposerKind: party ? 'party' : 'member_individual',
        leadUnitId: party ? partyIds[i % partyIds.length]! : null,
        leadMemberId: party ? null : c.memberIds[i % 4]!,
        createdByUserId: user,
        title: `关于第${i + 1}个问题的建议`,
        category: (['economy', 'politics', 'culture', 'society', 'ecology'] as const)[i % 5],
        state: filed ? 'closed' : i < 505 ? 'merged' : i < 545 ? 'not_filed' : 'converted',
        closeReason: filed ? (i === 474 ? 'not_rated' : 'rated') : null,
        isKey: i < 11,
        submittedAt: new Date('2024-02-21T02:00:00Z'),
      });
    }
    const ps = await db
      .insert(proposals)
      .values(rows)
      .returning({ id: proposals.id, number: proposals.number, leadMemberId: proposals.leadMemberId });
    const filedPs = ps.filter((p) => p.number !== null).sort((a, b) => a.number! - b.number!);
    const asg = await db
      .insert(assignments)
      .values(
        filedPs.map((p, i) => ({
          committeeId: c.id,
          proposalId: p.id,
          handlerUnitId: unitIds[i % 10]!,
          mode: 'sole' as const,
          state: 'sent' as const,
          assignedByUserId: user,
          dueOn: '2024-06-20',
        })),
      )
      .returning();
    await db.insert(replyLetters).values(
      asg.map((a, i) => ({
        committeeId: c.id,
        proposalId: a.proposalId,
        assignmentId: a.id,
        kind: 'reply' as const,
        body: '答复正文',
        resultClass: i % 10 === 0 ? 'B' : i % 25 === 1 ? 'C' : 'A',
        draftedByUserId: user,
        // 20 replies come a day late.
        sentAt: new Date(i < 20 ? '2024-06-21T04:00:00Z' : '2024-06-10T04:00:00Z'),
      })),
    );
    await db.insert(proposerFeedback).values(
      filedPs.slice(0, 474).map((p, i) => ({
        committeeId: c.id,
        proposalId: p.id,
        round: 1,
        memberId: p.leadMemberId,
        raterUserId: user,
        overall:
          i >= 472
            ? ('dissatisfied' as const)
            : i % 6 === 0
              ? ('basically_satisfied' as const)
              : ('satisfied' as const),
      })),
    );
  });
  after(() => t.close());

  it('gives received, filed and the rates as the report states them', async () => {
    const res = await staff.get(`/api/proposal-stats?sessionId=${sessionId}`);
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json();
    assert.equal(s.received.value, 560);
    assert.equal(s.filed.value, 475);
    assert.equal(s.merged.value, 30);
    assert.equal(s.notFiled.value, 40);
    assert.equal(s.converted.value, 15);
    assert.deepEqual(
      [s.filingRate.numerator, s.filingRate.denominator, s.filingRate.percent],
      [475, 560, 84.8],
    );
    assert.deepEqual([s.replyRate.numerator, s.replyRate.percent], [475, 100]);
    assert.deepEqual([s.onTimeReplyRate.numerator, s.onTimeReplyRate.percent], [455, 95.8]);
    assert.deepEqual(
      [
        s.satisfactionOverFiled.numerator,
        s.satisfactionOverFiled.denominator,
        s.satisfactionOverFiled.percent,
      ],
      [472, 475, 99.4],
    );
    assert.deepEqual(
      [
        s.satisfactionPerProposal.numerator,
        s.satisfactionPerProposal.denominator,
        s.satisfactionPerProposal.percent,
      ],
      [472, 474, 99.6],
    );
    assert.equal(s.notRated.value, 1);
    assert.equal(s.key.value, 11);
    assert.match(s.filingRate.definition, /立案数 ÷ 收到提案数/);
  });

  it('breaks down proposers, the democratic parties, categories, result classes and units', async () => {
    const s = (await staff.get(`/api/proposal-stats?sessionId=${sessionId}`)).json();
    const kind = (k: string) => s.byProposerKind.find((x: { kind: string }) => x.kind === k).value;
    assert.equal(kind('party'), 106);
    assert.equal(kind('member_individual'), 454);
    assert.equal(
      s.collectiveByUnit.reduce((n: number, u: { value: number }) => n + u.value, 0),
      106,
    );
    assert.equal(s.collectiveByUnit.length, 8);
    assert.ok(s.collectiveByUnit.every((u: { unitKind: string }) => u.unitKind === 'democratic_party'));
    // Lüliang's 106 collective proposals are all filed: 22.3% of the 475 filed, 18.9% of the 560 received.
    assert.deepEqual(
      [s.collectiveProposals.value, s.collectiveProposals.filed.value, s.memberProposals.filed.value],
      [106, 106, 369],
    );
    assert.equal(
      s.byCategory.reduce((n: number, x: { filed: { value: number } }) => n + x.filed.value, 0),
      475,
    );
    assert.deepEqual(
      s.ratings.map((r: { level: string; ratings: number; proposals: { value: number } }) => [
        r.level,
        r.ratings,
        r.proposals.value,
      ]),
      [
        ['satisfied', 393, 393],
        ['basically_satisfied', 79, 79],
        ['dissatisfied', 2, 2],
      ],
    );
    assert.equal(
      s.byCategory.reduce((n: number, x: { value: number }) => n + x.value, 0),
      560,
    );
    const cls = Object.fromEntries(
      s.resultClasses.map((r: { code: string; value: number }) => [r.code, r.value]),
    );
    assert.deepEqual(cls, { A: 408, B: 48, C: 19 });
    assert.equal(s.units.length, 10);
    assert.equal(
      s.units.reduce((n: number, u: { assigned: { value: number } }) => n + u.assigned.value, 0),
      475,
    );
    const first = s.units.find((u: { name: string }) => u.name === '测试市第1局');
    assert.equal(first.assigned.value, 48);
    assert.equal(first.onTime.value, 46);
  });

  it('lists the proposals behind every figure', async () => {
    const s = (await staff.get(`/api/proposal-stats?sessionId=${sessionId}`)).json();
    const denominator = {
      metric: s.satisfactionPerProposal.denominatorMetric,
      value: s.satisfactionPerProposal.denominator,
    };
    const filedParty = s.byProposerKind.find((k: { kind: string }) => k.kind === 'party').filed;
    for (const figure of [
      s.received,
      s.filed,
      s.merged,
      s.key,
      s.byProposerKind[2],
      s.resultClasses[1],
      s.units[0].onTime,
      denominator,
      filedParty,
      s.collectiveProposals,
      s.ratings[2].proposals,
    ]) {
      const drill = (
        await staff.get(
          `/api/proposal-stats/proposals?sessionId=${sessionId}&metric=${encodeURIComponent(figure.metric)}&pageSize=5`,
        )
      ).json();
      assert.equal(drill.total, figure.value, figure.metric);
    }
    const party = (
      await staff.get(`/api/proposal-stats/proposals?sessionId=${sessionId}&metric=kind:party&pageSize=200`)
    ).json();
    assert.ok(party.items.every((p: { proposerKind: string }) => p.proposerKind === 'party'));
    const bad = await staff.get(`/api/proposal-stats/proposals?sessionId=${sessionId}&metric=nonsense`);
    assert.equal(bad.statusCode, 400);
  });

  it('counts a year by submission date, and exports the tables to Excel', async () => {
    const y = (await staff.get('/api/proposal-stats?year=2024')).json();
    assert.equal(y.received.value, 560);
    assert.equal((await staff.get('/api/proposal-stats?year=2023')).json().received.value, 0);
    const file = await staff.get(`/api/proposal-stats/export.xlsx?sessionId=${sessionId}`);
    assert.equal(file.statusCode, 200);
    const sheet = await readSheet(file.rawPayload);
    assert.deepEqual(
      sheet.rows.slice(0, 2).map((r) => [r.cells['指标'], r.cells['数值']]),
      [
        ['收到提案（件）', '560'],
        ['立案（件）', '475'],
      ],
    );
  });

  it('is for staff and leaders only', async () => {
    const member = await signInAs(t.app, await createTestUser(t.database.db, c, ['member']));
    assert.equal((await member.get(`/api/proposal-stats?sessionId=${sessionId}`)).statusCode, 403);
    assert.equal((await staff.get('/api/proposal-stats')).statusCode, 400);
  });
});
