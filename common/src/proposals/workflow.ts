import type { Role } from '../roles.ts';
import type { ProposalState } from './enums.ts';

/**
 * Who may take an action: roles, plus a relation the policy checks on the row (`proposer` = the lead
 * proposer or the collective's liaison; `cosigner` = an invited co-signer; `unit` = a clerk or leader of
 * the assignment's handler unit).
 */
export type Actor = Role | 'proposer' | 'cosigner' | 'unit_clerk' | 'unit_leader';

export interface Transition<S extends string> {
  from: readonly S[];
  /** The state after the action; `null` = the state does not change (a record is added instead). */
  to: S | null;
  who: readonly Actor[];
  /** Chinese name of the action, for buttons and the timeline. */
  label: string;
}

const staff = ['proposal_staff'] as const;

/**
 * The proposal lifecycle (domain.md §3.1) as one table. Commands call `assertTransition`, policies read
 * `who`, and the web app shows the buttons the server's `abilities` allow — all from these rows.
 * `to` is the usual target; a command may land elsewhere where a comment on the row says so.
 */
export const proposalTransitions = {
  edit: { from: ['draft', 'returned_for_revision'], to: 'draft', who: ['proposer', ...staff], label: '修改' },
  invite_cosigners: {
    from: ['draft', 'cosigning', 'returned_for_revision'],
    to: null,
    who: ['proposer'],
    label: '邀请联名',
  },
  accept_cosign: {
    from: ['draft', 'cosigning', 'returned_for_revision'],
    to: null,
    who: ['cosigner'],
    label: '同意联名',
  },
  decline_cosign: {
    from: ['draft', 'cosigning', 'returned_for_revision'],
    to: null,
    who: ['cosigner'],
    label: '谢绝联名',
  },
  // → cosigning while invited co-signers have not answered; → submitted when none are pending.
  submit: {
    from: ['draft', 'returned_for_revision', 'cosigning'],
    to: 'submitted',
    who: ['proposer', ...staff],
    label: '提交',
  },
  withdraw: {
    from: ['draft', 'cosigning', 'submitted', 'under_review', 'returned_for_revision'],
    to: 'withdrawn',
    who: ['proposer'],
    label: '撤回',
  },
  start_review: { from: ['submitted'], to: 'under_review', who: staff, label: '开始审查' },
  // A stage's recommendation; before the last stage the proposal moves on to the next stage.
  recommend: { from: ['submitted', 'under_review'], to: null, who: staff, label: '审查意见' },
  return_for_revision: {
    from: ['submitted', 'under_review'],
    to: 'returned_for_revision',
    who: staff,
    label: '退回修改',
  },
  file: { from: ['under_review'], to: 'filed', who: staff, label: '立案' },
  merge: { from: ['under_review'], to: 'merged', who: staff, label: '并案' },
  not_file: { from: ['under_review'], to: 'not_filed', who: staff, label: '不予立案' },
  convert: { from: ['not_filed'], to: 'converted', who: staff, label: '转办' },
  assign: {
    from: ['filed', 'assigned', 'handling'],
    to: 'assigned',
    who: [...staff, 'supervision_office'],
    label: '交办',
  },
  // Derived, taken by the system: the first unit signs for receipt; every required unit has replied;
  // the feedback window ran out without a rating (closes as "not rated", never as satisfied).
  units_received: { from: ['assigned'], to: 'handling', who: [], label: '承办单位已签收' },
  replies_complete: {
    from: ['assigned', 'handling', 'rehandling'],
    to: 'evaluating',
    who: [],
    label: '答复完成',
  },
  // The lead proposer's (or the collective's) rating decides, only while evaluating: satisfied → closed.
  // Co-signers may still rate a closed proposal within the feedback window (statistics); proposal staff
  // record a paper form on a signer's behalf.
  rate: {
    from: ['evaluating', 'closed'],
    to: null,
    who: ['proposer', 'cosigner', 'proposal_staff'],
    label: '评价',
  },
  // Only after the lead's 不满意 with the first reply; `close` (协商办结, closeReason 'consulted') only after a
  // 不满意 with the second. The policy checks the ratings.
  rehandle: { from: ['evaluating'], to: 'rehandling', who: staff, label: '重新办理' },
  close: { from: ['evaluating'], to: 'closed', who: staff, label: '办结' },
  expire_feedback: { from: ['evaluating'], to: 'closed', who: [], label: '评价期满未评价' },
} as const satisfies Record<string, Transition<ProposalState>>;

