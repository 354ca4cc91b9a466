/**
 * The demo committee, 政协同心市委员会: a fictional city committee with a full directory (term, sessions,
 * sectors, participating units, special committees, ~300 members, handler units, supervision offices,
 * liaison groups, member studios, consultation platforms) and one login per role.
 */
import { randomUUID } from 'node:crypto';
import { type AuditSource, recordAudit } from '../../platform/audit/record.ts';
import { seedDefaultCalendar } from '../../platform/calendar/seed-calendar.ts';
import type { Db } from '../../platform/db/connect.ts';
import {
  assignments,
  committees,
  handlerUnits,
  memberSpecialCommittees,
  members,
  participatingUnits,
  platformMembers,
  platforms,
  plenarySessions,
  proposalSigners,
  proposals,
  replyLetters,
  reviewRecords,
  sectorConveners,
  sectors,
  specialCommittees,
  supervisionOffices,
  terms,
  userRoles,
  users,
} from '../../platform/db/schema.ts';
import { hashPassword } from '../../platform/security/password.ts';
import { indexProposals } from '../search/commands/index-proposal.ts';
import { buildDemo, type DemoRows } from './build-demo.ts';
import { buildDemoProposals } from './demo-proposals.ts';

export const demoPassword = 'Tongxin@2026';

export interface DemoSummary {
  password: string;
  logins: { role: string; username: string; label: string }[];
}

export interface SeedDemoOptions {
  /** 120 … 800; 300 by default. */
  memberCount?: number;
  committeeName?: string;
  /** Prepended to every demo username, so tests can seed several committees in one database. */
  usernamePrefix?: string;
  /**
   * The corpus proposals of past and current sessions: always on first start (`seedDemoIfEmpty`), off by
   * default here, where benchmarks and tests bring proposals of their own (numbers are unique per session).
   */
  proposals?: boolean;
}

const seedSource: AuditSource = { actor: null, requestId: 'seed', ip: '127.0.0.1', userAgent: null };
const chunkSize = 500;

/** Seeds the demo committee when the database has no committee yet; returns null otherwise. */
export async function seedDemoIfEmpty(db: Db): Promise<DemoSummary | null> {
  if (await hasCommittee(db)) return null;
  const passwordHash = await hashPassword(demoPassword);
  const rows = buildDemo();
  const seeded = await db.transaction(async (tx) => {
    if (await hasCommittee(tx)) return null;
    return insertDemo(tx, rows, passwordHash);
  });
  if (!seeded) return null;
  return { password: seeded.password, logins: seeded.logins };
}

/** Seeds one demo committee, in one transaction, whatever the database already holds. */
export async function seedDemo(
  db: Db,
  opts: SeedDemoOptions = {},
): Promise<DemoSummary & { committeeId: string }> {
  const passwordHash = await hashPassword(demoPassword);
  const rows = buildDemo(opts);
  return db.transaction((tx) => insertDemo(tx, rows, passwordHash, opts.proposals ?? false));
}

async function hasCommittee(db: Db): Promise<boolean> {
  const found = await db.select({ id: committees.id }).from(committees).limit(1);
  return found.length > 0;
}

async function insertDemo(
  tx: Db,
  rows: DemoRows,
  passwordHash: string,
  withProposals = true,
): Promise<DemoSummary & { committeeId: string }> {
  const committeeId = rows.committee.id;
  await tx.insert(committees).values(rows.committee);
  await tx.insert(terms).values(rows.term);
  await tx.insert(plenarySessions).values(rows.sessions);
  await tx.insert(sectors).values(rows.sectors);
  await tx.insert(participatingUnits).values(rows.units);
  for (const chunk of chunks(rows.members)) await tx.insert(members).values(chunk);
  await tx.insert(specialCommittees).values(rows.specialCommittees);
  for (const chunk of chunks(rows.memberSpecialCommittees))
    await tx.insert(memberSpecialCommittees).values(chunk);
  await tx.insert(sectorConveners).values(rows.sectorConveners);
  // Parents come first in the list; a subordinate unit references a row inserted by an earlier statement.
  const topLevel = rows.handlerUnits.filter((u) => !u.parentUnitId);
  const subordinate = rows.handlerUnits.filter((u) => u.parentUnitId);
  await tx.insert(handlerUnits).values(topLevel);
  if (subordinate.length > 0) await tx.insert(handlerUnits).values(subordinate);
  await tx.insert(supervisionOffices).values(rows.supervisionOffices);
  for (const chunk of chunks(rows.platforms)) await tx.insert(platforms).values(chunk);
  for (const chunk of chunks(rows.platformMembers)) await tx.insert(platformMembers).values(chunk);
  await seedDefaultCalendar(tx, committeeId);

  const userRows = rows.logins.map((l) => ({
    id: randomUUID(),
    committeeId,
    username: l.username,
    displayName: l.displayName,
    passwordHash,
    mustChangePassword: false,
  }));
  await tx.insert(users).values(userRows);
  await tx
    .insert(userRoles)
    .values(
      rows.logins.flatMap((l, i) =>
        l.grants.map((g) => ({ committeeId, userId: userRows[i]!.id, role: g.role, scopeId: g.scopeId })),
      ),
    );

  const proposalCount = withProposals ? await insertDemoProposals(tx, rows, userRows) : 0;

  const counts = {
    sessions: rows.sessions.length,
    sectors: rows.sectors.length,
    participatingUnits: rows.units.length,
    specialCommittees: rows.specialCommittees.length,
    members: rows.members.length,
    handlerUnits: rows.handlerUnits.length,
    supervisionOffices: rows.supervisionOffices.length,
    platforms: rows.platforms.length,
    users: userRows.length,
    proposals: proposalCount,
  };
  await recordAudit(tx, seedSource, {
    action: 'demo.seeded',
    targetType: 'committee',
    targetId: committeeId,
    targetLabel: rows.committee.name,
    after: counts,
    committeeId,
  });

  return {
    committeeId,
    password: demoPassword,
    logins: rows.logins.map((l) => ({ role: l.role, username: l.username, label: l.label })),
  };
}

/** The corpus proposals (`demo-proposals.ts`) and their search index, in the demo's transaction. */
async function insertDemoProposals(tx: Db, rows: DemoRows, userRows: { id: string }[]): Promise<number> {
  const userOf = (role: string) => userRows[rows.logins.findIndex((l) => l.role === role)]!.id;
  const memberLogin = rows.logins.find((l) => l.role === 'member')!;
  const built = buildDemoProposals(rows, {
    staffUserId: userOf('proposal_staff'),
    memberUserId: userOf('member'),
    memberId: memberLogin.grants[0]!.scopeId!,
  });
  for (const chunk of chunks(built.proposals)) await tx.insert(proposals).values(chunk);
  for (const chunk of chunks(built.signers)) await tx.insert(proposalSigners).values(chunk);
  for (const chunk of chunks(built.reviews)) await tx.insert(reviewRecords).values(chunk);
  for (const chunk of chunks(built.assignments)) await tx.insert(assignments).values(chunk);
  for (const chunk of chunks(built.letters)) await tx.insert(replyLetters).values(chunk);
  // Every write of proposal text keeps the index current; seeding is such a write.
  await indexProposals(
    tx,
    built.proposals.map((p) => p.id!),
  );
  return built.proposals.length;
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += chunkSize) yield items.slice(i, i + chunkSize);
}
