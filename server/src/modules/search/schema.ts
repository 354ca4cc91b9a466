import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { businessColumns, committees } from '../../platform/tenancy/schema.ts';
import { users } from '../auth/schema.ts';
import { handlerUnits, plenarySessions } from '../org/schema.ts';
import { filedStates } from '../proposals/proposals.policy.ts';
import { proposals } from '../proposals/schema.ts';

/** The filed record's states as SQL literals: the partial index and the queries that use it must say the same. */
export const recordStatesSql = filedStates.map((st) => `'${st}'`).join(', ');

/** PostgreSQL's tsvector, written by the app as a literal (`platform/text/tsvector.ts` says why). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const searchTargetTypes = ['proposal', 'reply_letter'] as const;

/**
 * The full-text index: one row per searchable text — a proposal (title, 情况, 分析, 建议) or one of its
 * reply letters — kept current by `indexProposal` inside every write that changes such text. Reads
 * always join the proposal and go through `visibleProposals`; a reply letter's row also carries what
 * decides who may read it before it is sent (its unit, `published`).
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id')
      .notNull()
      .references(() => committees.id),
    targetType: text('target_type', { enum: searchTargetTypes }).notNull(),
    targetId: uuid('target_id').notNull(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => plenarySessions.id),
    /** A reply letter's unit: it reads its own letter before the letter is sent. */
    handlerUnitId: uuid('handler_unit_id').references(() => handlerUnits.id),
    /** False for a reply letter not yet sent: only its unit and the overseers may find it. */
    published: boolean('published').notNull().default(true),
    /** The words of the text (jieba `cut`, stop words out), space-joined. */
    tokens: text('tokens').notNull(),
    /** Words and search-mode parts at character positions; title positions weighted A. */
    tsv: tsvector('tsv').notNull(),
    /**
     * The title's part of `tsv` alone (proposal rows): small and never TOASTed, so the title boost of the
     * ranking does not decompress the whole text a second time.
     */
    titleTsv: tsvector('title_tsv'),
    /** The proposal's title, for trigram similarity (proposal rows only). */
    title: text('title'),
    /**
     * When the proposal was created (every row of it): the order in which candidates are taken when a
     * query matches too many texts to rank them all (`search-candidates.ts`), read from this table's own
     * index instead of a join.
     */
    proposalCreatedAt: timestamp('proposal_created_at', { withTimezone: true }).notNull(),
    /**
     * The proposal's state, copied by the trigger `search_documents_follow_state` (migration 0013) on every
     * change: lets a broad query take its candidates among what a member may read (the filed record)
     * without a join. Never used to decide visibility: the ranking checks `visibleProposals` on `proposals`.
     */
    proposalState: text('proposal_state').notNull(),
    /**
     * The handler units the proposal is assigned to (its live tasks), copied from `assignments` by the
     * triggers of migration 0015 on every task written and on every index row inserted: lets a handler
     * unit's search combine "its proposals" with the word match in one GIN index
     * (`search_documents_units_tsv_idx`) instead of reading every one of its texts. Like `proposalState`,
     * never decides visibility on its own: the ranking checks `visibleProposals` on `proposals`.
     */
    proposalUnitIds: uuid('proposal_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('search_documents_target_unique').on(t.targetType, t.targetId),
    index('search_documents_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    index('search_documents_proposal_idx').on(t.proposalId),
    index('search_documents_committee_session_idx').on(t.committeeId, t.sessionId),
    index('search_documents_title_tsv_idx').using('gin', t.titleTsv),
    // Every row's words, led by the units (migration 0015): a unit's matches of a common word are found by
    // skipping through the word's entries to the unit's, without collecting every match of the word; a
    // query of words alone reads the same entries as a words-only index would (a GIN index serves any
    // subset of its columns equally), so there is no words-only one to write as well (migration 0016).
    index('search_documents_units_tsv_idx').using('gin', t.proposalUnitIds, t.tsv),
    // The proposals' own words (not reply letters'), for the similar proposals' probes: through the index of
    // every row, ~45 % of a probe's matches were letters, each read from the table only to be dropped
    // (migration 0017; probes p50 57–61 → 37–41 ms on 200,000 proposals).
    index('search_documents_proposal_words_idx').using('gin', t.tsv).where(sql`${t.titleTsv} is not null`),
    index('search_documents_recent_idx').on(t.committeeId, t.proposalCreatedAt.desc()),
    index('search_documents_record_recent_idx')
      .on(t.committeeId, t.proposalCreatedAt.desc())
      .where(sql.raw(`proposal_state in (${recordStatesSql})`)),
    check('search_documents_target_type_check', sql`${t.targetType} in ('proposal', 'reply_letter')`),
  ],
);

/** Words an administrator added to the committee's segmentation dictionary (on top of the built-in ones). */
export const searchWords = pgTable(
  'search_words',
  {
    ...businessColumns(),
    word: text('word').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
  },
  (t) => [unique('search_words_committee_word_unique').on(t.committeeId, t.word)],
);
