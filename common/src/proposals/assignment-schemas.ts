import { z } from 'zod';
import { expectedVersion, id, isoDate, text } from '../org/fields.ts';
import { pageQuery } from '../pagination.ts';
import { assignmentModes, consultationForms, satisfactionLevels } from './enums.ts';
import { assignmentStates } from './workflow.ts';

/** Bodies and queries of 交办、办理、答复、评价 (domain.md §2.2, §3.1 P12–P21, §3.2). */

const required = (label: string, max: number) =>
  text(label, max).min(1, { message: `请填写${label}`, abort: true });

export const assignUnit = z
  .object({
    handlerUnitId: id,
    mode: z.enum(assignmentModes, '承办方式应为独办、主办、会办或分办'),
  })
  .strict();
export type AssignUnit = z.infer<typeof assignUnit>;

const units = z.array(assignUnit).min(1, '请至少选择一个承办单位').max(20, '承办单位不超过 20 个');

export const assignInput = z.object({ units, expectedVersion }).strict();

export const bulkAssignInput = z
  .object({
    items: z
      .array(z.object({ proposalId: id, units }).strict())
      .min(1, '请至少交办一件提案')
      .max(2000, '一次交办不超过 2000 件提案'),
  })
  .strict();
export type BulkAssignInput = z.infer<typeof bulkAssignInput>;

const csvStates = z
  .string()
  .max(400)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(assignmentStates, '办理状态不正确')));

export const assignmentBoxes = ['todo', 'overdue', 'due_soon', 'all'] as const;
export const assignmentListQuery = pageQuery
  .extend({
    box: z.enum(assignmentBoxes, '列表应为待办、超期、临期或全部').default('all'),
    handlerUnitId: id.optional(),
    state: csvStates.optional(),
    proposalId: id.optional(),
  })
  .strict();
export type AssignmentListQuery = z.infer<typeof assignmentListQuery>;

export const objectInput = z
  .object({ reason: required('异议理由', 2000), proposedUnitId: id.nullable().optional(), expectedVersion })
  .strict();

export const objectionDecisionInput = z
  .object({
    decision: z.enum(['uphold', 'reassign'], '处理意见应为维持交办或改办'),
    newHandlerUnitId: id.nullable().optional(),
    comment: text('处理说明', 2000).default(''),
    expectedVersion,
  })
  .strict();

export const extensionRequestInput = z
  .object({ reason: required('延期理由', 2000), requestedDueOn: isoDate, expectedVersion })
  .strict();

export const extensionDecisionInput = z
  .object({
    approve: z.boolean({ error: '请选择同意或不同意' }),
    comment: text('审批意见', 2000).default(''),
  })
  .strict();

export const contactStages = ['before', 'during', 'after'] as const;
export const contactMethods = ['visit', 'meeting', 'phone', 'online'] as const;
export const contactInput = z
  .object({
    stage: z.enum(contactStages, '沟通阶段应为办前、办中或办后'),
    method: z.enum(contactMethods, '沟通方式应为走访、座谈、电话或网络'),
    contactedOn: isoDate,
    participants: text('参加人员', 500).default(''),
    notes: text('沟通情况', 5000).default(''),
  })
  .strict();

export const coOpinionInput = z.object({ body: required('会办意见', 20_000), expectedVersion }).strict();

export const publishModes = ['full', 'summary', 'none'] as const;
export const replyDraftInput = z
  .object({
    docNumber: text('文号', 50).default(''),
    body: required('答复正文', 50_000),
    resultClass: required('答复类别', 20),
    contactName: text('联系人', 50).default(''),
    contactPhone: text('联系电话', 30).default(''),
    publishMode: z.enum(publishModes, '公开方式应为全文公开、摘要公开或不公开').optional(),
    expectedVersion,
  })
  .strict();
export type ReplyDraftInput = z.infer<typeof replyDraftInput>;

export const versionOnlyInput = z.object({ expectedVersion }).strict();

export const cosignInput = z
  .object({
    decision: z.enum(['agreed', 'amended'], '会签意见应为同意或修改'),
    comment: text('会签意见', 5000).default(''),
    expectedVersion,
  })
  .strict();

export const signOffInput = z
  .object({
    approve: z.boolean({ error: '请选择签发或退回' }),
    comment: text('签发意见', 2000).default(''),
    expectedVersion,
  })
  .strict();

export const reviewReplyInput = z
  .object({
    approve: z.boolean({ error: '请选择审核通过或退回' }),
    resultClass: text('答复类别', 20).min(1, '请选择答复类别').optional(),
    comment: text('审核意见', 2000).default(''),
    expectedVersion,
  })
  .strict();

export const consultedWays = ['visit', 'meeting', 'phone', 'letter', 'none'] as const;
export const attitudes = ['good', 'fair', 'poor'] as const;
export const feedbackInput = z
  .object({
    overall: z.enum(satisfactionLevels, '总体评价应为满意、基本满意或不满意'),
    consultedBeforeReply: z.enum(consultedWays, '答复前听取意见方式不正确').optional(),
    handlerAttitude: z.enum(attitudes, '办理人员态度应为好、一般或差').optional(),
    agreesWithResult: z.boolean({ error: '是否同意办理结果应为是或否' }).optional(),
    replyOnPoint: z.boolean({ error: '答复是否针对提案应为是或否' }).optional(),
    visitHappened: z.boolean({ error: '是否走访应为是或否' }).optional(),
    comment: text('评价意见', 2000).default(''),
    onBehalfOfMemberId: id.nullable().optional(),
  })
  .strict();
export type FeedbackInput = z.infer<typeof feedbackInput>;

export const rehandleInput = z.object({ comment: required('重新办理意见', 2000), expectedVersion }).strict();

/** 协商办结 (P19): the consultation held with the still dissatisfied proposer, recorded as the close. */
export const closeInput = z
  .object({
    reason: z.literal('consulted', '办结方式应为“协商后办结”'),
    heldOn: isoDate,
    form: z.enum(consultationForms, '协商方式应为当面座谈、上门走访、电话沟通、网络沟通或书面说明'),
    participants: required('参加人员', 500),
    outcome: required('协商结果', 5000),
    expectedVersion,
  })
  .strict();
export type CloseInput = z.infer<typeof closeInput>;

export const followUpQuery = pageQuery
  .extend({ year: z.coerce.number({ error: '请填写年份' }).int('年份应为整数').min(2000).max(2100) })
  .strict();

export const assignmentLabels = {
  box: { todo: '待办', overdue: '已超期', due_soon: '临近期限', all: '全部' },
  contactStage: { before: '办前', during: '办中', after: '办后' },
  contactMethod: { visit: '走访', meeting: '座谈', phone: '电话', online: '网络' },
  publishMode: { full: '全文公开', summary: '摘要公开', none: '不公开' },
  cosign: { agreed: '同意', amended: '修改' },
  objection: { upheld: '维持交办', reassigned: '已改办' },
  extension: { approved: '同意延期', rejected: '不同意延期' },
  consultedWay: { visit: '走访', meeting: '座谈', phone: '电话', letter: '书面', none: '未听取' },
  attitude: { good: '好', fair: '一般', poor: '差' },
} as const;
