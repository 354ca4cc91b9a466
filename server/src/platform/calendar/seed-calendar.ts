import type { Db } from '../db/connect.ts';
import { officialHolidays } from './holidays.ts';
import { calendarDays } from './schema.ts';

/**
 * Pre-fills a committee's working-day calendar with the official holidays and 调休 days (holidays.ts).
 * Idempotent: a day the committee already has, edited or not, is left as it is.
 */
export async function seedDefaultCalendar(db: Db, committeeId: string): Promise<void> {
  await db
    .insert(calendarDays)
    .values(officialHolidays.map((h) => ({ committeeId, day: h.day, kind: h.kind, name: h.name })))
    .onConflictDoNothing({ target: [calendarDays.committeeId, calendarDays.day] });
}
