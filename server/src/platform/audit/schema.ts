import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { committees } from '../tenancy/schema.ts';

/**
 * The audit trail. Append-only: no API edits it, and a trigger (migration 0001) makes the database refuse
 * UPDATE, DELETE and TRUNCATE. `committee_id` is null only for failed sign-ins with an unknown username.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    committeeId: uuid('committee_id').references(() => committees.id),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    targetLabel: text('target_label'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    requestId: text('request_id'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_committee_time_idx').on(t.committeeId, t.createdAt.desc()),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
    index('audit_events_actor_idx').on(t.actorUserId, t.createdAt.desc()),
  ],
);
