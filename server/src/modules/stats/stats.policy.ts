import { type Actor, hasRole } from '../../platform/authz/actor.ts';
import { AppError } from '../../platform/http/app-error.ts';

/** Proposal statistics are for the office, the leaders and the supervision office. */
export function canReadProposalStats(actor: Actor): boolean {
  return hasRole(actor, 'proposal_staff', 'chair_council', 'sysadmin', 'office_staff', 'supervision_office');
}

export function assertProposalStats(actor: Actor): void {
  if (!canReadProposalStats(actor)) throw new AppError('FORBIDDEN');
}

export function statsAbilities(actor: Actor): Record<string, boolean> {
  return { 'proposals.stats': canReadProposalStats(actor) };
}
