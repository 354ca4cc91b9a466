import { proposalCategories } from '@tongxin/common/proposals/enums.ts';
import { Tag } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../i18n/index.tsx';
import type { AwardProposal } from '../api.ts';

type Category = (typeof proposalCategories)[number];
const isCategory = (c: string | null): c is Category =>
  (proposalCategories as readonly (string | null)[]).includes(c);

/** The proposal's number, its title (to its page) and proposer, as the award cards show it. */
export function ProposalHeading({ proposal: p, level = 3 }: { proposal: AwardProposal; level?: 3 | 4 }) {
  const t = useT();
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="award-heading">
      <div className="muted award-number">
        {p.numberLabel ?? t('kp.noNumber')}
        {isCategory(p.category) && (
          <Tag style={{ marginInlineStart: 8 }}>{t(`kp.category.${p.category}`)}</Tag>
        )}
      </div>
      <Heading className="award-title">
        <Link to={`/proposals/${p.id}`}>{p.title}</Link>
      </Heading>
      <div className="muted">
        {t('kp.proposer')}：{p.proposerName || '—'}
      </div>
    </div>
  );
}
