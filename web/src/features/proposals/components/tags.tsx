import { FireOutlined, StarFilled } from '@ant-design/icons';
import type { AssignmentMode, ProposalState } from '@tongxin/common/proposals/enums.ts';
import type { AssignmentState } from '@tongxin/common/proposals/workflow.ts';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/index.tsx';

/**
 * Status colours with dark text on a light ground: antd's preset gold, orange, green and cyan tags fall
 * below WCAG AA contrast, so the tags here set their own (every pair ≥ 4.5:1).
 */
const tones = {
  neutral: { color: '#3f3f46', background: '#f4f4f5', borderColor: '#d4d4d8' },
  blue: { color: '#0b4aa2', background: '#e8f1fd', borderColor: '#9cc2f2' },
  green: { color: '#1b5e20', background: '#e9f7ea', borderColor: '#9fd3a3' },
  gold: { color: '#6b4100', background: '#fff4d6', borderColor: '#f0c36d' },
  orange: { color: '#8a3b00', background: '#fff0e3', borderColor: '#f5b57e' },
  red: { color: '#a11a1a', background: '#fdecec', borderColor: '#f3a5a5' },
  purple: { color: '#4c1d95', background: '#f1ebfd', borderColor: '#c4b2f0' },
  cyan: { color: '#0b5560', background: '#e3f6f8', borderColor: '#8fd0d8' },
  magenta: { color: '#8e1352', background: '#fdebf4', borderColor: '#eea3c8' },
} as const;
export type Tone = keyof typeof tones;

export function ToneTag({ tone, icon, children }: { tone: Tone; icon?: ReactNode; children: ReactNode }) {
  return (
    <Tag icon={icon} style={{ ...tones[tone], marginInlineEnd: 0 }}>
      {children}
    </Tag>
  );
}

const stateTones: Record<ProposalState, Tone> = {
  draft: 'neutral',
  cosigning: 'gold',
  submitted: 'blue',
  under_review: 'blue',
  returned_for_revision: 'orange',
  withdrawn: 'neutral',
  filed: 'green',
  merged: 'cyan',
  not_filed: 'red',
  converted: 'purple',
  assigned: 'blue',
  handling: 'blue',
  evaluating: 'gold',
  rehandling: 'magenta',
  closed: 'green',
};

const assignmentTones: Record<AssignmentState, Tone> = {
  pending_receipt: 'gold',
  handling: 'blue',
  objected: 'red',
  reassigned: 'neutral',
  opinion_sent: 'green',
  reply_drafted: 'blue',
  cosigning: 'cyan',
  leader_signoff: 'purple',
  supervision_review: 'purple',
  sent: 'green',
  rehandling: 'magenta',
};

export function ProposalStateTag({ state }: { state: ProposalState }) {
  const t = useT();
  return <ToneTag tone={stateTones[state]}>{t(`p.state.${state}`)}</ToneTag>;
}

export function AssignmentStateTag({ state }: { state: AssignmentState }) {
  const t = useT();
  return <ToneTag tone={assignmentTones[state]}>{t(`a.state.${state}`)}</ToneTag>;
}

export function ModeTag({ mode }: { mode: AssignmentMode }) {
  const t = useT();
  return <ToneTag tone={mode === 'co' ? 'neutral' : 'blue'}>{t(`p.mode.${mode}`)}</ToneTag>;
}

export function KeyTag() {
  const t = useT();
  return (
    <ToneTag tone="red" icon={<StarFilled />}>
      {t('p.key')}
    </ToneTag>
  );
}

export function UrgentTag() {
  const t = useT();
  return (
    <ToneTag tone="orange" icon={<FireOutlined />}>
      {t('p.urgent')}
    </ToneTag>
  );
}

export function TimingTag({ timing }: { timing: 'plenary' | 'recess' | null | undefined }) {
  const t = useT();
  if (!timing) return null;
  return <ToneTag tone="neutral">{t(`p.timing.${timing}`)}</ToneTag>;
}
