import { FlagOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Grid,
  Skeleton,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { type KeyProposal, useKeyProposals } from '../api.ts';
import { EventDialog } from '../components/event-dialog.tsx';
import { MarkKeyDialog } from '../components/mark-key-dialog.tsx';
import { ProposalHeading } from '../components/proposal-heading.tsx';
import { useYearParam, YearFilter } from '../components/year-filter.tsx';
import { useHasRole } from '../roles.ts';
import '../awards.css';

/** 重点提案: the Chair's Council's selection, the four supervision roles, plans and supervision events. */
export default function KeyProposalsPage() {
  const allowed = useAbility('proposals.read');
  return allowed ? <KeyProposals /> : <ForbiddenState />;
}

function KeyProposals() {
  const { t, lang } = useI18n();
  const hasRole = useHasRole();
  const [year, setYear] = useYearParam();
  const list = useKeyProposals(year);
  const [marking, setMarking] = useState(false);
  const [logging, setLogging] = useState<KeyProposal | null>(null);
  const isCouncil = hasRole(['chair_council']);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('kp.title')}
        description={t('kp.desc')}
        extra={
          isCouncil && (
            <Button type="primary" icon={<FlagOutlined />} onClick={() => setMarking(true)}>
              {t('kp.mark')}
            </Button>
          )
        }
      />
      <Flex className="filter-bar" gap={12} align="center" wrap>
        <YearFilter year={year} onChange={setYear} />
        {list.data && <span className="muted">{t('kp.count', { n: items.length })}</span>}
      </Flex>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : items.length === 0 ? (
        <Card>
          <Empty
            description={
              year ? t('kp.emptyYear', { year: lang === 'en' ? year : `${year}年` }) : t('kp.empty')
            }
          />
        </Card>
      ) : (
        <div className="card-list award-list">
          {items.map((item) => (
            <KeyProposalCard key={item.id} item={item} onLog={() => setLogging(item)} />
          ))}
        </div>
      )}
      <MarkKeyDialog open={marking} onClose={() => setMarking(false)} />
      <EventDialog item={logging} onClose={() => setLogging(null)} />
    </>
  );
}

function KeyProposalCard({ item, onLog }: { item: KeyProposal; onLog: () => void }) {
  const { t } = useI18n();
  const hasRole = useHasRole();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  // Proposal staff, the Chair's Council and the staff of the committee that follows it may log events.
  const canLog =
    hasRole(['proposal_staff', 'chair_council']) ||
    (item.responsibleCommittee !== null && hasRole(['committee_staff'], item.responsibleCommittee));
  const none = <span className="muted">{t('kp.notSet')}</span>;
  const events = [...item.events].sort((a, b) => b.heldOn.localeCompare(a.heldOn));

  return (
    <Card size="small" className="award-card">
      <ProposalHeading proposal={item.proposal} />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, xl: 4 }}
        layout={phone ? 'horizontal' : 'vertical'}
        style={{ marginTop: 12 }}
        items={[
          { key: 'leader', label: t('kp.role.leader'), children: item.supervisingLeader ?? none },
          { key: 'committee', label: t('kp.role.committee'), children: item.responsibleCommittee ?? none },
          { key: 'official', label: t('kp.role.official'), children: item.leadingOfficial ?? none },
          { key: 'topic', label: t('kp.role.topic'), children: item.linkedTopic ?? none },
        ]}
      />
      <Typography.Title level={4} className="award-subtitle">
        {t('kp.plan')}
      </Typography.Title>
      {item.supervisionPlan ? <p className="award-text">{item.supervisionPlan}</p> : none}
      <Flex justify="space-between" align="center" wrap gap={8} className="award-subtitle-row">
        <Typography.Title level={4} className="award-subtitle">
          {t('kp.events', { n: item.events.length })}
        </Typography.Title>
        {canLog && (
          <Button icon={<PlusOutlined />} onClick={onLog}>
            {t('kp.logEvent')}
          </Button>
        )}
      </Flex>
      {events.length === 0 ? (
        <Alert type="info" showIcon title={t('kp.noEvents')} />
      ) : (
        <Timeline
          className="award-timeline"
          items={events.map((e) => ({
            key: e.id,
            content: (
              <div>
                <Flex gap={8} align="center" wrap>
                  <strong>{dayjs(e.heldOn).format('YYYY-MM-DD')}</strong>
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    {t(`kp.event.${e.kind}`)}
                  </Tag>
                </Flex>
                {e.participants && (
                  <div>
                    <span className="muted">{t('kp.participants')}：</span>
                    {e.participants}
                  </div>
                )}
                {e.findings && <p className="award-text">{e.findings}</p>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
