import { Flex, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/index.tsx';
import type { SimilarProposalView } from '../../search/api.ts';
import { ProposalStateTag } from './tags.tsx';
import '../../search/search.css';

/** A score 0–1 as a whole percentage. */
export const percent = (score: number) => Math.round(score * 100);

/**
 * Similar proposals as the editor, the review queue and the 并案 candidates show them: title (a link),
 * state, session, proposer, similarity, and for an answered one "此事已于2024年由市民政局答复" with a link to
 * the reply on the proposal's page. `extra` adds a control per row (the merge's parent choice).
 */
export function SimilarList({
  items,
  extra,
  label,
}: {
  items: SimilarProposalView[];
  extra?: (p: SimilarProposalView) => ReactNode;
  label?: string;
}) {
  const t = useT();
  return (
    <ul className="similar-list" aria-label={label}>
      {items.map((p) => {
        const units = [...new Set(p.replies.map((r) => r.unitName))];
        const year = p.replies[0]?.year;
        return (
          <li key={p.id}>
            <Flex gap={8} align="flex-start" justify="space-between">
              <div style={{ minWidth: 0 }}>
                <Link to={p.link} className="similar-title">
                  {p.title}
                </Link>
                <Flex gap={6} wrap align="center" className="muted similar-meta">
                  <ProposalStateTag state={p.state} />
                  {p.sessionName && <span>{p.sessionName}</span>}
                  {p.numberLabel && <span>{p.numberLabel}</span>}
                  {p.proposerName && <span>{p.proposerName}</span>}
                </Flex>
                {units.length > 0 && year && (
                  <Typography.Text type="success" className="similar-answered">
                    {t('sim.answered', { year, units: units.join('、') })}{' '}
                    <Link to={p.link}>{t('sim.viewReply')}</Link>
                  </Typography.Text>
                )}
              </div>
              <Flex vertical align="flex-end" gap={4} style={{ flex: 'none' }}>
                <Progress
                  type="circle"
                  size={40}
                  percent={percent(p.score)}
                  aria-label={t('sim.score', { pct: percent(p.score) })}
                  format={(v) => `${v}%`}
                />
                {extra?.(p)}
              </Flex>
            </Flex>
          </li>
        );
      })}
    </ul>
  );
}
