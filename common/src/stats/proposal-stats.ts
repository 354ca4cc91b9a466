import { z } from 'zod';

export const proposalStatsQuery = z
  .object({
    sessionId: z.uuid('会议编号格式不正确').optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
  })
  .strict()
  .refine((q) => Boolean(q.sessionId) !== Boolean(q.year), {
    message: '请选择一次会议或一个年度（二选一）',
    path: ['sessionId'],
  });

/** A figure of the statistics: its value and the name of the proposals behind it (for the click-through). */
export interface Figure {
  value: number;
  metric: string;
}
export interface Rate {
  numerator: number;
  denominator: number;
  /** Percentage with one decimal, or null when the denominator is 0. */
  percent: number | null;
  definition: string;
  metric: string;
  /** The proposals of the denominator (click-through of "out of N"). */
  denominatorMetric: string;
}

/** Every definition shown beside its figure (domain.md §4). */
export const statDefinitions = {
  received: '收到提案：统计期内提交（含联名确认完成）的提案，不含已撤回的',
  filed: '立案：经审查立案的提案，不含并案、不予立案和转办',
  filingRate: '立案率 = 立案数 ÷ 收到提案数',
  replyRate: '办复率 = 已全部答复（主办、独办和每个分办单位均已发出答复）的立案提案 ÷ 立案数',
  onTimeReplyRate:
    '按期办复率 = 每个须答复单位的首次答复均在第一轮办理期限（含批准的延期）内发出的立案提案 ÷ 立案数；重新办理的第二次答复不影响是否按期',
  satisfactionPerProposal:
    '满意率（按提案）= 提案人（领衔人或集体提案单位）评价为满意或基本满意的提案 ÷ 已评价的提案；以最后一轮评价为准',
  satisfactionPerRating:
    '满意率（按评价）= 满意和基本满意的评价份数 ÷ 全部评价份数（领衔人和每位联名人各一份，以最后一轮为准）',
  satisfactionOverFiled:
    '满意率（以立案数为分母）= 评价为满意或基本满意的提案 ÷ 立案数（部分工作报告采用此口径）',
} as const;
