import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  handlerUnitInput,
  memberInput,
  participatingUnitInput,
  platformInput,
  sectorInput,
  sessionInput,
  specialCommitteeInput,
  supervisionOfficeInput,
} from '@tongxin/common/org/schemas.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Database } from '../../platform/db/connect.ts';
import {
  committees,
  handlerUnits,
  memberSpecialCommittees,
  members,
  participatingUnits,
  platformMembers,
  platforms,
  plenarySessions,
  sectorConveners,
  sectors,
  specialCommittees,
  supervisionOffices,
  terms,
  userRoles,
  users,
} from '../../platform/db/schema.ts';
import { verifyPassword } from '../../platform/security/password.ts';
import { openTestDatabase } from '../../test/db.ts';
import { type DemoSummary, demoPassword, seedDemo, seedDemoIfEmpty } from './seed-demo.ts';

let database: Database;
let summary: DemoSummary | null;
let committeeId: string;
let seedMs: number;

const db = () => database.db;
const inCommittee = (table: { committeeId: AnyPgColumn }) => eq(table.committeeId, committeeId);

before(async () => {
  // A fresh, migrated database: in-memory PGlite, or PostgreSQL when the suite runs with TEST_DB=postgres.
  database = await openTestDatabase();
  const started = performance.now();
  summary = await seedDemoIfEmpty(database.db);
  seedMs = performance.now() - started;
  const [row] = await database.db.select().from(committees);
  committeeId = row!.id;
});

after(async () => {
  await database.close();
});

