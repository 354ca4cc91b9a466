import { z } from 'zod';
import { proposalCategories, proposalStates, proposerKinds } from '@tongxin/common/proposals/enums.ts';

/** The longest search input: a title is at most 100 characters, and so is a query. */
export const maxQueryLength = 100;

const id = (what: string) => z.uuid(`${what}格式不正确`);

export const searchQuery = z
  .object({
    q: z
      .string({ error: '请输入检索词' })
      .trim()
      .min(1, '请输入检索词')
      .max(maxQueryLength, `检索词不能超过 ${maxQueryLength} 个字，请精简后重试`),
    sessionId: id('会议编号').optional(),
    category: z.enum(proposalCategories, '提案类别不正确').optional(),
    state: z
      .string()
      .transform((s) => s.split(',').filter(Boolean))
      .pipe(z.array(z.enum(proposalStates, '提案状态不正确')).max(proposalStates.length))
      .optional(),
    handlerUnitId: id('承办单位编号').optional(),
    proposerKind: z.enum(proposerKinds, '提案者类型不正确').optional(),
    page: z.coerce
      .number({ error: '页码应为正整数' })
      .int('页码应为正整数')
      .min(1, '页码应为正整数')
      .max(500, '页码不能超过 500，请增加筛选条件缩小范围')
      .default(1),
    pageSize: z.coerce
      .number({ error: '每页条数应为 1–50 的整数' })
      .int('每页条数应为 1–50 的整数')
      .min(1, '每页条数应为 1–50 的整数')
      .max(50, '每页条数应为 1–50 的整数')
      .default(20),
  })
  .strict();
export type SearchQueryInput = z.infer<typeof searchQuery>;

export const addWordBody = z
  .object({
    word: z
      .string({ error: '请填写词语' })
      .trim()
      .min(2, '词语至少 2 个字')
      .max(20, '词语不能超过 20 个字')
      .refine((w) => !/\s/.test(w), '词语中不能有空格')
      .refine((w) => /^[\p{L}\p{N}+#&._%-]+$/u.test(w), '词语只能由汉字、字母、数字组成'),
  })
  .strict();

export const wordParams = z.object({ id: id('词语编号') }).strict();

export const proposalParams = z.object({ id: id('提案编号') }).strict();

export const reindexBody = z
  .object({
    /** Continue after this proposal id (the `next` of the previous batch); omitted to start. */
    after: id('续建位置').optional(),
  })
  .strict();
