import { Alert, Card, Drawer, Empty, Flex, Grid, Pagination, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/page-states.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { type StatsProposal, type StatsScope, useStatsProposals } from '../api.ts';
import { formatCount } from '../format.ts';

/** What was clicked: the proposals of `metric`, under a title naming the figure. */
export interface DrillTarget {
  metric: string;
  title: string;
  /** A caveat shown above the list (a figure counted in ratings, not proposals …). */
  note?: string;
}

const pageSizeOf = 20;

/** The proposals behind a figure, bar, slice or cell, with paging; each opens the proposal's page. */
export function DrillDrawer({
  scope,
  target,
  onClose,
}: {
  scope: StatsScope;
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(pageSizeOf);
  const metric = target?.metric ?? null;
  // Every opening starts at the first page (reset while rendering, before the list is fetched).
  const [opened, setOpened] = useState(target);
  if (opened !== target) {
    setOpened(target);
    setPage(1);
  }
  const list = useStatsProposals(scope, metric, page, pageSize);
  const data = list.data;
  const number = (p: StatsProposal) =>
    p.numberLabel ??
    (p.intakeNo && p.sessionName ? t('stats.intakeLabel', { session: p.sessionName, no: p.intakeNo }) : '—');
  const state = (p: StatsProposal) => <Tag style={{ marginInlineEnd: 0 }}>{t(`stats.state.${p.state}`)}</Tag>;
  const title = (p: StatsProposal) => (
    <>
      <Link to={`/proposals/${p.id}`}>{p.title}</Link>
      {p.isKey && (
        <Tag color="red" style={{ marginInlineStart: 6 }}>
          {t('stats.keyTag')}
        </Tag>
      )}
    </>
  );

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={phone ? '100%' : 760}
      title={
        target
          ? `${target.title}${data && !list.isPlaceholderData ? t('stats.drillCount', { n: formatCount(data.total, lang) }) : ''}`
          : ''
      }
      destroyOnHidden
    >
      {target?.note && <Alert type="info" showIcon title={target.note} style={{ marginBottom: 12 }} />}
      {list.isError && !data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !data ? (
        <Skeleton active />
      ) : data.total === 0 ? (
        <Empty description={t('stats.drillEmpty')} />
      ) : phone ? (
        <Flex vertical gap={10}>
          {data.items.map((p) => (
            <Card key={p.id} size="small">
              <div style={{ fontWeight: 600, marginBottom: 4 }}>{title(p)}</div>
              <div className="muted">{number(p)}</div>
              <Flex justify="space-between" align="center" gap={8} wrap>
                <span>{p.proposerName || '—'}</span>
                {state(p)}
              </Flex>
            </Card>
          ))}
          <Pagination
            simple
            align="center"
            current={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onChange={(p) => setPage(p)}
          />
        </Flex>
      ) : (
        <Table<StatsProposal>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={data.items}
          pagination={{
            current: data.page,
            pageSize: data.pageSize,
            total: data.total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => {
              setPage(size === pageSize ? p : 1);
              setPageSize(size);
            },
          }}
          columns={[
            { key: 'number', title: t('stats.col.number'), render: (_, p) => number(p), width: 200 },
            { key: 'title', title: t('stats.col.title'), render: (_, p) => title(p) },
            { key: 'proposer', title: t('stats.col.proposer'), render: (_, p) => p.proposerName || '—' },
            { key: 'state', title: t('stats.col.state'), render: (_, p) => state(p), width: 110 },
          ]}
        />
      )}
    </Drawer>
  );
}
