import { type Actor, hasRole } from '../../platform/authz/actor.ts';

/** The audit trail is for system administrators only. */
export function canReadAudit(actor: Actor): boolean {
  return hasRole(actor, 'sysadmin');
}

export function auditAbilities(actor: Actor): Record<string, boolean> {
  return { 'audit.read': canReadAudit(actor) };
}
