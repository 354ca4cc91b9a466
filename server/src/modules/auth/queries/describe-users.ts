import { eq, inArray } from 'drizzle-orm';
import type { UserView } from '@tongxin/common/auth/schemas.ts';
import { type Role, roleCatalog } from '@tongxin/common/roles.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { committees } from '../../../platform/tenancy/schema.ts';
import {
  handlerUnits,
  members,
  participatingUnits,
  specialCommittees,
  supervisionOffices,
} from '../../org/schema.ts';
import { userRoles, users } from '../schema.ts';

type UserRow = typeof users.$inferSelect;

const scopeTables = {
  member: members,
  special_committee: specialCommittees,
  participating_unit: participatingUnits,
  handler_unit: handlerUnits,
  supervision_office: supervisionOffices,
} as const;

/** Users as the API shows them: roles with the names of the bodies they are held for. */
export async function describeUsers(db: Db, rows: UserRow[]): Promise<UserView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((u) => u.id);
  const grants = await db.select().from(userRoles).where(inArray(userRoles.userId, ids));
  const names = new Map<string, string>();
  for (const [kind, table] of Object.entries(scopeTables)) {
    const wanted = grants
      .filter((g) => roleCatalog[g.role as Role].scope === kind && g.scopeId)
      .map((g) => g.scopeId as string);
    if (wanted.length === 0) continue;
    const found = await db
      .select({ id: table.id, name: table.name })
      .from(table)
      .where(inArray(table.id, wanted));
    for (const f of found) names.set(f.id, f.name);
  }
  const committeeIds = [...new Set(rows.map((u) => u.committeeId))];
  const cs = await db.select().from(committees).where(inArray(committees.id, committeeIds));
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    committeeId: u.committeeId,
    committeeName: cs.find((c) => c.id === u.committeeId)?.name ?? '',
    roles: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({
        role: g.role as Role,
        scopeId: g.scopeId,
        scopeName: g.scopeId ? (names.get(g.scopeId) ?? null) : null,
      })),
    mustChangePassword: u.mustChangePassword,
    isActive: u.isActive,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  }));
}

export async function describeUser(db: Db, userId: string): Promise<UserView | null> {
  const rows = await db.select().from(users).where(eq(users.id, userId));
  return (await describeUsers(db, rows))[0] ?? null;
}
