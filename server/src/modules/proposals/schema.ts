import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  assignmentModes,
  closeReasons,
  consultationForms,
  conversionTargets,
  proposalCategories,
  proposalStates,
  proposalTimings,
  proposerKinds,
  reviewRecommendations,
  satisfactionLevels,
} from '@tongxin/common/proposals/enums.ts';
import { assignmentStates } from '@tongxin/common/proposals/workflow.ts';
import { users } from '../auth/schema.ts';
import { businessColumns, committees } from '../../platform/tenancy/schema.ts';
import {
  handlerUnits,
  members,
  participatingUnits,
  plenarySessions,
  sectors,
  specialCommittees,
} from '../org/schema.ts';

const committeeRef = () =>
  uuid('committee_id')
    .notNull()
    .references(() => committees.id);
const at = (name: string) => timestamp(name, { withTimezone: true });

/**
 * The committee's proposal rules, editable by an administrator: review stages, not-filed reasons, result
 * classes, every duration (domain.md §3.3), the plenary window and the co-signer cap. Defaults in
 * `settings/defaults.ts`.
 */
export const proposalSettings = pgTable('proposal_settings', {
  ...businessColumns(),
  rules: jsonb('rules').notNull(),
});

/** 提案 */
export const proposals = pgTable(
  'proposals',
  {
    ...businessColumns(),
    sessionId: uuid('session_id').references(() => plenarySessions.id),
    /** 收文号: serial within the session, given at submission. */
    intakeNo: integer('intake_no'),
    /** 立案号: "十四届四次会议第0001号", given at filing. */
    number: integer('number'),
    timing: text('timing', { enum: proposalTimings }),
    proposerKind: text('proposer_kind', { enum: proposerKinds }).notNull(),
    leadMemberId: uuid('lead_member_id').references(() => members.id),
    leadUnitId: uuid('lead_unit_id').references(() => participatingUnits.id),
    leadSpecialCommitteeId: uuid('lead_special_committee_id').references(() => specialCommittees.id),
    leadSectorId: uuid('lead_sector_id').references(() => sectors.id),
    leadGroupName: text('lead_group_name'),
    signatoryName: text('signatory_name'),
    sealAttached: boolean('seal_attached').notNull().default(false),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    /** A paper proposal entered by staff on the proposer's behalf. */
    enteredOnBehalf: boolean('entered_on_behalf').notNull().default(false),
    title: text('title').notNull(),
    situation: text('situation').notNull().default(''),
    analysis: text('analysis').notNull().default(''),
    suggestions: text('suggestions').notNull().default(''),
    category: text('category', { enum: proposalCategories }),
    subCategory: text('sub_category'),
    suggestedHandlerUnitIds: uuid('suggested_handler_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    consentToPublish: boolean('consent_to_publish').notNull().default(true),
    nonPublishReason: text('non_publish_reason'),
    isUrgent: boolean('is_urgent').notNull().default(false),
    state: text('state', { enum: proposalStates }).notNull().default('draft'),
    /** Index of the current review stage in the committee's configured list. */
    reviewStage: integer('review_stage'),
    mergedIntoId: uuid('merged_into_id'),
    notFiledReasonCode: text('not_filed_reason_code'),
    notFiledReasonText: text('not_filed_reason_text'),
    convertedTo: text('converted_to', { enum: conversionTargets }),
    isKey: boolean('is_key').notNull().default(false),
    isExcellent: boolean('is_excellent').notNull().default(false),
    closeReason: text('close_reason', { enum: closeReasons }),
    submittedAt: at('submitted_at'),
    filedAt: at('filed_at'),
    assignedAt: at('assigned_at'),
    repliedAt: at('replied_at'),
    closedAt: at('closed_at'),
    /** Ratings are due by this day (Asia/Shanghai), counted from the reply. */
    feedbackDueOn: date('feedback_due_on', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('proposals_session_number_unique')
      .on(t.sessionId, t.number)
      .where(sql`${t.number} is not null`),
    uniqueIndex('proposals_session_intake_unique')
      .on(t.sessionId, t.intakeNo)
      .where(sql`${t.intakeNo} is not null`),
    index('proposals_committee_state_idx').on(t.committeeId, t.state),
    index('proposals_committee_session_idx').on(t.committeeId, t.sessionId, t.number),
    index('proposals_lead_member_idx').on(t.leadMemberId),
    // The author's and the collective proposer's own proposals (`ownProposalIds`).
    index('proposals_created_by_idx').on(t.createdByUserId),
    index('proposals_lead_unit_idx').on(t.leadUnitId),
    index('proposals_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    // The lists' order (newest change first): a page stops after its rows instead of sorting every match.
    // NULLS FIRST as in `ORDER BY … DESC`: with NULLS LAST the planner cannot use it for that order.
    index('proposals_committee_updated_idx').on(
      t.committeeId,
      t.updatedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // A session's proposals in some states (the staff queues): the list's count and its choice of a page's
    // rows (ordered by updated_at, id) read only this index, not the proposals.
    index('proposals_committee_session_state_idx').on(
      t.committeeId,
      t.sessionId,
      t.state,
      t.category,
      t.createdByUserId,
      t.updatedAt,
      t.id,
    ),
    // The list's title search for terms of one or two characters (title_grams: migration 0006 says why).
    index('proposals_title_grams_idx').using('gin', sql`title_grams(${t.title})`),
    check(
      'proposals_lead_check',
      sql`(${t.proposerKind} in ('member_individual','member_joint') and ${t.leadMemberId} is not null)
        or (${t.proposerKind} not in ('member_individual','member_joint'))`,
    ),
  ],
);

/** 提案人与联名人: the lead proposer and every invited co-signer. */
export const proposalSigners = pgTable(
  'proposal_signers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: committeeRef(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    role: text('role', { enum: ['lead', 'cosigner'] }).notNull(),
    invitedAt: at('invited_at').notNull().defaultNow(),
    confirmedAt: at('confirmed_at'),
    declinedAt: at('declined_at'),
    /** Still unconfirmed at the session's proposal deadline: the name drops. */
    droppedAt: at('dropped_at'),
    /**
     * 平时提案 only: the last day (Asia/Shanghai) to answer the invitation, `recessCosignWorkingDays` working
     * days from the invitation (or from the submission, for a name invited while drafting). A 大会提案's
     * invitations end at the session's proposal deadline instead, so this stays null there.
     */
    cosignDueOn: date('cosign_due_on', { mode: 'string' }),
    /** Kept on the parent when a proposal is merged into it (并案 keeps every proposer). */
    fromProposalId: uuid('from_proposal_id'),
  },
  (t) => [
    unique('proposal_signers_unique').on(t.proposalId, t.memberId),
    index('proposal_signers_member_idx').on(t.memberId),
  ],
);

/** 审查记录: one recommendation per stage (and the final decision). */
export const reviewRecords = pgTable(
  'review_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: committeeRef(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    stageIndex: integer('stage_index').notNull(),
    stageName: text('stage_name').notNull(),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id),
    recommendation: text('recommendation', { enum: reviewRecommendations }).notNull(),
    reasonCode: text('reason_code'),
    comment: text('comment').notNull().default(''),
    suggestedHandlerUnitIds: uuid('suggested_handler_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    mergeIntoId: uuid('merge_into_id'),
    isDecision: boolean('is_decision').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('review_records_proposal_idx').on(t.proposalId)],
);

/** 承办任务: one handler unit's task on one proposal, with its own deadline. */
export const assignments = pgTable(
  'assignments',
  {
    ...businessColumns(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    handlerUnitId: uuid('handler_unit_id')
      .notNull()
      .references(() => handlerUnits.id),
    mode: text('mode', { enum: assignmentModes }).notNull(),
    state: text('state', { enum: assignmentStates }).notNull().default('pending_receipt'),
    /** 1 = first handling; 2 = 重新办理 after a 不满意 rating. */
    round: integer('round').notNull().default(1),
    /**
     * When the current round started: the assignment for round 1, the 重新办理 order for round 2. Extension
     * limits count from here; `dueOn`/`extendedDueOn` are the current round's (earlier rounds:
     * `assignment_rounds`).
     */
    roundStartedAt: at('round_started_at').notNull().defaultNow(),
    assignedByUserId: uuid('assigned_by_user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: at('assigned_at').notNull().defaultNow(),
    receivedAt: at('received_at'),
    objectionDueOn: date('objection_due_on', { mode: 'string' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extendedDueOn: date('extended_due_on', { mode: 'string' }),
    completedAt: at('completed_at'),
    reassignedToId: uuid('reassigned_to_id'),
  },
  (t) => [
    index('assignments_proposal_idx').on(t.proposalId),
    index('assignments_unit_state_idx').on(t.handlerUnitId, t.state),
    // One active lead or sole unit per proposal.
    uniqueIndex('assignments_one_lead_unique')
      .on(t.proposalId)
      .where(sql`${t.mode} in ('lead','sole') and ${t.state} <> 'reassigned'`),
    uniqueIndex('assignments_unit_once_unique')
      .on(t.proposalId, t.handlerUnitId)
      .where(sql`${t.state} <> 'reassigned'`),
  ],
);

/**
 * A finished handling round of a task, written when 重新办理 starts the next one: the dates the round ran
 * under. The statistics' 按期办复率 judges the first reply against round 1's own (extended) deadline.
 */
export const assignmentRounds = pgTable(
  'assignment_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: committeeRef(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    round: integer('round').notNull(),
    startedAt: at('started_at').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    extendedDueOn: date('extended_due_on', { mode: 'string' }),
    completedAt: at('completed_at'),
  },
  (t) => [unique('assignment_rounds_unique').on(t.assignmentId, t.round)],
);

/** 交办异议 */
export const assignmentObjections = pgTable('assignment_objections', {
  id: uuid('id').primaryKey().defaultRandom(),
  committeeId: committeeRef(),
  assignmentId: uuid('assignment_id')
    .notNull()
    .references(() => assignments.id),
  reason: text('reason').notNull(),
  proposedUnitId: uuid('proposed_unit_id').references(() => handlerUnits.id),
  raisedByUserId: uuid('raised_by_user_id')
    .notNull()
    .references(() => users.id),
  raisedAt: at('raised_at').notNull().defaultNow(),
  decision: text('decision', { enum: ['reassigned', 'upheld'] }),
  decisionComment: text('decision_comment'),
  decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
  decidedAt: at('decided_at'),
});

/** 延期申请: asked before the deadline, decided by the supervision office, never beyond the maximum. */
export const extensionRequests = pgTable('extension_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  committeeId: committeeRef(),
  assignmentId: uuid('assignment_id')
    .notNull()
    .references(() => assignments.id),
  reason: text('reason').notNull(),
  requestedDueOn: date('requested_due_on', { mode: 'string' }).notNull(),
  /** The handling round asked in: a request left open when 重新办理 starts can no longer be approved. */
  round: integer('round').notNull().default(1),
  requestedByUserId: uuid('requested_by_user_id')
    .notNull()
    .references(() => users.id),
  requestedAt: at('requested_at').notNull().defaultNow(),
  decision: text('decision', { enum: ['approved', 'rejected'] }),
  decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
  decidedAt: at('decided_at'),
  decisionComment: text('decision_comment'),
});

/** 办理沟通: contacts with the proposer before, during and after handling. */
export const handlingContacts = pgTable('handling_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  committeeId: committeeRef(),
  assignmentId: uuid('assignment_id')
    .notNull()
    .references(() => assignments.id),
  stage: text('stage', { enum: ['before', 'during', 'after'] }).notNull(),
  method: text('method', { enum: ['visit', 'meeting', 'phone', 'online'] }).notNull(),
  contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
  participants: text('participants').notNull().default(''),
  notes: text('notes').notNull().default(''),
  recordedByUserId: uuid('recorded_by_user_id')
    .notNull()
    .references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** 答复函 (and, from a co-handling unit, its 会办意见). Round 2 is the reply after 重新办理. */
export const replyLetters = pgTable(
  'reply_letters',
  {
    ...businessColumns(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    kind: text('kind', { enum: ['reply', 'co_opinion'] }).notNull(),
    round: integer('round').notNull().default(1),
    docNumber: text('doc_number').notNull().default(''),
    body: text('body').notNull(),
    resultClass: text('result_class'),
    contactName: text('contact_name').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    draftedByUserId: uuid('drafted_by_user_id')
      .notNull()
      .references(() => users.id),
    signedByUserId: uuid('signed_by_user_id').references(() => users.id),
    signedAt: at('signed_at'),
    supervisionStatus: text('supervision_status', { enum: ['pending', 'approved', 'returned'] }),
    supervisionComment: text('supervision_comment'),
    sentAt: at('sent_at'),
    publishMode: text('publish_mode', { enum: ['full', 'summary', 'none'] })
      .notNull()
      .default('full'),
  },
  (t) => [
    index('reply_letters_proposal_idx').on(t.proposalId),
    uniqueIndex('reply_letters_assignment_round_unique').on(t.assignmentId, t.round, t.kind),
  ],
);

/** 会签: a co-handling unit's agreement or amendment to the lead unit's draft reply. */
export const replyCosigns = pgTable(
  'reply_cosigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: committeeRef(),
    replyLetterId: uuid('reply_letter_id')
      .notNull()
      .references(() => replyLetters.id, { onDelete: 'cascade' }),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => assignments.id),
    decision: text('decision', { enum: ['agreed', 'amended'] }).notNull(),
    comment: text('comment').notNull().default(''),
    decidedByUserId: uuid('decided_by_user_id')
      .notNull()
      .references(() => users.id),
    decidedAt: at('decided_at').notNull().defaultNow(),
  },
  (t) => [unique('reply_cosigns_unique').on(t.replyLetterId, t.assignmentId)],
);

/**
 * 征询意见表: one rating per signer per round — the signer is the member it is for (`memberId`), or, when
 * `memberId` is null, the collective proposer (the lead unit its liaison speaks for; a proposal has one).
 * Who typed it is a separate fact: the signer's own account, or proposal staff entering a paper form.
 */
export const proposerFeedback = pgTable(
  'proposer_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: committeeRef(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    round: integer('round').notNull(),
    memberId: uuid('member_id').references(() => members.id),
    /** Who entered it: the signer (or liaison) themself, or — `recordedByStaff` — the staff member. */
    raterUserId: uuid('rater_user_id')
      .notNull()
      .references(() => users.id),
    overall: text('overall', { enum: satisfactionLevels }).notNull(),
    consultedBeforeReply: text('consulted_before_reply'),
    handlerAttitude: text('handler_attitude'),
    agreesWithResult: boolean('agrees_with_result'),
    replyOnPoint: boolean('reply_on_point'),
    visitHappened: boolean('visit_happened'),
    comment: text('comment').notNull().default(''),
    /** A paper 征询意见表 entered by proposal staff on the signer's behalf. */
    recordedByStaff: boolean('recorded_by_staff').notNull().default(false),
    submittedAt: at('submitted_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('proposer_feedback_member_unique')
      .on(t.proposalId, t.round, t.memberId)
      .where(sql`${t.memberId} is not null`),
    uniqueIndex('proposer_feedback_collective_unique')
      .on(t.proposalId, t.round)
      .where(sql`${t.memberId} is null`),
    // A proposal's ratings (the presenter, for every rated proposal of a list page): the partial unique
    // indexes above cannot serve `proposal_id in (…)`, which otherwise scans every rating.
    index('proposer_feedback_proposal_idx').on(t.proposalId),
  ],
);

/**
 * 协商办结 (P19): the consultation with a proposer still 不满意 after 重新办理, recorded when staff close
 * the proposal on it. One per proposal (closing happens once).
 */
export const proposalConsultations = pgTable(
  'proposal_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: committeeRef(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    /** The handling round whose 不满意 led to it. */
    round: integer('round').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    form: text('form', { enum: consultationForms }).notNull(),
    participants: text('participants').notNull(),
    outcome: text('outcome').notNull(),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('proposal_consultations_proposal_unique').on(t.proposalId)],
);

/** 重点提案: chosen by the Chair's Council after filing, with the four roles of "四位一体" supervision. */
export const keyProposals = pgTable(
  'key_proposals',
  {
    ...businessColumns(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    year: integer('year').notNull(),
    selectedByUserId: uuid('selected_by_user_id')
      .notNull()
      .references(() => users.id),
    selectedAt: at('selected_at').notNull().defaultNow(),
    /** 主席会议成员领衔督办 */
    supervisingLeaderId: uuid('supervising_leader_id').references(() => members.id),
    /** 专委会跟踪 */
    responsibleCommitteeId: uuid('responsible_committee_id').references(() => specialCommittees.id),
    /** 市委/市政府领导领办 (not a member: name and title) */
    leadingOfficial: text('leading_official'),
    /** 与重点协商议题联动 */
    linkedTopic: text('linked_topic'),
    supervisionPlan: text('supervision_plan').notNull().default(''),
  },
  (t) => [unique('key_proposals_proposal_unique').on(t.proposalId)],
);

/** 督办活动 of a key proposal. */
export const supervisionEvents = pgTable('supervision_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  committeeId: committeeRef(),
  keyProposalId: uuid('key_proposal_id')
    .notNull()
    .references(() => keyProposals.id, { onDelete: 'cascade' }),
  kind: text('kind', {
    enum: ['forum', 'inspection', 'research', 'unit_visit', 'progress_check', 'report_to_leaders'],
  }).notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  participants: text('participants').notNull().default(''),
  findings: text('findings').notNull().default(''),
  recordedByUserId: uuid('recorded_by_user_id')
    .notNull()
    .references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** 优秀提案: nominated → preliminary → approved → published, yearly. */
export const excellentAwards = pgTable(
  'excellent_awards',
  {
    ...businessColumns(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    year: integer('year').notNull(),
    stage: text('stage', {
      enum: ['nominated', 'preliminary', 'approved', 'published', 'rejected'],
    }).notNull(),
    nominatedBy: text('nominated_by').notNull(),
    notes: text('notes').notNull().default(''),
  },
  (t) => [unique('excellent_awards_unique').on(t.proposalId, t.year)],
);
