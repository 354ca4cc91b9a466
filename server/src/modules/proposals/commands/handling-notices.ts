import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '@tongxin/common/roles.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { notify, usersOfMembers, usersOfScopes } from '../../../platform/notifications/notify.ts';
import { userRoles } from '../../auth/schema.ts';
import type { ProposalRow, SignerRow } from '../proposals.policy.ts';

/** Accounts of the committee holding one of `roles`, whatever body they hold it for (proposal staff, 督查室). */
export async function usersWithRole(tx: Db, committeeId: string, roles: Role[]): Promise<string[]> {
  const rows = await tx
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(eq(userRoles.committeeId, committeeId), inArray(userRoles.role, roles)));
  return rows.map((r) => r.userId);
}

/** Clerks and/or leaders of handler units. */
export function unitUsers(
  tx: Db,
  unitIds: string[],
  roles: Role[] = ['handler_clerk', 'handler_leader'],
): Promise<string[]> {
  return usersOfScopes(tx, roles, unitIds);
}

/**
 * Everyone who may rate the reply: the lead proposer, confirmed co-signers, the liaisons of a collective
 * proposer, and the author of a collective proposal who keyed it in (a special committee's staff).
 */
export async function raterUsers(tx: Db, p: ProposalRow, signers: SignerRow[]): Promise<string[]> {
  const memberIds = signers
    .filter((s) => s.role === 'lead' || (s.confirmedAt && !s.declinedAt && !s.droppedAt))
    .map((s) => s.memberId);
  const liaisons = p.leadUnitId ? await usersOfScopes(tx, ['unit_liaison'], [p.leadUnitId]) : [];
  const author = p.enteredOnBehalf ? [] : [p.createdByUserId];
  return [...(await usersOfMembers(tx, memberIds)), ...liaisons, ...author];
}

/** A notice to the units' people, linking to the task. */
export async function notifyUnits(
  tx: Db,
  committeeId: string,
  unitIds: string[],
  roles: Role[],
  notice: { kind: string; title: string; body: string; link: string },
): Promise<void> {
  await notify(tx, committeeId, await unitUsers(tx, unitIds, roles), notice);
}
