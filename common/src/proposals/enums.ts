/** Dictionaries of the proposal workflow, with Chinese labels (domain.md §2.2, §2.4, §3.1–§3.3). */
export const proposalStates = [
  'draft',
  'cosigning',
  'submitted',
  'under_review',
  'returned_for_revision',
  'withdrawn',
  'filed',
  'merged',
  'not_filed',
  'converted',
  'assigned',
  'handling',
  'evaluating',
  'rehandling',
  'closed',
] as const;
export type ProposalState = (typeof proposalStates)[number];

export const proposerKinds = [
  'member_individual',
  'member_joint',
  'party',
  'people_org',
  'special_committee',
  'sector',
  'member_group',
] as const;
export type ProposerKind = (typeof proposerKinds)[number];
export const collectiveKinds: readonly ProposerKind[] = [
  'party',
  'people_org',
  'special_committee',
  'sector',
  'member_group',
];

export const proposalCategories = ['economy', 'politics', 'culture', 'society', 'ecology'] as const;
export const proposalTimings = ['plenary', 'recess'] as const;
export const reviewRecommendations = ['file', 'merge', 'not_file', 'return_for_revision'] as const;
export type ReviewRecommendation = (typeof reviewRecommendations)[number];
export const conversionTargets = ['opinion', 'social_opinion', 'letter'] as const;
export const assignmentModes = ['sole', 'lead', 'co', 'split'] as const;
export type AssignmentMode = (typeof assignmentModes)[number];
export const satisfactionLevels = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const closeReasons = ['rated', 'not_rated', 'consulted', 'withdrawn'] as const;
/** 协商沟通 forms of the consultation before 协商办结 (P19: face-to-face, or a written explanation). */
export const consultationForms = ['meeting', 'visit', 'phone', 'online', 'written'] as const;
export type ConsultationForm = (typeof consultationForms)[number];

export const proposalLabels = {
  state: {
    draft: '草稿',
    cosigning: '联名征集中',
    submitted: '已提交',
    under_review: '审查中',
    returned_for_revision: '退回修改',
    withdrawn: '已撤回',
    filed: '已立案',
    merged: '已并案',
    not_filed: '不予立案',
    converted: '已转办',
    assigned: '已交办',
    handling: '办理中',
    evaluating: '已答复待评价',
    rehandling: '重新办理',
    closed: '已办结',
  },
  proposerKind: {
    member_individual: '委员个人提案',
    member_joint: '委员联名提案',
    party: '党派提案',
    people_org: '人民团体提案',
    special_committee: '专委会提案',
    sector: '界别提案',
    member_group: '委员小组提案',
  },
  category: { economy: '经济', politics: '政治', culture: '文化', society: '社会', ecology: '生态文明' },
  timing: { plenary: '大会提案', recess: '平时提案' },
  recommendation: { file: '立案', merge: '并案', not_file: '不予立案', return_for_revision: '退回修改' },
  conversion: { opinion: '转为意见建议', social_opinion: '转为社情民意', letter: '转为来信' },
  mode: { sole: '独办', lead: '主办', co: '会办', split: '分办' },
  satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' },
  consultationForm: {
    meeting: '当面座谈',
    visit: '上门走访',
    phone: '电话沟通',
    online: '网络沟通',
    written: '书面说明',
  },
} as const;