describe('seedDemoIfEmpty on an empty database', () => {
  test('seeds quickly and returns the 14 demo logins with the shared password', () => {
    console.log(`demo seeding took ${Math.round(seedMs)} ms`);
    assert.ok(seedMs < 15_000, `seeding took ${seedMs} ms`);
    assert.ok(summary);
    assert.equal(summary.password, demoPassword);
    assert.deepEqual(
      summary.logins.map((l) => l.username),
      [
        'admin',
        'tian',
        'member',
        'standing',
        'chair',
        'office',
        'info',
        'liaison',
        'cstaff',
        'unit',
        'clerk',
        'clerk2',
        'leader',
        'duban',
      ],
    );
    for (const l of summary.logins) assert.match(l.label, /\p{Script=Han}/u);
  });

  test('creates one municipal committee with the 14th term and six February sessions', async () => {
    const [c] = await db().select().from(committees).where(eq(committees.id, committeeId));
    assert.equal(c!.name, '政协同心市委员会');
    assert.equal(c!.level, 'municipal');
    const [t] = await db().select().from(terms).where(inCommittee(terms));
    assert.deepEqual([t!.termNo, t!.startDate, t!.endDate], [14, '2022-01-01', '2027-02-28']);
    const sessions = await db().select().from(plenarySessions).orderBy(plenarySessions.sessionNo);
    assert.deepEqual(
      sessions.map((s) => s.sessionNo),
      [1, 2, 3, 4, 5, 6],
    );
    for (const [i, s] of sessions.entries()) {
      assert.equal(s.openDate.slice(0, 7), `${2022 + i}-02`);
      assert.ok(s.closeDate > s.openDate);
      // The deadline is 18:00 Beijing time on the day before closing.
      const beijing = new Date(s.proposalDeadline.getTime() + 8 * 3600_000).toISOString();
      assert.equal(beijing.slice(11, 16), '18:00');
      assert.ok(beijing.slice(0, 10) < s.closeDate);
      assert.ok(
        s.expectedCount! > 250 &&
          s.presentCount! < s.expectedCount! &&
          s.presentCount! > 0.9 * s.expectedCount!,
      );
      sessionInput.parse({
        termId: s.termId,
        sessionNo: s.sessionNo,
        openDate: s.openDate,
        closeDate: s.closeDate,
        proposalDeadline: s.proposalDeadline.toISOString(),
        expectedCount: s.expectedCount,
        presentCount: s.presentCount,
      });
    }
  });

  test('has about 25 sectors of every kind, each with a convener from its own active members', async () => {
    const rows = await db().select().from(sectors).where(inCommittee(sectors));
    assert.ok(rows.length >= 22 && rows.length <= 28, `${rows.length} sectors`);
    assert.deepEqual(
      new Set(rows.map((s) => s.kind)),
      new Set(['party', 'non_party', 'people_org', 'professional', 'special_invite']),
    );
    assert.equal(new Set(rows.map((s) => s.code)).size, rows.length);
    const conveners = await db()
      .select({ sectorId: sectorConveners.sectorId, memberSector: members.sectorId, status: members.status })
      .from(sectorConveners)
      .innerJoin(members, eq(members.id, sectorConveners.memberId))
      .where(eq(sectorConveners.committeeId, committeeId));
    for (const s of rows) {
      const mine = conveners.filter((c) => c.sectorId === s.id);
      assert.ok(mine.length >= 1 && mine.length <= 2, `${s.name} has ${mine.length} conveners`);
      for (const c of mine) {
        assert.equal(c.memberSector, s.id);
        assert.equal(c.status, 'active');
      }
      sectorInput.parse({ code: s.code, name: s.name, kind: s.kind, sortOrder: s.sortOrder });
    }
  });

  test('has the participating units of a city: CPC, eight parties, 工商联, 无党派, people’s organisations', async () => {
    const rows = await db().select().from(participatingUnits).where(inCommittee(participatingUnits));
    const kinds = rows.map((u) => u.kind);
    assert.equal(kinds.filter((k) => k === 'cpc').length, 1);
    assert.equal(kinds.filter((k) => k === 'democratic_party').length, 7);
    assert.equal(kinds.filter((k) => k === 'federation_ic').length, 1);
    assert.equal(kinds.filter((k) => k === 'non_party').length, 1);
    assert.ok(kinds.filter((k) => k === 'people_org').length >= 6);
    assert.ok(rows.some((u) => u.name === '民盟同心市委员会'));
    for (const u of rows)
      participatingUnitInput.parse({ name: u.name, kind: u.kind, sealRequired: u.sealRequired });
  });

  test('has 8 special committees, one of them the proposals committee, each led and overseen', async () => {
    const rows = await db().select().from(specialCommittees).where(inCommittee(specialCommittees));
    assert.equal(rows.length, 8);
    const proposals = rows.filter((c) => c.isProposalsCommittee);
    assert.equal(proposals.length, 1);
    assert.equal(proposals[0]!.name, '提案委员会');
    const people = await db().select().from(members).where(inCommittee(members));
    const byId = new Map(people.map((m) => [m.id, m]));
    const seats = await db()
      .select()
      .from(memberSpecialCommittees)
      .where(inCommittee(memberSpecialCommittees));
    for (const c of rows) {
      assert.equal(byId.get(c.supervisingLeaderId!)?.leadershipPosition, 'vice_chair', c.name);
      assert.ok(byId.get(c.directorId!)?.jobTitle.includes(c.name), c.name);
      assert.ok(seats.some((s) => s.memberId === c.directorId && s.specialCommitteeId === c.id));
      assert.ok(seats.filter((s) => s.specialCommitteeId === c.id).length >= 15, `${c.name} is too small`);
      specialCommitteeInput.parse({
        name: c.name,
        isProposalsCommittee: c.isProposalsCommittee,
        directorId: c.directorId,
        supervisingLeaderId: c.supervisingLeaderId,
      });
    }
    // Most members sit on exactly one committee.
    const perMember = new Map<string, number>();
    for (const s of seats) perMember.set(s.memberId, (perMember.get(s.memberId) ?? 0) + 1);
    const one = [...perMember.values()].filter((n) => n === 1).length;
    assert.ok(one > 0.7 * people.length, `${one} members on one committee`);
  });

  test('has ~300 plausible members with a leadership, ~45 standing members and 16 by-elected in 2024', async () => {
    const people = await db().select().from(members).where(inCommittee(members));
    assert.equal(people.length, 300);
    const position = (p: string) => people.filter((m) => m.leadershipPosition === p).length;
    assert.deepEqual([position('chair'), position('vice_chair'), position('secretary_general')], [1, 6, 1]);
    const standing = people.filter((m) => m.isStandingMember).length;
    assert.ok(standing >= 40 && standing <= 50, `${standing} standing members`);
    const women = people.filter((m) => m.gender === 'female').length / people.length;
    assert.ok(women > 0.28 && women < 0.42, `${women} women`);
    assert.ok(people.some((m) => m.ethnicity === '回族'));
    assert.ok(people.filter((m) => m.ethnicity !== '汉族').length >= 8);
    assert.equal(new Set(people.map((m) => m.name)).size, people.length, 'names are unique');
    assert.equal(new Set(people.map((m) => m.mobile)).size, people.length, 'mobiles are unique');
    const byElected = people.filter((m) => m.joinedAt.startsWith('2024-'));
    assert.equal(byElected.length, 16);
    assert.equal(people.filter((m) => m.joinedAt === '2022-01-10').length, 284);
    const gone = people.filter((m) => m.status !== 'active');
    assert.ok(gone.length >= 3 && gone.length <= 8);
    assert.ok(gone.some((m) => m.status === 'resigned') && gone.some((m) => m.status === 'deceased'));
    for (const m of people) {
      assert.match(m.name, /^\p{Script=Han}{2,4}$/u);
      assert.match(m.mobile!, /^1[3-9]\d{9}$/);
      const year = Number(m.birthDate!.slice(0, 4));
      assert.ok(year >= 1960 && year <= 1990, `${m.name} born ${m.birthDate}`);
      assert.ok(m.workUnit.length > 0 && m.jobTitle.length > 0);
      assert.equal(m.status === 'active', m.leftAt === null);
      assert.equal(m.status === 'active', m.reasonLeft === null);
      if (m.leftAt) assert.ok(m.leftAt > m.joinedAt);
    }
  });

  test('party sectors, participating units and political affiliation agree', async () => {
    const people = await db().select().from(members).where(inCommittee(members));
    const sectorRows = await db().select().from(sectors).where(inCommittee(sectors));
    const unitRows = await db().select().from(participatingUnits).where(inCommittee(participatingUnits));
    const sectorName = new Map(sectorRows.map((s) => [s.id, s.name]));
    const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
    const party: Record<string, [string, string]> = {
      中国共产党: ['cpc', '中国共产党同心市委员会'],
      中国国民党革命委员会: ['rcckmt', '民革同心市委员会'],
      中国民主同盟: ['cdl', '民盟同心市委员会'],
      中国民主建国会: ['cndca', '民建同心市委员会'],
      中国民主促进会: ['capd', '民进同心市委员会'],
      中国农工民主党: ['pwdp', '农工党同心市委员会'],
      中国致公党: ['zhigong', '致公党同心市委员会'],
      九三学社: ['jiusan', '九三学社同心市委员会'],
      无党派人士: ['non_party', '无党派人士'],
    };
    const unitOfParty = new Map(Object.values(party));
    const partySectors = sectorRows.filter((s) => s.kind === 'party' || s.kind === 'non_party');
    assert.equal(partySectors.length, 9);
    for (const m of people) {
      const sector = sectorName.get(m.sectorId)!;
      const expected = party[sector];
      if (expected) {
        assert.equal(m.politicalAffiliation, expected[0], `${m.name} in ${sector}`);
        assert.equal(unitName.get(m.participatingUnitId!), expected[1], `${m.name} in ${sector}`);
      }
      // A democratic-party member belongs to the party's city committee whatever the sector.
      const partyUnit =
        m.politicalAffiliation !== 'cpc' ? unitOfParty.get(m.politicalAffiliation) : undefined;
      if (partyUnit && m.politicalAffiliation !== 'non_party') {
        assert.equal(unitName.get(m.participatingUnitId!), partyUnit, m.name);
      }
      if (sector === '宗教') assert.notEqual(m.politicalAffiliation, 'cpc', `${m.name} is clergy`);
    }
  });

  test('every seeded member passes the member form validation', async () => {
    const people = await db().select().from(members).where(inCommittee(members));
    const seats = await db()
      .select()
      .from(memberSpecialCommittees)
      .where(inCommittee(memberSpecialCommittees));
    for (const m of people) {
      const result = memberInput.safeParse({
        termId: m.termId,
        name: m.name,
        gender: m.gender,
        ethnicity: m.ethnicity,
        birthDate: m.birthDate,
        politicalAffiliation: m.politicalAffiliation,
        sectorId: m.sectorId,
        participatingUnitId: m.participatingUnitId,
        specialCommitteeIds: seats.filter((s) => s.memberId === m.id).map((s) => s.specialCommitteeId),
        isStandingMember: m.isStandingMember,
        leadershipPosition: m.leadershipPosition,
        workUnit: m.workUnit,
        jobTitle: m.jobTitle,
        mobile: m.mobile,
        email: m.email,
        status: m.status,
        joinedAt: m.joinedAt,
        leftAt: m.leftAt,
        reasonLeft: m.reasonLeft,
      });
      assert.ok(result.success, `${m.name}: ${result.error?.message}`);
    }
  });

  test('has 40+ handler units of all systems and the two supervision offices', async () => {
    const rows = await db().select().from(handlerUnits).where(inCommittee(handlerUnits));
    assert.ok(rows.length >= 40, `${rows.length} handler units`);
    assert.deepEqual(
      new Set(rows.map((u) => u.system)),
      new Set(['party', 'government', 'court_procuratorate', 'other']),
    );
    for (const name of ['市教育局', '市发展和改革委员会', '市中级人民法院', '国网同心供电公司']) {
      assert.ok(
        rows.some((u) => u.name === name),
        name,
      );
    }
    const child = rows.find((u) => u.parentUnitId);
    assert.equal(rows.find((u) => u.id === child?.parentUnitId)?.name, '市公安局');
    for (const u of rows) {
      assert.match(u.contactPhone!, /^0999-\d{7}$/);
      handlerUnitInput.parse({
        name: u.name,
        shortName: u.shortName,
        system: u.system,
        parentUnitId: u.parentUnitId,
        leaderName: u.leaderName,
        leaderTitle: u.leaderTitle,
        contactName: u.contactName,
        contactPhone: u.contactPhone,
      });
    }
    const offices = await db().select().from(supervisionOffices).where(inCommittee(supervisionOffices));
    assert.deepEqual(offices.map((o) => o.system).sort(), ['government', 'party']);
    for (const o of offices) {
      supervisionOfficeInput.parse({
        name: o.name,
        system: o.system,
        contactName: o.contactName,
        contactPhone: o.contactPhone,
      });
    }
  });

  test('has liaison groups, member studios and “有事来商量” platforms at the right levels', async () => {
    const rows = await db().select().from(platforms).where(inCommittee(platforms));
    const links = await db().select().from(platformMembers).where(inCommittee(platformMembers));
    const people = await db().select().from(members).where(inCommittee(members));
    const nameOf = new Map(people.map((m) => [m.id, m.name]));
    const groups = rows.filter((p) => p.kind === 'liaison_group');
    const studios = rows.filter((p) => p.kind === 'member_studio');
    const forums = rows.filter((p) => p.kind === 'consultation_platform');
    assert.ok(groups.length >= 10 && groups.length <= 14, `${groups.length} liaison groups`);
    assert.ok(groups.every((g) => g.orgLevel === 'county'));
    assert.ok(studios.length >= 12 && studios.length <= 18, `${studios.length} studios`);
    assert.ok(forums.length >= 25, `${forums.length} consultation platforms`);
    assert.ok(forums.filter((f) => f.name.includes('有事来商量')).length >= 25);
    assert.ok(forums.some((f) => f.orgLevel === 'township') && forums.some((f) => f.orgLevel === 'village'));
    for (const s of studios) {
      assert.ok(['county', 'township'].includes(s.orgLevel), s.name);
      const team = links.filter((l) => l.platformId === s.id).map((l) => nameOf.get(l.memberId));
      assert.ok(team.length >= 3 && team.length <= 8, `${s.name}: ${team.length} members`);
      assert.ok(team.includes(s.managerName!), `${s.name} is run by one of its members`);
    }
    // Every active member (but the Chair's Council) belongs to the liaison group of their district.
    const inGroups = new Set(
      links.filter((l) => groups.some((g) => g.id === l.platformId)).map((l) => l.memberId),
    );
    const expected = people.filter((m) => m.status === 'active' && !m.leadershipPosition);
    assert.equal(inGroups.size, expected.length);
    for (const p of rows) {
      const result = platformInput.safeParse({
        kind: p.kind,
        name: p.name,
        orgLevel: p.orgLevel,
        location: p.location,
        theme: p.theme,
        managerName: p.managerName,
        openedAt: p.openedAt,
        memberIds: links.filter((l) => l.platformId === p.id).map((l) => l.memberId),
      });
      assert.ok(result.success, `${p.name}: ${result.error?.message}`);
    }
  });

  test('all 14 demo logins exist with the right roles and scopes and the demo password', async () => {
    const accounts = await db().select().from(users).where(inCommittee(users));
    assert.equal(accounts.length, 14);
    const grants = await db().select().from(userRoles).where(inCommittee(userRoles));
    const roleOf = (username: string) => {
      const user = accounts.find((u) => u.username === username);
      assert.ok(user, username);
      assert.equal(user.mustChangePassword, false);
      return grants
        .filter((g) => g.userId === user.id)
        .map((g) => `${g.role}:${g.scopeId ?? '-'}`)
        .sort();
    };
    const [proposals] = await db()
      .select()
      .from(specialCommittees)
      .where(and(inCommittee(specialCommittees), eq(specialCommittees.isProposalsCommittee, true)));
    const [league] = await db()
      .select()
      .from(participatingUnits)
      .where(and(inCommittee(participatingUnits), eq(participatingUnits.name, '民盟同心市委员会')));
    const [education] = await db()
      .select()
      .from(handlerUnits)
      .where(and(inCommittee(handlerUnits), eq(handlerUnits.name, '市教育局')));
    const [finance] = await db()
      .select()
      .from(handlerUnits)
      .where(and(inCommittee(handlerUnits), eq(handlerUnits.name, '市财政局')));
    const [duban] = await db()
      .select()
      .from(supervisionOffices)
      .where(and(inCommittee(supervisionOffices), eq(supervisionOffices.name, '同心市人民政府督查室')));
    const displayName = (username: string) => accounts.find((u) => u.username === username)!.displayName;
    const [plain] = await db()
      .select()
      .from(members)
      .where(eq(members.name, displayName('member')));
    const [standing] = await db()
      .select()
      .from(members)
      .where(eq(members.name, displayName('standing')));
    const [chair] = await db()
      .select()
      .from(members)
      .where(and(inCommittee(members), eq(members.leadershipPosition, 'chair')));
    assert.equal(plain!.status, 'active');
    assert.equal(plain!.isStandingMember, false);
    assert.equal(standing!.isStandingMember, true);
    assert.equal(displayName('chair'), chair!.name);
    assert.equal(displayName('clerk'), education!.contactName);
    assert.equal(displayName('clerk2'), finance!.contactName);
    assert.equal(displayName('leader'), education!.leaderName);
    assert.equal(displayName('duban'), duban!.contactName);

    assert.deepEqual(roleOf('admin'), ['sysadmin:-']);
    assert.deepEqual(roleOf('tian'), ['proposal_staff:-']);
    assert.deepEqual(roleOf('member'), [`member:${plain!.id}`]);
    assert.deepEqual(roleOf('standing'), [`member:${standing!.id}`, `standing_member:${standing!.id}`]);
    assert.deepEqual(roleOf('chair'), ['chair_council:-']);
    assert.deepEqual(roleOf('office'), ['office_staff:-']);
    assert.deepEqual(roleOf('info'), ['info_staff:-']);
    assert.deepEqual(roleOf('liaison'), ['liaison_staff:-']);
    assert.deepEqual(roleOf('cstaff'), [`committee_staff:${proposals!.id}`]);
    assert.deepEqual(roleOf('unit'), [`unit_liaison:${league!.id}`]);
    assert.deepEqual(roleOf('clerk'), [`handler_clerk:${education!.id}`]);
    assert.deepEqual(roleOf('clerk2'), [`handler_clerk:${finance!.id}`]);
    assert.deepEqual(roleOf('leader'), [`handler_leader:${education!.id}`]);
    assert.deepEqual(roleOf('duban'), [`supervision_office:${duban!.id}`]);

    assert.ok(await verifyPassword(demoPassword, accounts[0]!.passwordHash));
  });

  test('records one demo.seeded audit event', async () => {
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.action, 'demo.seeded'));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.committeeId, committeeId);
    assert.equal(rows[0]!.targetId, committeeId);
    assert.equal(rows[0]!.actorUserId, null);
    assert.equal(rows[0]!.requestId, 'seed');
  });
});

