import type { Role, RoleGrant } from '@tongxin/common/roles.ts';
import { staffRoles } from '@tongxin/common/roles.ts';

/** The signed-in user as every command, query and policy sees them. */
export interface Actor {
  userId: string;
  committeeId: string;
  username: string;
  displayName: string;
  grants: RoleGrant[];
  mustChangePassword: boolean;
  sessionId: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}

/** Ids of the bodies for which the actor holds `role` (e.g. the handler units of a clerk). */
export function scopeIds(actor: Actor, ...roles: Role[]): string[] {
  return actor.grants.filter((g) => roles.includes(g.role) && g.scopeId).map((g) => g.scopeId as string);
}

export function isStaff(actor: Actor): boolean {
  return hasRole(actor, ...staffRoles);
}
