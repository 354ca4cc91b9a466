import { z } from 'zod';
import { id, isoDate, text } from '../org/fields.ts';
import type { Role } from '../roles.ts';

/** 重点提案: the Chair's Council's selection with the four roles of "四位一体" supervision. */
export const markKeyInput = z
  .object({
    supervisingLeaderId: id.nullable().optional(),
    responsibleCommitteeId: id.nullable().optional(),
    leadingOfficial: text('领办领导', 60).nullable().optional(),
    linkedTopic: text('联动协商议题', 100).nullable().optional(),
    supervisionPlan: text('督办方案', 5000).default(''),
  })
  .strict();

export const supervisionEventKinds = [
  'forum',
  'inspection',
  'research',
  'unit_visit',
  'progress_check',
  'report_to_leaders',
] as const;
export const supervisionEventLabels: Record<(typeof supervisionEventKinds)[number], string> = {
  forum: '督办协商座谈',
  inspection: '实地视察',
  research: '专题调研',
  unit_visit: '走访承办单位',
  progress_check: '调度推进',
  report_to_leaders: '报市委市政府领导',
};
export const supervisionEventInput = z
  .object({
    kind: z.enum(supervisionEventKinds, '督办活动类型不正确'),
    heldOn: isoDate,
    participants: text('参加人员', 1000).default(''),
    findings: text('情况与问题', 5000).default(''),
  })
  .strict();

/** 优秀提案评选: nomination → preliminary evaluation → approval → publication (or rejection). */
export const excellentStages = ['nominated', 'preliminary', 'approved', 'published', 'rejected'] as const;
export type ExcellentStage = (typeof excellentStages)[number];
export const excellentStageLabels: Record<ExcellentStage, string> = {
  nominated: '已推荐',
  preliminary: '初评通过',
  approved: '审定通过',
  published: '已通报表彰',
  rejected: '未入选',
};
export const excellentTransitions: Record<
  Exclude<ExcellentStage, 'nominated'>,
  { from: ExcellentStage[]; who: Role[] }
> = {
  preliminary: { from: ['nominated'], who: ['proposal_staff'] },
  approved: { from: ['preliminary'], who: ['chair_council'] },
  published: { from: ['approved'], who: ['proposal_staff'] },
  rejected: { from: ['nominated', 'preliminary'], who: ['proposal_staff', 'chair_council'] },
};
export const nominateExcellentInput = z
  .object({
    proposalId: id,
    year: z.number().int().min(2000).max(2100),
    nominatedBy: text('推荐单位', 60),
    notes: text('推荐理由', 2000).default(''),
  })
  .strict();
export const advanceExcellentInput = z
  .object({
    stage: z.enum(['preliminary', 'approved', 'published', 'rejected']),
    notes: text('评审意见', 2000).default(''),
    expectedVersion: z.number().int().min(1),
  })
  .strict();
