import { PlusOutlined } from '@ant-design/icons';
import {
  type ExcellentStage,
  excellentStages,
  excellentTransitions,
} from '@tongxin/common/proposals/awards.ts';
import { Badge, Button, Card, Empty, Flex, Grid, Skeleton, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { type ExcellentAward, useExcellentAwards } from '../api.ts';
import { AdvanceDialog, type AdvanceStage } from '../components/advance-dialog.tsx';
import { NominateDialog } from '../components/nominate-dialog.tsx';
import { ProposalHeading } from '../components/proposal-heading.tsx';
import { thisYear, useYearParam, YearFilter } from '../components/year-filter.tsx';
import { useHasRole } from '../roles.ts';
import '../awards.css';

const stageColours: Record<ExcellentStage, string> = {
  nominated: '#1554ad',
  preliminary: '#b45309',
  approved: '#2e7d32',
  published: '#9b1c1c',
  rejected: '#6b7280',
};

/** 优秀提案评选: nominations moving through 初评 → 审定 → 通报表彰, as a board by stage. */
export default function ExcellentProposalsPage() {
  const allowed = useAbility('proposals.read');
  return allowed ? <ExcellentBoard /> : <ForbiddenState />;
}

function ExcellentBoard() {
  const { t } = useI18n();
  const hasRole = useHasRole();
  const phone = Grid.useBreakpoint().lg === false;
  const [year, setYear] = useYearParam();
  const list = useExcellentAwards(year);
  const [nominating, setNominating] = useState(false);
  const [advancing, setAdvancing] = useState<{ award: ExcellentAward; stage: AdvanceStage } | null>(null);
  const items = list.data?.items ?? [];
  const byStage = useMemo(() => {
    const map = new Map<ExcellentStage, ExcellentAward[]>(excellentStages.map((s) => [s, []]));
    for (const a of items) map.get(a.stage)?.push(a);
    return map;
  }, [items]);
  const taken = useMemo(() => new Set(items.map((a) => a.proposalId)), [items]);

  const column = (stage: ExcellentStage) => {
    const awards = byStage.get(stage) ?? [];
    return awards.length === 0 ? (
      <p className="muted award-column-empty">{t('ex.columnEmpty')}</p>
    ) : (
      <div className="card-list">
        {awards.map((a) => (
          <AwardCard
            key={a.id}
            award={a}
            showYear={year === undefined}
            onAdvance={(s) => setAdvancing({ award: a, stage: s })}
          />
        ))}
      </div>
    );
  };

  return (
    <>
      <PageHeader
        title={t('ex.title')}
        description={t('ex.desc')}
        extra={
          hasRole(['proposal_staff']) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setNominating(true)}>
              {t('ex.nominate')}
            </Button>
          )
        }
      />
      <Flex className="filter-bar" gap={12} align="center" wrap>
        <YearFilter year={year} onChange={setYear} />
        {list.data && <span className="muted">{t('ex.count', { n: items.length })}</span>}
      </Flex>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : items.length === 0 ? (
        <Card>
          <Empty description={t('ex.empty')} />
        </Card>
      ) : phone ? (
        <Tabs
          items={excellentStages.map((s) => ({
            key: s,
            label: `${t(`ex.stage.${s}`)} ${byStage.get(s)?.length ?? 0}`,
            children: column(s),
          }))}
        />
      ) : (
        <div className="award-board">
          {excellentStages.map((s) => (
            <section key={s} className="award-column" aria-label={t(`ex.stage.${s}`)}>
              <Typography.Title
                level={2}
                className="award-column-title"
                style={{ borderColor: stageColours[s] }}
              >
                {t(`ex.stage.${s}`)}
                <Badge count={byStage.get(s)?.length ?? 0} showZero color={stageColours[s]} />
              </Typography.Title>
              {column(s)}
            </section>
          ))}
        </div>
      )}
      <NominateDialog
        open={nominating}
        year={year ?? thisYear()}
        taken={taken}
        onClose={() => setNominating(false)}
      />
      <AdvanceDialog target={advancing} onClose={() => setAdvancing(null)} />
    </>
  );
}

function AwardCard({
  award,
  showYear,
  onAdvance,
}: {
  award: ExcellentAward;
  /** When the board shows every year. */
  showYear: boolean;
  onAdvance: (stage: AdvanceStage) => void;
}) {
  const { t } = useI18n();
  const hasRole = useHasRole();
  // The buttons follow the rules in common (who may move a nomination from which stage).
  const actions = (Object.keys(excellentTransitions) as AdvanceStage[]).filter((s) => {
    const rule = excellentTransitions[s];
    return rule.from.includes(award.stage) && hasRole([...rule.who]);
  });
  return (
    <Card size="small" className="award-card">
      <ProposalHeading proposal={award.proposal} level={4} />
      <div style={{ marginTop: 6 }}>
        <span className="muted">{t('ex.nominatedBy')}：</span>
        {award.nominatedBy}
        {showYear && <span className="muted">（{t('kp.yearLabel', { year: award.year })}）</span>}
      </div>
      {award.notes && (
        <Typography.Paragraph
          className="award-text"
          style={{ marginBottom: 0 }}
          ellipsis={{
            rows: 3,
            expandable: 'collapsible',
            symbol: (open) => (open ? t('ex.less') : t('ex.more')),
          }}
        >
          {award.notes}
        </Typography.Paragraph>
      )}
      {actions.length > 0 && (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          {actions.map((s) => (
            <Button
              key={s}
              size="small"
              type={s === 'rejected' ? 'default' : 'primary'}
              danger={s === 'rejected'}
              onClick={() => onAdvance(s)}
            >
              {t(`ex.action.${s}`)}
            </Button>
          ))}
        </Flex>
      )}
    </Card>
  );
}
