import { auditAbilities } from '../../modules/audit/audit.policy.ts';
import { accountAbilities } from '../../modules/auth/auth.policy.ts';
import { orgGlobalAbilities } from '../../modules/org/org.policy.ts';
import { proposalGlobalAbilities } from '../../modules/proposals/proposals.policy.ts';
import { searchAbilities } from '../../modules/search/search.policy.ts';
import { statsAbilities } from '../../modules/stats/stats.policy.ts';
import { calendarAbilities } from '../calendar/calendar.policy.ts';
import type { Actor } from './actor.ts';

/** Everything the signed-in user may do, by name; `/api/auth/me` sends it and the navigation reads it. */
export function globalAbilities(actor: Actor): Record<string, boolean> {
  return {
    ...accountAbilities(actor),
    ...orgGlobalAbilities(actor),
    ...auditAbilities(actor),
    ...proposalGlobalAbilities(actor),
    ...statsAbilities(actor),
    ...calendarAbilities(actor),
    ...searchAbilities(actor),
  };
}
