import { assignmentTransitions, proposalTransitions } from '@tongxin/common/proposals/workflow.ts';
import dayjs from 'dayjs';
import { hasKey, type TFunction } from '../../i18n/index.tsx';
import type { ProposalItem } from './api.ts';

/** 十四届六次会议第0001号, or 收文第3号 before filing, or 草稿. */
export function proposalNumber(
  p: Pick<ProposalItem, 'numberLabel' | 'intakeNo' | 'sessionName'>,
  t: TFunction,
) {
  if (p.numberLabel) return p.numberLabel;
  if (p.intakeNo && p.sessionName) return t('p.intakeLabel', { session: p.sessionName, no: p.intakeNo });
  return t('p.noNumber');
}

export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDay(day: string | null | undefined): string {
  return day ? dayjs(day).format('YYYY-MM-DD') : '—';
}

const transitionLabels: Record<string, string> = Object.fromEntries([
  ...Object.entries(proposalTransitions).map(([k, v]) => [k, v.label]),
  ...Object.entries(assignmentTransitions).map(([k, v]) => [k, v.label]),
]);

/**
 * The Chinese name of a timeline event (`proposal.filed`, `assignment.received` …): our own label where we
 * have one, else the workflow table's name of the action, else the code itself.
 */
export function eventLabel(action: string, t: TFunction): string {
  const key = `p.event.${action}`;
  if (hasKey(key)) return t(key);
  const verb = action.split('.').pop() ?? action;
  return transitionLabels[verb] ?? action;
}

/** The calendar day today in Beijing (deadlines are days there). */
export function todayInBeijing(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
