import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { attachmentKinds } from '@tongxin/common/proposals/attachments.ts';
import { users } from '../../auth/schema.ts';
import { committees } from '../../../platform/tenancy/schema.ts';
import { proposals, replyLetters } from '../schema.ts';

/** PostgreSQL `bytea`; node-postgres returns a Buffer, PGlite a Uint8Array — both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
  toDriver: (v) => v,
});

/**
 * 附件 of a proposal and 盖章扫描件 of a reply letter. The bytes live in the row, so an acknowledged upload
 * is committed together with its audit event (and survives a crash); listings never select `data`.
 */
export const proposalAttachments = pgTable(
  'proposal_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    kind: text('kind', { enum: attachmentKinds }).notNull(),
    /** Set for a reply scan: the letter it is a signed copy of. */
    replyLetterId: uuid('reply_letter_id').references(() => replyLetters.id),
    fileName: text('file_name').notNull(),
    /** The type the content was recognised as (`attachmentFileTypes` key). */
    fileType: text('file_type').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedByUserId: uuid('uploaded_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposal_attachments_proposal_idx').on(t.proposalId, t.createdAt),
    index('proposal_attachments_letter_idx').on(t.replyLetterId),
    check(
      'proposal_attachments_kind_check',
      sql`(${t.kind} = 'reply_scan') = (${t.replyLetterId} is not null)`,
    ),
    check(
      'proposal_attachments_size_check',
      sql`${t.sizeBytes} = octet_length(${t.data}) and ${t.sizeBytes} > 0`,
    ),
  ],
);
