import { z } from 'zod';
import { bodyName, expectedVersion, id, personName, text } from '../org/fields.ts';
import { pageQuery } from '../pagination.ts';
import {
  conversionTargets,
  proposalCategories,
  proposalStates,
  proposerKinds,
  reviewRecommendations,
} from './enums.ts';

const section = (label: string) => text(label, 20_000).default('');

/** The content a proposer writes: 案由 and 情况 / 分析 / 建议 (有情况、有分析、有建议). */
const contentFields = {
  title: z
    .string()
    .trim()
    .min(1, { message: '请填写案由', abort: true })
    .max(100, '案由不超过 100 个字符（一事一案）'),
  situation: section('情况'),
  analysis: section('分析'),
  suggestions: section('建议'),
  category: z.enum(proposalCategories, '类别不正确').nullable().optional(),
  subCategory: text('子类', 30).nullable().optional(),
  suggestedHandlerUnitIds: z.array(id).max(5, '建议承办单位不超过 5 个').default([]),
  consentToPublish: z.boolean().default(true),
  nonPublishReason: text('不公开理由', 200).nullable().optional(),
  isUrgent: z.boolean().default(false),
};

export const createProposalInput = z
  .object({
    proposerKind: z.enum(proposerKinds, '提案类型不正确'),
    /** Staff entering a paper proposal, or a collective's signatory member: the lead member. */
    leadMemberId: id.nullable().optional(),
    leadUnitId: id.nullable().optional(),
    leadSpecialCommitteeId: id.nullable().optional(),
    leadSectorId: id.nullable().optional(),
    leadGroupName: bodyName('委员小组名称', 40).nullable().optional(),
    signatoryName: personName.nullable().optional(),
    sealAttached: z.boolean().default(false),
    cosignerIds: z.array(id).max(500).default([]),
    ...contentFields,
  })
  .strict();
export type CreateProposalInput = z.infer<typeof createProposalInput>;

export const updateProposalInput = z
  .object({
    title: contentFields.title.optional(),
    situation: text('情况', 20_000).optional(),
    analysis: text('分析', 20_000).optional(),
    suggestions: text('建议', 20_000).optional(),
    category: contentFields.category,
    subCategory: contentFields.subCategory,
    suggestedHandlerUnitIds: z.array(id).max(5, '建议承办单位不超过 5 个').optional(),
    consentToPublish: z.boolean().optional(),
    nonPublishReason: contentFields.nonPublishReason,
    isUrgent: z.boolean().optional(),
    signatoryName: personName.nullable().optional(),
    sealAttached: z.boolean().optional(),
    expectedVersion,
  })
  .strict();

export const inviteCosignersInput = z
  .object({ memberIds: z.array(id).min(1, '请选择联名委员').max(500) })
  .strict();
export const respondCosignInput = z.object({ accept: z.boolean() }).strict();
export const versionInput = z.object({ expectedVersion }).strict();

export const reviewInput = z
  .object({
    recommendation: z.enum(reviewRecommendations, '审查意见不正确'),
    reasonCode: z.string().trim().max(20).nullable().optional(),
    comment: text('审查意见说明', 2000).default(''),
    suggestedHandlerUnitIds: z.array(id).max(10).default([]),
    mergeIntoId: id.nullable().optional(),
    expectedVersion,
  })
  .strict();

export const convertInput = z
  .object({
    target: z.enum(conversionTargets, '转办去向不正确'),
    note: text('转办说明', 2000).default(''),
    expectedVersion,
  })
  .strict();

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(400)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const proposalListQuery = pageQuery
  .extend({
    q: z.string().trim().max(100).optional(),
    /** Which inbox: mine (my proposals), cosign (invitations to me), all (everything visible). */
    box: z.enum(['all', 'mine', 'cosign', 'review', 'unit']).default('all'),
    sessionId: id.optional(),
    state: csv(proposalStates).optional(),
    category: z.enum(proposalCategories).optional(),
    proposerKind: z.enum(proposerKinds).optional(),
    handlerUnitId: id.optional(),
    isKey: z.enum(['true', 'false']).optional(),
    timing: z.enum(['plenary', 'recess']).optional(),
    /** Some required unit is past its (extended) due date without having replied. */
    overdue: z.enum(['true']).optional(),
  })
  .strict();
export type ProposalListQuery = z.infer<typeof proposalListQuery>;
