/**
 * Proposal text for the bench data, from the shared corpus (server/src/modules/demo/corpus/): titles,
 * 情况/分析/建议 and reply letters built from topic vocabularies and sentence templates with a seeded PRNG,
 * so every run writes the same words. Each topic carries its category and the handler units that would
 * usually answer it (names as in the demo committee). Kept as this module's API for the proposal benches;
 * the search bench uses the corpus itself (near-duplicates with ground truth).
 */
import {
  composeCoOpinion,
  composeDraft,
  composeReply,
  composeTitle,
  pickAngle,
  type ProposalText,
  render,
} from '../../server/src/modules/demo/corpus/compose.ts';
import type { Topic } from '../../server/src/modules/demo/corpus/topics.ts';
import type { Rng } from '../../server/src/modules/demo/prng.ts';

export type { ProposalText } from '../../server/src/modules/demo/corpus/compose.ts';
export {
  type Category,
  categoryWeights,
  type Topic,
  topics,
} from '../../server/src/modules/demo/corpus/topics.ts';

/** "关于加快推进我市社区居家养老服务体系的建议". */
export function title(rng: Rng, topic: Topic): string {
  return composeTitle(rng, { ...pickAngle(rng, topic, 2026), core: rng.pick(topic.titles) });
}

/** 300–3,000 characters over the three sections (most between 600 and 1,800). */
export function proposalText(rng: Rng, topic: Topic, unit: string, year: number): ProposalText {
  return render(composeDraft(rng, { ...pickAngle(rng, topic, year), unit }));
}

/** A reply letter (答复函): 300–900 characters. */
export function replyBody(
  rng: Rng,
  topic: Topic,
  o: { proposer: string; title: string; unit: string; year: number },
): string {
  return composeReply(rng, pickAngle(rng, topic, o.year), o);
}

export function coOpinionBody(rng: Rng, topic: Topic, unit: string, year: number): string {
  return composeCoOpinion(rng, pickAngle(rng, topic, year), unit);
}

export const reviewComments = {
  file: ['符合立案标准，建议立案。', '内容具体，建议可行，同意立案。', '同意立案，建议交有关单位办理。'],
  notFile: ['属于学术讨论范畴，不予立案，建议转为社情民意信息。', '内容空泛，缺少具体建议。'],
  merge: ['与同类提案内容相近，建议并案办理。'],
  return: ['请补充具体建议，按“一事一案”要求修改后重新提交。', '情况部分数据需核实，请修改后重新提交。'],
};

export const feedbackComments = [
  '',
  '',
  '承办单位办理态度认真，答复具体。',
  '办理过程中主动沟通，落实情况较好。',
  '希望进一步加大落实力度。',
  '答复未能回应提案的核心建议。',
];
