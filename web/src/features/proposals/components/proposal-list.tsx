import type { Page } from '@tongxin/common/pagination.ts';
import { Card, Empty, Flex, Grid, Pagination, Skeleton, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/index.tsx';
import type { ProposalItem } from '../api.ts';
import { formatTime, proposalNumber } from '../labels.ts';
import { KeyTag, ProposalStateTag, UrgentTag } from './tags.tsx';

export type ProposalColumn =
  | 'number'
  | 'proposer'
  | 'kind'
  | 'category'
  | 'stage'
  | 'submittedAt'
  | 'updatedAt';

interface Props {
  data: Page<ProposalItem> | undefined;
  loading: boolean;
  columns?: ProposalColumn[];
  filtered?: boolean;
  emptyText?: string;
  onPage?: (page: number, pageSize: number) => void;
  /** Buttons on a row (accept an invitation, rate …). */
  actions?: (p: ProposalItem) => ReactNode;
  /** Where a title leads; the detail page by default. */
  linkOf?: (p: ProposalItem) => string;
}

/** A list of proposals: a table on desktop, cards on phones (no sideways scrolling, big tap targets). */
export function ProposalList({
  data,
  loading,
  columns = ['number', 'proposer', 'category', 'updatedAt'],
  filtered = false,
  emptyText,
  onPage,
  actions,
  linkOf = (p) => `/proposals/${p.id}`,
}: Props) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const rows = data?.items ?? [];
  const empty = <Empty description={emptyText ?? (filtered ? t('common.noResults') : t('common.empty'))} />;
  const title = (p: ProposalItem) => (
    <Link to={linkOf(p)} className="proposal-title-link">
      {p.title}
    </Link>
  );
  const flags = (p: ProposalItem) => (
    <>
      {p.isKey && <KeyTag />}
      {p.isUrgent && <UrgentTag />}
    </>
  );
  const cell: Record<ProposalColumn, { title: string; render: (p: ProposalItem) => ReactNode }> = {
    number: { title: t('p.f.number'), render: (p) => proposalNumber(p, t) },
    proposer: { title: t('p.f.proposer'), render: (p) => p.proposerName || '—' },
    kind: { title: t('p.f.kind'), render: (p) => t(`p.kind.${p.proposerKind}`) },
    category: {
      title: t('p.f.category'),
      render: (p) => (p.category ? t(`p.category.${p.category as 'economy'}`) : '—'),
    },
    stage: { title: t('p.f.stage'), render: (p) => p.reviewStageName ?? '—' },
    submittedAt: { title: t('p.f.submittedAt'), render: (p) => formatTime(p.submittedAt) },
    updatedAt: { title: t('common.updatedAt'), render: (p) => formatTime(p.updatedAt) },
  };
  const pagination = {
    current: data?.page ?? 1,
    pageSize: data?.pageSize ?? 20,
    total: data?.total ?? 0,
    showSizeChanger: !phone,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total: number) => t('common.total', { total }),
    onChange: onPage,
  };

  if (phone) {
    if (loading && !data) return <Skeleton active />;
    return (
      <>
        {rows.length === 0 && empty}
        <ul className="card-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((p) => (
            <li key={p.id}>
              <Card size="small">
                <Flex gap={6} wrap align="center" style={{ marginBottom: 6 }}>
                  <ProposalStateTag state={p.state} />
                  {flags(p)}
                </Flex>
                <div className="card-title">{title(p)}</div>
                <dl style={{ margin: '6px 0 0' }}>
                  {columns.map((c) => (
                    <div className="card-row" key={c}>
                      <dt>{cell[c].title}</dt>
                      <dd>{cell[c].render(p)}</dd>
                    </div>
                  ))}
                </dl>
                {actions && <div style={{ marginTop: 8 }}>{actions(p)}</div>}
              </Card>
            </li>
          ))}
        </ul>
        {onPage && (data?.total ?? 0) > (data?.pageSize ?? 20) && (
          <Pagination
            {...pagination}
            simple
            style={{ marginTop: 12, justifyContent: 'center', display: 'flex' }}
          />
        )}
      </>
    );
  }

  const tableColumns: TableColumnsType<ProposalItem> = [
    {
      key: 'title',
      title: t('p.f.title'),
      render: (_, p) => (
        <Flex vertical gap={2}>
          {title(p)}
          <Flex gap={4} wrap>
            {flags(p)}
          </Flex>
        </Flex>
      ),
    },
    ...columns.map((c) => ({
      key: c,
      title: cell[c].title,
      render: (_: unknown, p: ProposalItem) => cell[c].render(p),
    })),
    { key: 'state', title: t('p.f.state'), render: (_, p) => <ProposalStateTag state={p.state} /> },
  ];
  if (actions)
    tableColumns.push({ key: 'actions', title: t('common.actions'), render: (_, p) => actions(p) });
  return (
    <Table<ProposalItem>
      rowKey="id"
      size="middle"
      columns={tableColumns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText: empty }}
      scroll={{ x: 'max-content' }}
      pagination={onPage ? pagination : false}
    />
  );
}
