import type { Role } from '@tongxin/common/roles.ts';
import { staffRoles } from '@tongxin/common/roles.ts';
import { type Actor, hasRole } from '../../platform/authz/actor.ts';

export const orgResourceKeys = [
  'terms',
  'sessions',
  'sectors',
  'participating-units',
  'special-committees',
  'members',
  'handler-units',
  'supervision-offices',
  'platforms',
] as const;
export type OrgResourceKey = (typeof orgResourceKeys)[number];

const everyone = 'everyone' as const;
const handlerSide: Role[] = ['handler_clerk', 'handler_leader', 'supervision_office'];

/**
 * Who may read and who may manage each directory list. Row scopes (a clerk sees only their own unit,
 * a unit liaison only their unit's members) are in the resource definitions; this table is the coarse gate.
 */
export const orgAccess: Record<OrgResourceKey, { read: Role[] | typeof everyone; manage: Role[] }> = {
  terms: { read: everyone, manage: ['sysadmin', 'liaison_staff'] },
  sessions: { read: everyone, manage: ['sysadmin', 'liaison_staff', 'proposal_staff'] },
  sectors: { read: everyone, manage: ['sysadmin', 'liaison_staff'] },
  'participating-units': { read: everyone, manage: ['sysadmin', 'liaison_staff'] },
  'special-committees': { read: everyone, manage: ['sysadmin', 'liaison_staff'] },
  members: {
    read: [...staffRoles, 'member', 'standing_member', 'unit_liaison'],
    manage: ['sysadmin', 'liaison_staff'],
  },
  'handler-units': { read: [...staffRoles, ...handlerSide], manage: ['sysadmin', 'proposal_staff'] },
  'supervision-offices': {
    read: [...staffRoles, 'supervision_office'],
    manage: ['sysadmin', 'proposal_staff'],
  },
  platforms: { read: everyone, manage: ['sysadmin', 'liaison_staff'] },
};

export type OrgAction = 'read' | 'manage';

export function canOrg(actor: Actor, resource: OrgResourceKey, action: OrgAction): boolean {
  const allowed = orgAccess[resource][action];
  return allowed === everyone ? true : hasRole(actor, ...allowed);
}

/** Who sees members' contact details (mobile, e-mail, birth date). */
export function canSeeMemberContact(actor: Actor): boolean {
  return hasRole(actor, 'sysadmin', 'liaison_staff', 'proposal_staff', 'office_staff', 'unit_liaison');
}

/** Row abilities, the same answer for the API and for the buttons the web app shows. */
export function orgRowAbilities(actor: Actor, resource: OrgResourceKey) {
  const manage = canOrg(actor, resource, 'manage');
  return { update: manage, delete: manage };
}

export function orgGlobalAbilities(actor: Actor): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const key of orgResourceKeys) {
    out[`org.${key}.read`] = canOrg(actor, key, 'read');
    out[`org.${key}.manage`] = canOrg(actor, key, 'manage');
  }
  return out;
}