describe('seeding again', () => {
  test('seedDemoIfEmpty does nothing once a committee exists', async () => {
    const total = async () => (await db().select({ n: count() }).from(members))[0]!.n;
    const before = await total();
    assert.equal(await seedDemoIfEmpty(db()), null);
    assert.equal(await total(), before);
    assert.equal((await db().select({ n: count() }).from(committees))[0]!.n, 1);
    assert.equal((await db().select({ n: count() }).from(users))[0]!.n, 14);
  });

  test('seedDemo with a username prefix adds a second, identical committee', async () => {
    const second = await seedDemo(db(), { usernamePrefix: 'b_', committeeName: '政协同心市委员会（副本）' });
    assert.ok(second.logins.every((l) => l.username.startsWith('b_')));
    assert.equal((await db().select({ n: count() }).from(committees))[0]!.n, 2);
    assert.equal((await db().select({ n: count() }).from(users))[0]!.n, 28);
    const names = async (id: string) =>
      (await db().select({ name: members.name }).from(members).where(eq(members.committeeId, id)))
        .map((m) => m.name)
        .sort();
    assert.deepEqual(await names(second.committeeId), await names(committeeId), 'same seed, same people');
    const otherUsers = await db()
      .select()
      .from(users)
      .where(inArray(users.username, ['b_member', 'b_clerk']));
    assert.ok(otherUsers.every((u) => u.committeeId === second.committeeId));
  });

  test('seedDemo honours memberCount', async () => {
    const third = await seedDemo(db(), { usernamePrefix: 'c_', memberCount: 150 });
    const [{ n }] = (await db()
      .select({ n: count() })
      .from(members)
      .where(eq(members.committeeId, third.committeeId))) as [{ n: number }];
    assert.equal(n, 150);
    await assert.rejects(seedDemo(db(), { usernamePrefix: 'd_', memberCount: 10 }), RangeError);
  });
});
