import { type Actor, hasRole } from '../../platform/authz/actor.ts';

/** Accounts (create, grant roles, reset passwords) are managed by system administrators. */
export function canManageUsers(actor: Actor): boolean {
  return hasRole(actor, 'sysadmin');
}

export function accountAbilities(actor: Actor): Record<string, boolean> {
  return { 'users.manage': canManageUsers(actor), 'account.changePassword': true };
}
