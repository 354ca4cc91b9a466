import { date, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { businessColumns } from '../tenancy/schema.ts';

/**
 * Exceptions to the Monday–Friday week on the Chinese calendar: statutory holidays that fall on weekdays
 * (`holiday`) and weekend make-up working days (`workday`, 调休). Data an administrator edits each year.
 */
export const calendarDays = pgTable(
  'calendar_days',
  {
    ...businessColumns(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
  },
  (t) => [unique('calendar_days_committee_day_unique').on(t.committeeId, t.day)],
);
