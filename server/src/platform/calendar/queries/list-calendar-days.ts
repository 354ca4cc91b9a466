import { and, asc, between, eq } from 'drizzle-orm';
import type { Actor } from '../../authz/actor.ts';
import type { Db } from '../../db/connect.ts';
import { calendarDays } from '../schema.ts';
import type { DayKind } from '../working-days.ts';

export interface CalendarDayView {
  day: string;
  kind: DayKind;
  name: string;
  version: number;
}

export function presentCalendarDay(row: typeof calendarDays.$inferSelect): CalendarDayView {
  return { day: row.day, kind: row.kind, name: row.name, version: row.version };
}

/** The holidays and 调休 days of one year of the actor's committee, in date order. */
export async function listCalendarDays(
  db: Db,
  actor: Actor,
  year: number,
): Promise<{ year: number; items: CalendarDayView[] }> {
  const rows = await db
    .select()
    .from(calendarDays)
    .where(
      and(
        eq(calendarDays.committeeId, actor.committeeId),
        between(calendarDays.day, `${year}-01-01`, `${year}-12-31`),
      ),
    )
    .orderBy(asc(calendarDays.day));
  return { year, items: rows.map(presentCalendarDay) };
}
