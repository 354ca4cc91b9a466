import { z } from 'zod';

const duration = z
  .object({
    amount: z.number().int().min(1, '期限应为正整数').max(366, '期限过长'),
    unit: z.enum(['wd', 'nd', 'mo'], '期限单位应为工作日、自然日或月'),
  })
  .strict();
export type Duration = z.infer<typeof duration>;

export const durationKeys = [
  'objectionWindow',
  'handlingPeriodPlenary',
  'handlingPeriodRecess',
  'handlingMax',
  'coHandlerOpinion',
  'firstContact',
  'feedbackWindow',
  'rehandlingPeriod',
  'publishAfterReply',
] as const;
export type DurationKey = (typeof durationKeys)[number];

export const durationLabels: Record<DurationKey, string> = {
  objectionWindow: '交办异议期限',
  handlingPeriodPlenary: '大会提案办理期限',
  handlingPeriodRecess: '平时提案办理期限',
  handlingMax: '办理最长期限（含延期）',
  coHandlerOpinion: '会办单位送会办意见期限',
  firstContact: '办前首次联系提案人期限',
  feedbackWindow: '提案人评价期限',
  rehandlingPeriod: '重新办理期限',
  publishAfterReply: '答复后公开期限',
};

const coded = z
  .object({ code: z.string().trim().min(1).max(20), label: z.string().trim().min(1).max(100) })
  .strict();

/** A committee's proposal rules (domain.md §3.3 — "configurable"). */
export const proposalRules = z
  .object({
    reviewStages: z
      .array(
        z.object({ key: z.string().trim().min(1).max(30), name: z.string().trim().min(1).max(20) }).strict(),
      )
      .min(1, '至少设置一个审查环节')
      .max(8, '审查环节不超过 8 个'),
    notFiledReasons: z.array(coded).min(1).max(40),
    resultClasses: z.array(coded).min(1).max(10),
    durations: z
      .object(
        Object.fromEntries(durationKeys.map((k) => [k, duration])) as Record<DurationKey, typeof duration>,
      )
      .strict(),
    /** Proposals submitted from this many months before the session opens until its deadline are 大会提案. */
    plenaryWindowMonths: z.number().int().min(0).max(12),
    maxCosigners: z.number().int().min(1).max(500).nullable(),
    // Optional with defaults: rules saved before attachments existed still parse (and keep their values).
    /** 单个附件大小上限（MB）; also the limit of a reply letter's scanned copy. */
    attachmentMaxMb: z
      .number()
      .int()
      .min(1, '附件大小上限至少 1 MB')
      .max(50, '附件大小上限不超过 50 MB（附件存入数据库）')
      .default(20),
    /** 每件提案附件数量上限; also the number of scans per reply letter. */
    attachmentMaxCount: z
      .number()
      .int()
      .min(1, '附件数量上限至少 1 个')
      .max(30, '附件数量上限不超过 30 个')
      .default(10),
    /**
     * 平时提案: working days an invited co-signer has to answer (a 大会提案's invitations end at the session's
     * proposal deadline). Optional with a default, like the attachment limits, so saved rules still parse.
     */
    recessCosignWorkingDays: z
      .number()
      .int('联名确认期限应为整数个工作日')
      .min(1, '联名确认期限至少 1 个工作日')
      .max(60, '联名确认期限不超过 60 个工作日')
      .default(5),
  })
  .strict();
export type ProposalRules = z.infer<typeof proposalRules>;

/** Defaults: the most common values in domain.md §3.3 and §2.4, the ten national not-filed reasons. */
export const defaultProposalRules: ProposalRules = {
  reviewStages: [
    { key: 'first_review', name: '初审' },
    { key: 'second_review', name: '复审' },
    { key: 'joint_review', name: '会审' },
    { key: 'final_review', name: '审定' },
  ],
  notFiledReasons: [
    { code: 'N01', label: '涉及党和国家秘密的' },
    { code: 'N02', label: '属于国家明令禁止的' },
    { code: 'N03', label: '中共党员对党组织和人事问题提出意见的' },
    { code: 'N04', label: '民主党派成员对本党派内部事务提出意见的' },
    { code: 'N05', label: '属于民事、刑事、行政诉讼或仲裁案件的' },
    { code: 'N06', label: '属于学术讨论的' },
    { code: 'N07', label: '涉及提案者本人及其亲属个人事务的' },
    { code: 'N08', label: '宣传、推介具体作品或产品的' },
    { code: 'N09', label: '指名举报的' },
    { code: 'N10', label: '内容空泛、没有具体建议的' },
    { code: 'L01', label: '一案多事，不符合一事一案要求的' },
    { code: 'L02', label: '超出本级事权范围的' },
  ],
  resultClasses: [
    { code: 'A', label: '已解决或基本解决' },
    { code: 'B', label: '正在解决或列入计划解决' },
    { code: 'C', label: '因条件限制留作参考' },
  ],
  durations: {
    objectionWindow: { amount: 7, unit: 'wd' },
    handlingPeriodPlenary: { amount: 3, unit: 'mo' },
    handlingPeriodRecess: { amount: 3, unit: 'mo' },
    handlingMax: { amount: 6, unit: 'mo' },
    coHandlerOpinion: { amount: 1, unit: 'mo' },
    firstContact: { amount: 15, unit: 'wd' },
    feedbackWindow: { amount: 15, unit: 'wd' },
    rehandlingPeriod: { amount: 3, unit: 'mo' },
    publishAfterReply: { amount: 20, unit: 'wd' },
  },
  plenaryWindowMonths: 3,
  maxCosigners: null,
  attachmentMaxMb: 20,
  attachmentMaxCount: 10,
  recessCosignWorkingDays: 5,
};
