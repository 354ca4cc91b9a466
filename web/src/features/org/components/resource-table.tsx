import type { Page } from '@tongxin/common/pagination.ts';
import { Button, Card, Empty, Pagination, Skeleton, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/index.tsx';
import type { OrgView, RenderContext, ResourceDef } from '../types.ts';
import { RowActions } from './row-actions.tsx';

interface Props {
  def: ResourceDef;
  ctx: RenderContext;
  data: Page<OrgView> | undefined;
  loading: boolean;
  phone: boolean;
  filtered: boolean;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (view: OrgView) => void;
  onEdit: (view: OrgView) => void;
  onDeleted: (view: OrgView) => void;
}

/** A directory list: a table on desktop, a stack of cards on phones (no sideways scrolling). */
export function ResourceTable({
  def,
  ctx,
  data,
  loading,
  phone,
  filtered,
  onPage,
  onOpen,
  onEdit,
  onDeleted,
}: Props) {
  const t = useT();
  const rows = data?.items ?? [];
  const anyActions = rows.some((r) => r.abilities?.update || r.abilities?.delete);
  const cell = (key: string, view: OrgView): ReactNode => {
    const column = def.columns.find((c) => c.key === key);
    if (column?.render) return column.render(view, ctx);
    const v = view[key];
    return v === null || v === undefined || v === '' ? '—' : String(v);
  };
  const nameButton = (view: OrgView) => (
    <Button type="link" style={{ padding: 0, height: 'auto', fontWeight: 500 }} onClick={() => onOpen(view)}>
      {def.rowLabel(view, ctx)}
    </Button>
  );
  const emptyText = <Empty description={filtered ? t('common.noResults') : t('common.empty')} />;
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
        {rows.length === 0 && emptyText}
        <ul className="card-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {rows.map((view) => (
            <li key={view.id}>
              <Card
                size="small"
                title={nameButton(view)}
                extra={<RowActions {...{ def, ctx, view, onEdit, onDeleted }} />}
              >
                <dl style={{ margin: 0 }}>
                  {def.columns
                    .filter((c) => c.card)
                    .map((c) => (
                      <div className="card-row" key={c.key}>
                        <dt>{t(c.title)}</dt>
                        <dd>{cell(c.key, view)}</dd>
                      </div>
                    ))}
                </dl>
              </Card>
            </li>
          ))}
        </ul>
        {(data?.total ?? 0) > 0 && (
          <Pagination
            {...pagination}
            simple
            style={{ marginTop: 12, justifyContent: 'center', display: 'flex' }}
          />
        )}
      </>
    );
  }

  const columns: TableColumnsType<OrgView> = [
    { key: '__name', title: t(def.nameTitle), render: (_, v) => nameButton(v), fixed: 'left' },
    ...def.columns.map((c) => ({
      key: c.key,
      title: t(c.title),
      width: c.width,
      render: (_: unknown, v: OrgView) => cell(c.key, v),
    })),
  ];
  if (anyActions) {
    columns.push({
      key: '__actions',
      title: t('common.actions'),
      width: 160,
      render: (_, v) => <RowActions {...{ def, ctx, view: v, onEdit, onDeleted }} />,
    });
  }
  return (
    <Table<OrgView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText }}
      scroll={{ x: 'max-content' }}
      pagination={pagination}
    />
  );
}
