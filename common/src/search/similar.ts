import { z } from 'zod';
import type { AssignmentMode, ProposalState } from '../proposals/enums.ts';
import { expectedVersion, id, text } from '../org/fields.ts';

/**
 * What a member is drafting, for the similar-proposals panel: the title, the body (情况 + 分析 + 建议 as
 * one text) or both. Limits as the proposal's own: 100 characters of title, three parts of 20,000 (and the
 * line breaks between them) of body.
 */
export const similarBody = z
  .object({
    title: text('案由', 100).default(''),
    body: text('正文', 61_000).default(''),
    excludeProposalId: id.optional(),
    limit: z.number().int().min(1, '条数应为 1–20').max(20, '条数应为 1–20').default(5),
  })
  .strict()
  .refine((b) => b.title.length > 0 || b.body.length > 0, {
    message: '请先填写案由或正文，再查找相似提案',
    path: ['title'],
  });
export type SimilarBody = z.infer<typeof similarBody>;

export const mergeCandidatesQuery = z.object({ sessionId: z.uuid('会议编号格式不正确') }).strict();

/** The one-step 并案: the parent (the proposal in the path) and the proposals merged into it. */
export const mergeDuplicatesBody = z
  .object({
    expectedVersion,
    children: z
      .array(z.object({ id, expectedVersion }).strict())
      .min(1, '请至少选择一件并入的提案')
      .max(50, '一次并案不超过 50 件'),
    comment: text('并案说明', 500).default(''),
  })
  .strict();
export type MergeDuplicatesBody = z.infer<typeof mergeDuplicatesBody>;

/** One sent reply of a similar proposal. */
export interface SimilarReplyView {
  unitName: string;
  mode: AssignmentMode;
  sentAt: string;
  year: number;
}

/** A similar proposal as the panels show it. */
export interface SimilarProposalView {
  id: string;
  version: number;
  title: string;
  /** 0–1. */
  score: number;
  state: ProposalState;
  sessionId: string | null;
  sessionName: string | null;
  sessionYear: number | null;
  numberLabel: string | null;
  proposerName: string;
  submittedAt: string | null;
  replies: SimilarReplyView[];
  link: string;
}

/** A group of likely duplicates in one session: pairwise or transitively above the threshold. */
export interface MergeCandidateGroup {
  /** The suggested parent: a filed proposal of the group, else the earliest submitted. */
  suggestedParentId: string;
  /** The group's strongest pair, 0–1. */
  score: number;
  proposals: (SimilarProposalView & { reviewStageName: string | null })[];
  pairs: { a: string; b: string; score: number }[];
}

/** A handler unit that handled similar past proposals, with the evidence. */
export interface UnitSuggestion {
  handlerUnitId: string;
  name: string;
  /** Summed similarity of the proposals it handled. */
  score: number;
  evidence: {
    proposalId: string;
    title: string;
    sessionName: string | null;
    score: number;
    mode: AssignmentMode;
  }[];
}
