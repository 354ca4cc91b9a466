import { type Actor, hasRole } from '../authz/actor.ts';

export type CalendarAction = 'read' | 'manage';

/**
 * Everyone signed in reads the working-day calendar (deadlines are shown to all roles); only system
 * administrators maintain it (domain.md §1: sysadmin manages rules, calendars, dictionaries).
 */
export function canCalendar(actor: Actor, action: CalendarAction): boolean {
  return action === 'read' ? true : hasRole(actor, 'sysadmin');
}

export function calendarAbilities(actor: Actor): Record<string, boolean> {
  return { 'calendar.manage': canCalendar(actor, 'manage') };
}
