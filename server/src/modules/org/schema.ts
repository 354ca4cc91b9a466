import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  genders,
  handlerUnitSystems,
  leadershipPositions,
  memberStatuses,
  participatingUnitKinds,
  platformKinds,
  platformOrgLevels,
  politicalAffiliations,
  sectorKinds,
  supervisionOfficeSystems,
} from '@tongxin/common/org/enums.ts';
import { businessColumns, committees } from '../../platform/tenancy/schema.ts';

const committeeRef = () =>
  uuid('committee_id')
    .notNull()
    .references(() => committees.id);

/** 届 */
export const terms = pgTable(
  'terms',
  {
    ...businessColumns(),
    termNo: integer('term_no').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
  },
  (t) => [unique('terms_committee_no_unique').on(t.committeeId, t.termNo)],
);

/** 次会议 (plenary session) with its proposal deadline. */
export const plenarySessions = pgTable(
  'plenary_sessions',
  {
    ...businessColumns(),
    termId: uuid('term_id')
      .notNull()
      .references(() => terms.id),
    sessionNo: integer('session_no').notNull(),
    openDate: date('open_date', { mode: 'string' }).notNull(),
    closeDate: date('close_date', { mode: 'string' }).notNull(),
    proposalDeadline: timestamp('proposal_deadline', { withTimezone: true }).notNull(),
    expectedCount: integer('expected_count'),
    presentCount: integer('present_count'),
  },
  (t) => [unique('plenary_sessions_term_no_unique').on(t.termId, t.sessionNo)],
);

/** 界别 */
export const sectors = pgTable(
  'sectors',
  {
    ...businessColumns(),
    code: text('code'),
    name: text('name').notNull(),
    kind: text('kind', { enum: sectorKinds }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique('sectors_committee_name_unique').on(t.committeeId, t.name)],
);

/** 参加单位 */
export const participatingUnits = pgTable(
  'participating_units',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    kind: text('kind', { enum: participatingUnitKinds }).notNull(),
    sealRequired: boolean('seal_required').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique('participating_units_committee_name_unique').on(t.committeeId, t.name)],
);

/** 专委会 */
export const specialCommittees = pgTable(
  'special_committees',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    isProposalsCommittee: boolean('is_proposals_committee').notNull().default(false),
    directorId: uuid('director_id').references((): AnyPgColumn => members.id),
    supervisingLeaderId: uuid('supervising_leader_id').references((): AnyPgColumn => members.id),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique('special_committees_committee_name_unique').on(t.committeeId, t.name)],
);

/** 委员 */
export const members = pgTable(
  'members',
  {
    ...businessColumns(),
    termId: uuid('term_id')
      .notNull()
      .references(() => terms.id),
    name: text('name').notNull(),
    gender: text('gender', { enum: genders }).notNull(),
    ethnicity: text('ethnicity').notNull().default('汉族'),
    birthDate: date('birth_date', { mode: 'string' }),
    politicalAffiliation: text('political_affiliation', { enum: politicalAffiliations }).notNull(),
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => sectors.id),
    participatingUnitId: uuid('participating_unit_id').references(() => participatingUnits.id),
    isStandingMember: boolean('is_standing_member').notNull().default(false),
    leadershipPosition: text('leadership_position', { enum: leadershipPositions }),
    workUnit: text('work_unit').notNull().default(''),
    jobTitle: text('job_title').notNull().default(''),
    mobile: text('mobile'),
    email: text('email'),
    status: text('status', { enum: memberStatuses }).notNull().default('active'),
    joinedAt: date('joined_at', { mode: 'string' }).notNull(),
    leftAt: date('left_at', { mode: 'string' }),
    reasonLeft: text('reason_left'),
  },
  (t) => [
    index('members_committee_sector_idx').on(t.committeeId, t.sectorId, t.name),
    index('members_committee_name_idx').on(t.committeeId, t.name),
    index('members_unit_idx').on(t.participatingUnitId),
    index('members_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

export const memberSpecialCommittees = pgTable(
  'member_special_committees',
  {
    committeeId: committeeRef(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    specialCommitteeId: uuid('special_committee_id')
      .notNull()
      .references(() => specialCommittees.id),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.specialCommitteeId] }),
    index('msc_committee_idx').on(t.specialCommitteeId),
  ],
);

/** 界别召集人 */
export const sectorConveners = pgTable(
  'sector_conveners',
  {
    committeeId: committeeRef(),
    sectorId: uuid('sector_id')
      .notNull()
      .references(() => sectors.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.sectorId, t.memberId] })],
);

/** 承办单位 */
export const handlerUnits = pgTable(
  'handler_units',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    system: text('system', { enum: handlerUnitSystems }).notNull(),
    parentUnitId: uuid('parent_unit_id').references((): AnyPgColumn => handlerUnits.id),
    leaderName: text('leader_name'),
    leaderTitle: text('leader_title'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [unique('handler_units_committee_name_unique').on(t.committeeId, t.name)],
);

/** 党委/政府督查室 */
export const supervisionOffices = pgTable(
  'supervision_offices',
  {
    ...businessColumns(),
    name: text('name').notNull(),
    system: text('system', { enum: supervisionOfficeSystems }).notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
  },
  (t) => [unique('supervision_offices_committee_name_unique').on(t.committeeId, t.name)],
);

/** 政协联络组 / 委员工作室 / 协商平台 — one table, told apart by `kind`, each with its org level. */
export const platforms = pgTable(
  'platforms',
  {
    ...businessColumns(),
    kind: text('kind', { enum: platformKinds }).notNull(),
    name: text('name').notNull(),
    orgLevel: text('org_level', { enum: platformOrgLevels }).notNull(),
    location: text('location'),
    theme: text('theme'),
    managerName: text('manager_name'),
    openedAt: date('opened_at', { mode: 'string' }),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    unique('platforms_committee_kind_name_unique').on(t.committeeId, t.kind, t.name),
    index('platforms_committee_kind_idx').on(t.committeeId, t.kind),
  ],
);

export const platformMembers = pgTable(
  'platform_members',
  {
    committeeId: committeeRef(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
  },
  (t) => [
    primaryKey({ columns: [t.platformId, t.memberId] }),
    index('platform_members_member_idx').on(t.memberId),
  ],
);
