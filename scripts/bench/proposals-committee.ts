/**
 * The people and sessions of the bench data: the demo committee (800 members, handler units), a 13th term
 * with its last three sessions and the 14th term's members copied into it, the session whose plenary window
 * holds today, and one login per member, unit clerk, unit leader, liaison, special committee and office.
 * No random draws here: the proposals' PRNG sequence does not depend on it.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { demoPassword, seedDemo } from '../../server/src/modules/demo/seed-demo.ts';
import { addCalendarDays, shanghaiDate } from '../../server/src/platform/calendar/working-days.ts';
import type { Db } from '../../server/src/platform/db/connect.ts';
import {
  handlerUnits,
  members,
  participatingUnits,
  plenarySessions,
  sectors,
  specialCommittees,
  supervisionOffices,
  terms,
  userRoles,
  users,
} from '../../server/src/platform/db/schema.ts';
import { hashPassword } from '../../server/src/platform/security/password.ts';
import { type MemberRef, type UnitPeople, windowOpen } from './proposals-plan.ts';

/** The eight sessions with data; the last is the one still being handled. */
export const sessionPlan = [
  { term: 13, sessionNo: 3, openDate: '2019-01-12', closeDate: '2019-01-16', weight: 0.92 },
  { term: 13, sessionNo: 4, openDate: '2020-01-11', closeDate: '2020-01-15', weight: 0.95 },
  { term: 13, sessionNo: 5, openDate: '2021-01-09', closeDate: '2021-01-13', weight: 0.98 },
  { term: 14, sessionNo: 1, openDate: '2022-02-19', closeDate: '2022-02-23', weight: 1.0 },
  { term: 14, sessionNo: 2, openDate: '2023-02-18', closeDate: '2023-02-22', weight: 1.02 },
  { term: 14, sessionNo: 3, openDate: '2024-02-24', closeDate: '2024-02-28', weight: 1.04 },
  { term: 14, sessionNo: 4, openDate: '2025-02-22', closeDate: '2025-02-26', weight: 1.06 },
  { term: 14, sessionNo: 5, openDate: '2026-02-06', closeDate: '2026-02-10', weight: 1.12 },
] as const;

const day = (ms: number) => shanghaiDate(new Date(ms));

