import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { committeeLevels } from '@tongxin/common/org/enums.ts';

/**
 * A 政协 organisation (national / provincial / municipal / county). Every business row carries the id of
 * the committee it belongs to, so one deployment can host a city committee and its county committees.
 */
export const committees = pgTable(
  'committees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    level: text('level', { enum: committeeLevels }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => committees.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('committees_level_check', sql`${t.level} in ('national','provincial','municipal','county')`)],
);

/** Columns every business table has: id, owning committee, optimistic-concurrency version, timestamps. */
export function businessColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}
