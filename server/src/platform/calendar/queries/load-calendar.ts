import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { calendarDays } from '../schema.ts';
import type { CalendarExceptions } from '../working-days.ts';

/**
 * The committee's exceptions to the Monday–Friday week, for deadline arithmetic. One query, every year:
 * a calendar holds about 40 rows a year, and a deadline may run from one year into the next.
 */
export async function loadCalendar(db: Db, committeeId: string): Promise<CalendarExceptions> {
  const rows = await db
    .select({ day: calendarDays.day, kind: calendarDays.kind })
    .from(calendarDays)
    .where(eq(calendarDays.committeeId, committeeId));
  return new Map(rows.map((r) => [r.day, r.kind]));
}