/** Creates the committee's people and sessions; returns what planning and the benchmarks need of them. */
export async function benchCommittee(db: Db, nowMs: number) {
  // ── the committee: the demo's, with 800 members ──
  const demo = await seedDemo(db, { memberCount: 800 });
  const committeeId = demo.committeeId;
  const passwordHash = await hashPassword(demoPassword);
  const [term14] = await db.select().from(terms).where(eq(terms.committeeId, committeeId));
  const demoSessions = await db
    .select()
    .from(plenarySessions)
    .where(eq(plenarySessions.committeeId, committeeId));
  const allUsers = await db
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(eq(users.committeeId, committeeId));
  const grants = await db.select().from(userRoles).where(eq(userRoles.committeeId, committeeId));
  const userName = new Map(allUsers.map((u) => [u.id, u.name]));
  const byUsername = new Map(allUsers.map((u) => [u.username, u.id]));
  const staffId = byUsername.get('tian')!;
  const scopeUser = (role: string, scopeId: string) =>
    grants.find((g) => g.role === role && g.scopeId === scopeId)?.userId;

  // ── the 13th term and its last three sessions ──
  const [term13] = await db
    .insert(terms)
    .values({ committeeId, termNo: 13, startDate: '2017-01-01', endDate: '2021-12-31' })
    .returning();
  const deadlineOf = (closeDate: string) => new Date(`${addCalendarDays(closeDate, -1)}T18:00:00+08:00`);
  const t13Sessions = await db
    .insert(plenarySessions)
    .values(
      sessionPlan
        .filter((s) => s.term === 13)
        .map((s) => ({
          committeeId,
          termId: term13!.id,
          sessionNo: s.sessionNo,
          openDate: s.openDate,
          closeDate: s.closeDate,
          proposalDeadline: deadlineOf(s.closeDate),
        })),
    )
    .returning();
  const sessionRows = sessionPlan.map((s) => {
    const found =
      s.term === 13
        ? t13Sessions.find((x) => x.sessionNo === s.sessionNo)
        : demoSessions.find((x) => x.sessionNo === s.sessionNo);
    if (!found) throw new Error(`bench: no session ${s.term}-${s.sessionNo}`);
    return found;
  });

  // The session the server files today's submissions under (sessionFor: the latest window that has
  // opened): it must be in its plenary window, or a new one is added whose window holds today.
  const opened = [...demoSessions, ...t13Sessions]
    .filter((s) => windowOpen(s.openDate) <= nowMs)
    .sort((a, b) => b.openDate.localeCompare(a.openDate))[0];
  let currentSessionId: string;
  if (opened && nowMs <= opened.proposalDeadline.getTime() && !sessionRows.includes(opened)) {
    currentSessionId = opened.id;
  } else {
    const open = addCalendarDays(day(nowMs), 40);
    const [s] = await db
      .insert(plenarySessions)
      .values({
        committeeId,
        termId: term14!.id,
        sessionNo: Math.max(...demoSessions.map((x) => x.sessionNo)) + 1,
        openDate: open,
        closeDate: addCalendarDays(open, 4),
        proposalDeadline: deadlineOf(addCalendarDays(open, 4)),
      })
      .returning();
    currentSessionId = s!.id;
  }

  // ── members of both terms: the 14th term's active members, copied into the 13th ──
  const m14 = await db
    .select({
      id: members.id,
      name: members.name,
      status: members.status,
      standing: members.isStandingMember,
    })
    .from(members)
    .where(and(eq(members.committeeId, committeeId), eq(members.termId, term14!.id)));
  const active14 = m14.filter((m) => m.status === 'active');
  const copied = (await db.execute(sql`
    insert into members (committee_id, term_id, name, gender, ethnicity, birth_date, political_affiliation,
      sector_id, participating_unit_id, is_standing_member, work_unit, job_title, mobile, email, joined_at)
    select committee_id, ${term13!.id}, name, gender, ethnicity, birth_date, political_affiliation,
      sector_id, participating_unit_id, is_standing_member, work_unit, job_title, mobile, email, '2017-01-10'
    from members where term_id = ${term14!.id} and status = 'active' and leadership_position is null
    returning id, name`)) as unknown as { rows: { id: string; name: string }[] };
  const m13 = copied.rows;

  // ── logins: one per member, clerk + leader per handler unit, a liaison per participating unit, staff
  // per special committee, two more reviewers and the party supervision office ──
  const newUsers: (typeof users.$inferInsert)[] = [];
  const newGrants: (typeof userRoles.$inferInsert)[] = [];
  const addUser = (username: string, displayName: string, role: string, scopeId: string | null) => {
    const id = randomUUID();
    newUsers.push({ id, committeeId, username, displayName, passwordHash, mustChangePassword: false });
    newGrants.push({ committeeId, userId: id, role: role as 'member', scopeId });
    userName.set(id, displayName);
    return id;
  };
  const memberRefs = (list: { id: string; name: string }[], prefix: string): MemberRef[] =>
    list.map((m, i) => ({
      id: m.id,
      name: m.name,
      userId:
        scopeUser('member', m.id) ??
        addUser(`${prefix}-${String(i + 1).padStart(4, '0')}`, m.name, 'member', m.id),
    }));
  const members14 = memberRefs(active14, 'm14');
  const members13 = memberRefs(m13, 'm13');
  const hus = await db
    .select({ id: handlerUnits.id, name: handlerUnits.name, short: handlerUnits.shortName })
    .from(handlerUnits)
    .where(eq(handlerUnits.committeeId, committeeId));
  const unitPeople: UnitPeople[] = hus.map((u, i) => {
    const short = u.short ?? u.name;
    const clerkId =
      scopeUser('handler_clerk', u.id) ??
      addUser(`hu${i + 1}-clerk`, `${short}经办人`, 'handler_clerk', u.id);
    const leaderId =
      scopeUser('handler_leader', u.id) ??
      addUser(`hu${i + 1}-leader`, `${short}分管领导`, 'handler_leader', u.id);
    return {
      id: u.id,
      name: u.name,
      clerkId,
      clerkName: userName.get(clerkId) ?? '',
      leaderId,
      leaderName: userName.get(leaderId) ?? '',
    };
  });
  const pus = await db
    .select()
    .from(participatingUnits)
    .where(eq(participatingUnits.committeeId, committeeId));
  const liaisonOf = new Map(
    pus.map((u, i) => [
      u.id,
      scopeUser('unit_liaison', u.id) ??
        addUser(`pu${i + 1}-liaison`, `${u.name}联络人`, 'unit_liaison', u.id),
    ]),
  );
  const parties = pus.filter((u) => u.kind === 'democratic_party');
  const peopleOrgs = pus.filter((u) => u.kind === 'people_org' || u.kind === 'federation_ic');
  const scs = (
    await db.select().from(specialCommittees).where(eq(specialCommittees.committeeId, committeeId))
  ).filter((c) => !c.isProposalsCommittee);
  const scStaff = new Map(
    scs.map((c, i) => [
      c.id,
      scopeUser('committee_staff', c.id) ??
        addUser(`sc${i + 1}-staff`, `${c.name}工作人员`, 'committee_staff', c.id),
    ]),
  );
  const sectorRows = await db.select().from(sectors).where(eq(sectors.committeeId, committeeId));
  const reviewers = [
    staffId,
    addUser('bench-review-1', '周文静', 'proposal_staff', null),
    addUser('bench-review-2', '吴国庆', 'proposal_staff', null),
  ];
  const offices = await db
    .select()
    .from(supervisionOffices)
    .where(eq(supervisionOffices.committeeId, committeeId));
  const supervisorId = offices
    .map(
      (o, i) =>
        scopeUser('supervision_office', o.id) ??
        addUser(`so${i + 1}`, `${o.name}工作人员`, 'supervision_office', o.id),
    )
    .at(-1)!;
  await db.transaction(async (tx) => {
    for (let i = 0; i < newUsers.length; i += 500) await tx.insert(users).values(newUsers.slice(i, i + 500));
    for (let i = 0; i < newGrants.length; i += 500)
      await tx.insert(userRoles).values(newGrants.slice(i, i + 500));
  });
  return {
    committeeId,
    staffId,
    userName,
    sessionRows,
    currentSessionId,
    members14,
    members13,
    unitPeople,
    parties,
    peopleOrgs,
    liaisonOf,
    scs,
    scStaff,
    sectorRows,
    reviewers,
    supervisorId,
    newUsers,
    memberCount: m14.length + m13.length,
    userCount: allUsers.length + newUsers.length,
  };
}
