import type { Page } from '@tongxin/common/pagination.ts';
import { Card, Empty, Flex, Grid, Pagination, Skeleton, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../i18n/index.tsx';
import type { AssignmentItem } from '../assignments-api.ts';
import { formatTime } from '../labels.ts';
import { DueDate } from './due-date.tsx';
import { AssignmentStateTag, KeyTag, ModeTag } from './tags.tsx';

interface Props {
  data: Page<AssignmentItem> | undefined;
  loading: boolean;
  /** Overseers see every unit's tasks: show which unit. */
  showUnit?: boolean;
  emptyText?: string;
  onPage?: (page: number, pageSize: number) => void;
}

const done = (a: AssignmentItem) => ['sent', 'opinion_sent', 'reassigned'].includes(a.state);

/** A unit's tasks: a table on desktop, cards on phones; overdue deadlines in red. */
export function AssignmentList({ data, loading, showUnit = false, emptyText, onPage }: Props) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const rows = data?.items ?? [];
  const empty = <Empty description={emptyText ?? t('common.empty')} />;
  const title = (a: AssignmentItem) => (
    <Link to={`/assignments/${a.id}`} className="proposal-title-link">
      {a.proposal?.title ?? '—'}
    </Link>
  );
  const due = (a: AssignmentItem) => (
    <DueDate
      dueOn={a.dueOn}
      extendedDueOn={a.extendedDueOn}
      overdueWorkingDays={a.overdueWorkingDays}
      done={done(a)}
    />
  );
  const pagination = {
    current: data?.page ?? 1,
    pageSize: data?.pageSize ?? 20,
    total: data?.total ?? 0,
    showSizeChanger: !phone,
    showTotal: (total: number) => t('common.total', { total }),
    onChange: onPage,
  };
  if (phone) {
    if (loading && !data) return <Skeleton active />;
    return (
      <>
        {rows.length === 0 && empty}
        <ul className="card-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((a) => (
            <li key={a.id}>
              <Card size="small" className={a.overdueWorkingDays ? 'is-overdue' : undefined}>
                <Flex gap={6} wrap align="center" style={{ marginBottom: 6 }}>
                  <AssignmentStateTag state={a.state} />
                  <ModeTag mode={a.mode} />
                  {a.proposal?.isKey && <KeyTag />}
                </Flex>
                <div className="card-title">{title(a)}</div>
                <dl style={{ margin: '6px 0 0' }}>
                  <div className="card-row">
                    <dt>{t('p.f.number')}</dt>
                    <dd>{a.proposal?.numberLabel ?? '—'}</dd>
                  </div>
                  {showUnit && (
                    <div className="card-row">
                      <dt>{t('a.f.unit')}</dt>
                      <dd>{a.handlerUnit.name}</dd>
                    </div>
                  )}
                  <div className="card-row">
                    <dt>{t('a.f.due')}</dt>
                    <dd>{due(a)}</dd>
                  </div>
                </dl>
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
  const columns: TableColumnsType<AssignmentItem> = [
    { key: 'no', title: t('p.f.number'), render: (_, a) => a.proposal?.numberLabel ?? '—' },
    {
      key: 'title',
      title: t('p.f.title'),
      render: (_, a) => (
        <Flex vertical gap={2}>
          {title(a)}
          {a.proposal?.isKey && (
            <span>
              <KeyTag />
            </span>
          )}
        </Flex>
      ),
    },
    ...(showUnit
      ? [{ key: 'unit', title: t('a.f.unit'), render: (_: unknown, a: AssignmentItem) => a.handlerUnit.name }]
      : []),
    { key: 'mode', title: t('a.f.mode'), render: (_, a) => <ModeTag mode={a.mode} /> },
    { key: 'state', title: t('a.f.state'), render: (_, a) => <AssignmentStateTag state={a.state} /> },
    { key: 'received', title: t('a.f.receivedAt'), render: (_, a) => formatTime(a.receivedAt) },
    { key: 'due', title: t('a.f.due'), render: (_, a) => due(a) },
  ];
  return (
    <Table<AssignmentItem>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText: empty }}
      scroll={{ x: 'max-content' }}
      rowClassName={(a) => (a.overdueWorkingDays ? 'is-overdue' : '')}
      pagination={onPage ? pagination : false}
    />
  );
}
