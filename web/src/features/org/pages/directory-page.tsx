import { FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { enumLabels } from '@tongxin/common/org/enums.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Grid, Space, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useAbility } from '../../../app/session.tsx';
import { ErrorState, ForbiddenState, NotFoundState } from '../../../components/page-states.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { exportRows, fetchRow, orgKey, useInvalidateOrg, useOrgList, useOrgOptions } from '../api.ts';
import { DetailDrawer } from '../components/detail-drawer.tsx';
import { FilterBar, type FilterValues } from '../components/filter-bar.tsx';
import { ImportModal } from '../components/import-modal.tsx';
import { ResourceForm } from '../components/resource-form.tsx';
import { ResourceTable } from '../components/resource-table.tsx';
import { isOrgKey } from '../keys.ts';
import { resources } from '../resources/index.ts';
import type { OrgView, ResourceDef } from '../types.ts';
import { useRenderContext } from '../use-render-context.ts';

/** `/org/:resource`: one page for all nine directory lists, configured by `resources`. */
export default function DirectoryPage() {
  const { resource } = useParams();
  if (!isOrgKey(resource)) return <NotFoundState />;
  return <Directory key={resource} def={resources[resource]} />;
}

type Editing = { view?: OrgView; defaults?: Record<string, unknown> } | null;

function Directory({ def }: { def: ResourceDef }) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateOrg();
  const phone = Grid.useBreakpoint().md === false;
  const canRead = useAbility(`org.${def.key}.read`);
  const canManage = useAbility(`org.${def.key}.manage`);
  const [params, setParams] = useSearchParams();
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filterParams = [...def.filters.map((f) => f.param), ...(def.tabs ? [def.tabs.param] : [])];
  const values: FilterValues = Object.fromEntries(filterParams.map((p) => [p, params.get(p) ?? undefined]));
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const query = { q, page, pageSize, ...values };
  const list = useOrgList(def.key, query);
  const options = useOrgOptions();
  const ctx = useRenderContext(options.data);
  const title = t(`res.${def.key}`);

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const doExport = async () => {
    setExporting(true);
    message.info(t('common.exportStarted'));
    try {
      await exportRows(def.key, query, `${title}-${dayjs().format('YYYYMMDD')}`);
    } catch (err) {
      reportError(err);
    } finally {
      setExporting(false);
    }
  };

  const saved = async (view: OrgView) => {
    setEditing(null);
    queryClient.setQueryData([...orgKey, def.key, 'detail', view.id], view);
    await invalidate();
  };

  const reloadEditing = async () => {
    const id = editing?.view?.id;
    if (!id) return;
    await queryClient.invalidateQueries({ queryKey: [...orgKey, def.key] });
    const fresh = await queryClient.fetchQuery({
      queryKey: [...orgKey, def.key, 'detail', id],
      queryFn: () => fetchRow(def.key, id),
    });
    setEditing({ view: fresh });
  };

  const deleted = async (view: OrgView) => {
    if (openId === view.id) setOpenId(null);
    await invalidate();
  };

  if (!canRead) return <ForbiddenState />;
  const filtered = q !== '' || Object.values(values).some((v) => v !== undefined);

  return (
    <>
      <PageHeader
        title={title}
        description={t(`resDesc.${def.key}`)}
        extra={
          <Space wrap>
            <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void doExport()}>
              {t('common.export')}
            </Button>
            {canManage && def.importable && (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('common.import')}
              </Button>
            )}
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ defaults: def.defaults?.(ctx, values) ?? {} })}
              >
                {t('common.add')}
              </Button>
            )}
          </Space>
        }
      />
      {def.tabs && (
        <Tabs
          activeKey={values[def.tabs.param] ?? 'all'}
          onChange={(key) => update({ [def.tabs!.param]: key === 'all' ? undefined : key })}
          items={[
            { key: 'all', label: t('common.all') },
            ...Object.keys(enumLabels[def.tabs.enumKind]).map((code) => ({
              key: code,
              label: ctx.enumLabel(def.tabs!.enumKind, code),
            })),
          ]}
        />
      )}
      <FilterBar
        def={def}
        ctx={ctx}
        q={q}
        values={values}
        phone={phone}
        onSearch={(text) => update({ q: text })}
        onFilter={(param, value) => update({ [param]: value })}
        onReset={() =>
          setParams(def.tabs && values[def.tabs.param] ? { [def.tabs.param]: values[def.tabs.param]! } : {}, {
            replace: true,
          })
        }
      />
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResourceTable
          def={def}
          ctx={ctx}
          data={list.data}
          loading={list.isFetching}
          phone={phone}
          filtered={filtered}
          onPage={(p, size) => update({ page: p, pageSize: size })}
          onOpen={(v) => setOpenId(v.id)}
          onEdit={(v) => setEditing({ view: v })}
          onDeleted={(v) => void deleted(v)}
        />
      )}
      {openId && (
        <DetailDrawer
          def={def}
          ctx={ctx}
          id={openId}
          onClose={() => setOpenId(null)}
          onEdit={(v) => setEditing({ view: v })}
          onDeleted={(v) => void deleted(v)}
        />
      )}
      {editing && (
        <ResourceForm
          key={editing.view ? `${editing.view.id}-${editing.view.version}` : 'new'}
          def={def}
          ctx={ctx}
          view={editing.view}
          defaults={editing.defaults}
          onClose={() => setEditing(null)}
          onSaved={(v) => void saved(v)}
          onReload={reloadEditing}
        />
      )}
      {importing && (
        <ImportModal
          resource={def.key}
          onClose={() => setImporting(false)}
          onImported={() => void invalidate()}
        />
      )}
    </>
  );
}
