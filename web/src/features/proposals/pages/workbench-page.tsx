import { EditOutlined, StarOutlined } from '@ant-design/icons';
import { Badge, Empty, Skeleton, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { type ProposalItem, useProposalList } from '../api.ts';
import { InvitationCard } from '../components/invitation-card.tsx';
import { LinkButton } from '../components/link-button.tsx';
import { ProposalList } from '../components/proposal-list.tsx';
import '../proposals.css';

type Tab = 'mine' | 'cosign' | 'rate';
const tabs: Tab[] = ['mine', 'cosign', 'rate'];

/** 我的提案: what I wrote, who asked me to co-sign, and the replies waiting for my rating. */
export default function WorkbenchPage() {
  const t = useT();
  const canDraft = useAbility('proposals.draft');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : 'mine';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;

  const mine = useProposalList({ box: 'mine', page, pageSize }, tab === 'mine');
  const invitations = useProposalList({ box: 'cosign', pageSize: 100 });
  const toRateMine = useProposalList({ box: 'mine', state: 'evaluating', pageSize: 100 });
  const toRateCosigned = useProposalList({ box: 'cosign', state: 'evaluating', pageSize: 100 });
  const toRate: ProposalItem[] = [
    ...(toRateMine.data?.items ?? []),
    ...(toRateCosigned.data?.items ?? []),
  ].filter((p, i, all) => p.abilities.rate && all.findIndex((x) => x.id === p.id) === i);
  const pendingInvitations = (invitations.data?.items ?? []).filter((p) => p.abilities.accept_cosign).length;

  const go = (next: Tab) => setParams(next === 'mine' ? {} : { tab: next }, { replace: true });

  return (
    <>
      <PageHeader
        title={t('p.wb.title')}
        description={t('p.wb.desc')}
        extra={
          canDraft && (
            <LinkButton to="/proposals/edit" type="primary" size="large" icon={<EditOutlined />}>
              {t('p.wb.write')}
            </LinkButton>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => go(k as Tab)}
        items={[
          {
            key: 'mine',
            label: t('p.wb.mine'),
            children: mine.isError ? (
              <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
            ) : (
              <ProposalList
                data={mine.data}
                loading={mine.isFetching}
                columns={['number', 'kind', 'category', 'updatedAt']}
                emptyText={t('p.wb.mineEmpty')}
                onPage={(p, size) =>
                  setParams({ page: String(p), pageSize: String(size) }, { replace: true })
                }
                actions={(p) =>
                  p.abilities.edit ? (
                    <LinkButton to={`/proposals/edit/${p.id}`} icon={<EditOutlined />}>
                      {t('p.continueEditing')}
                    </LinkButton>
                  ) : null
                }
              />
            ),
          },
          {
            key: 'cosign',
            label: (
              <Space size={6}>
                {t('p.wb.cosign')}
                {pendingInvitations > 0 && <Badge count={pendingInvitations} color="#b42318" />}
              </Space>
            ),
            children: invitations.isError ? (
              <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />
            ) : invitations.isPending ? (
              <Skeleton active />
            ) : invitations.data.items.length === 0 ? (
              <Empty description={t('p.wb.cosignEmpty')} />
            ) : (
              <ul className="card-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {[...invitations.data.items]
                  .sort(
                    (a, b) =>
                      Number(b.abilities.accept_cosign ?? false) - Number(a.abilities.accept_cosign ?? false),
                  )
                  .map((p) => (
                    <li key={p.id}>
                      <InvitationCard item={p} />
                    </li>
                  ))}
              </ul>
            ),
          },
          {
            key: 'rate',
            label: (
              <Space size={6}>
                {t('p.wb.rate')}
                {toRate.length > 0 && <Badge count={toRate.length} color="#b42318" />}
              </Space>
            ),
            children: (
              <ProposalList
                data={{ items: toRate, total: toRate.length, page: 1, pageSize: 100 }}
                loading={toRateMine.isFetching || toRateCosigned.isFetching}
                columns={['number', 'proposer', 'updatedAt']}
                emptyText={t('p.wb.rateEmpty')}
                actions={(p) => (
                  <LinkButton to={`/proposals/${p.id}?rate=1`} type="primary" icon={<StarOutlined />}>
                    {t('p.rate.action')}
                  </LinkButton>
                )}
              />
            ),
          },
        ]}
      />
    </>
  );
}
