import crypto from 'node:crypto';
import type { Role } from '@tongxin/common/roles.ts';
import { seedDefaultCalendar } from '../platform/calendar/seed-calendar.ts';
import type { Db } from '../platform/db/connect.ts';
import { hashPassword } from '../platform/security/password.ts';
import { committees } from '../platform/tenancy/schema.ts';
import { userRoles, users } from '../modules/auth/schema.ts';
import {
  handlerUnits,
  members,
  participatingUnits,
  sectors,
  specialCommittees,
  supervisionOffices,
  terms,
} from '../modules/org/schema.ts';

export const testPassword = 'Test@Pass2026';
let hashed: Promise<string> | undefined;

const uniq = () => crypto.randomBytes(4).toString('hex');

export interface TestCommittee {
  id: string;
  termId: string;
  sectorIds: string[];
  unitIds: string[];
  committeeIds: string[];
  handlerUnitIds: string[];
  supervisionOfficeId: string;
  memberIds: string[];
}

/** A small committee of its own for one test: a term, 3 sectors, 2 units, 2 committees, 2 handler units, 4 members. */
export async function createTestCommittee(db: Db, name = `测试市政协${uniq()}`): Promise<TestCommittee> {
  const [c] = await db.insert(committees).values({ name, level: 'municipal' }).returning();
  const id = c!.id;
  const [term] = await db
    .insert(terms)
    .values({ committeeId: id, termNo: 14, startDate: '2022-01-01', endDate: '2026-12-31' })
    .returning();
  const secs = await db
    .insert(sectors)
    .values([
      { committeeId: id, name: '中国民主同盟', kind: 'party', sortOrder: 1 },
      { committeeId: id, name: '教育界', kind: 'professional', sortOrder: 2 },
      { committeeId: id, name: '医药卫生界', kind: 'professional', sortOrder: 3 },
    ])
    .returning();
  const units = await db
    .insert(participatingUnits)
    .values([
      { committeeId: id, name: '民盟测试市委员会', kind: 'democratic_party' },
      { committeeId: id, name: '测试市工商业联合会', kind: 'federation_ic' },
    ])
    .returning();
  const scs = await db
    .insert(specialCommittees)
    .values([
      { committeeId: id, name: '提案委员会', isProposalsCommittee: true },
      { committeeId: id, name: '教育科技卫生体育委员会' },
    ])
    .returning();
  const hus = await db
    .insert(handlerUnits)
    .values([
      { committeeId: id, name: '测试市教育局', system: 'government' },
      { committeeId: id, name: '测试市卫生健康委员会', system: 'government' },
    ])
    .returning();
  const [so] = await db
    .insert(supervisionOffices)
    .values({ committeeId: id, name: '测试市人民政府督查室', system: 'government' })
    .returning();
  const ms = await db
    .insert(members)
    .values(
      [
        ['李明华', 0, 0, 'cdl'],
        ['王秀英', 1, 1, 'masses'],
        ['张建国', 2, 1, 'cpc'],
        ['陈静', 1, 0, 'cdl'],
      ].map(([n, s, u, p]) => ({
        committeeId: id,
        termId: term!.id,
        name: n as string,
        gender: 'male' as const,
        politicalAffiliation: p as 'cpc',
        sectorId: secs[s as number]!.id,
        participatingUnitId: units[u as number]!.id,
        joinedAt: '2022-01-10',
        mobile: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      })),
    )
    .returning();
  await seedDefaultCalendar(db, id);
  return {
    id,
    termId: term!.id,
    sectorIds: secs.map((s) => s.id),
    unitIds: units.map((u) => u.id),
    committeeIds: scs.map((s) => s.id),
    handlerUnitIds: hus.map((h) => h.id),
    supervisionOfficeId: so!.id,
    memberIds: ms.map((m) => m.id),
  };
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
}

/** A user of the committee with the given roles; scoped roles take the scope given (or the committee's first body). */
export async function createTestUser(
  db: Db,
  committee: TestCommittee,
  grants: (Role | { role: Role; scopeId: string })[],
  opts: { mustChangePassword?: boolean; password?: string } = {},
): Promise<TestUser> {
  hashed ??= hashPassword(testPassword);
  const password = opts.password ?? testPassword;
  const passwordHash = password === testPassword ? await hashed : await hashPassword(password);
  const username = `u_${uniq()}`;
  const [u] = await db
    .insert(users)
    .values({
      committeeId: committee.id,
      username,
      displayName: `测试用户${username.slice(2)}`,
      passwordHash,
      mustChangePassword: opts.mustChangePassword ?? false,
    })
    .returning();
  const defaultScope: Partial<Record<Role, string>> = {
    member: committee.memberIds[0],
    standing_member: committee.memberIds[0],
    handler_clerk: committee.handlerUnitIds[0],
    handler_leader: committee.handlerUnitIds[0],
    unit_liaison: committee.unitIds[0],
    supervision_office: committee.supervisionOfficeId,
    committee_staff: committee.committeeIds[0],
  };
  await db.insert(userRoles).values(
    grants.map((g) => {
      const role = typeof g === 'string' ? g : g.role;
      const scopeId = typeof g === 'string' ? (defaultScope[role] ?? null) : g.scopeId;
      return { committeeId: committee.id, userId: u!.id, role, scopeId };
    }),
  );
  return { id: u!.id, username, password };
}