export type ProposalAction = keyof typeof proposalTransitions;

export const assignmentStates = [
  'pending_receipt',
  'handling',
  'objected',
  'reassigned',
  'opinion_sent',
  'reply_drafted',
  'cosigning',
  'leader_signoff',
  'supervision_review',
  'sent',
  'rehandling',
] as const;
export type AssignmentState = (typeof assignmentStates)[number];

export const assignmentStateLabels: Record<AssignmentState, string> = {
  pending_receipt: '待签收',
  handling: '办理中',
  objected: '已提出异议',
  reassigned: '已改办',
  opinion_sent: '会办意见已送',
  reply_drafted: '答复已起草',
  cosigning: '会签中',
  leader_signoff: '待领导签发',
  supervision_review: '督查室审核中',
  sent: '已答复',
  rehandling: '重新办理中',
};

const supervisors = ['proposal_staff', 'supervision_office'] as const;

/** One handler unit's task on one proposal (domain.md §3.2). */
export const assignmentTransitions = {
  receive: { from: ['pending_receipt'], to: 'handling', who: ['unit_clerk'], label: '签收' },
  object: { from: ['pending_receipt', 'handling'], to: 'objected', who: ['unit_clerk'], label: '提出异议' },
  uphold: { from: ['objected'], to: 'handling', who: supervisors, label: '维持交办' },
  reassign: { from: ['objected'], to: 'reassigned', who: supervisors, label: '改办' },
  send_opinion: { from: ['handling'], to: 'opinion_sent', who: ['unit_clerk'], label: '送会办意见' },
  draft_reply: {
    from: ['handling', 'reply_drafted', 'rehandling'],
    to: 'reply_drafted',
    who: ['unit_clerk'],
    label: '起草答复',
  },
  // → cosigning when the proposal has co-handling units, else straight to leader_signoff.
  submit_reply: { from: ['reply_drafted'], to: 'cosigning', who: ['unit_clerk'], label: '提交会签/签发' },
  // → leader_signoff once every co-handling unit has agreed or amended.
  cosign: { from: ['cosigning'], to: null, who: ['unit_clerk'], label: '会签' },
  sign_off: { from: ['leader_signoff'], to: 'supervision_review', who: ['unit_leader'], label: '签发' },
  return_to_drafter: {
    from: ['leader_signoff', 'supervision_review'],
    to: 'reply_drafted',
    who: ['unit_leader', 'supervision_office'],
    label: '退回修改',
  },
  approve_reply: {
    from: ['supervision_review'],
    to: 'sent',
    who: ['supervision_office'],
    label: '审核通过并发送',
  },
  rehandle: { from: ['sent', 'opinion_sent'], to: 'rehandling', who: ['proposal_staff'], label: '重新办理' },
  request_extension: {
    from: ['pending_receipt', 'handling', 'reply_drafted', 'rehandling'],
    to: null,
    who: ['unit_clerk'],
    label: '申请延期',
  },
  decide_extension: {
    from: [
      'pending_receipt',
      'handling',
      'reply_drafted',
      'rehandling',
      'cosigning',
      'leader_signoff',
      'supervision_review',
    ],
    to: null,
    who: supervisors,
    label: '审批延期',
  },
  record_contact: {
    from: [
      'handling',
      'reply_drafted',
      'cosigning',
      'leader_signoff',
      'supervision_review',
      'sent',
      'rehandling',
    ],
    to: null,
    who: ['unit_clerk'],
    label: '记录沟通',
  },
} as const satisfies Record<string, Transition<AssignmentState>>;

export type AssignmentAction = keyof typeof assignmentTransitions;

/** Whether the table allows `action` from `state` (who may do it is the policy's question). */
export function allowedFrom<S extends string>(
  table: Record<string, Transition<S>>,
  action: string,
  state: S,
): boolean {
  const t = table[action];
  return Boolean(t && (t.from as readonly S[]).includes(state));
}
