import { ClearOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Descriptions, Grid, Input, Row, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { dateTime } from '../../org/render.tsx';
import { UserPicker } from '../../users/components/user-picker.tsx';
import { type AuditEvent, exportAudit, useAuditEvents } from '../api.ts';
import { AuditDiff } from '../components/audit-diff.tsx';
import { actionLabel, knownActions, targetLabel, targetTypes } from '../labels.ts';

const filterKeys = ['q', 'action', 'actorUserId', 'targetType', 'from', 'to'] as const;

/** 审计日志: who did what to which record, when and from where; filters, export, before/after. */
export default function AuditPage() {
  const allowed = useAbility('audit.read');
  return allowed ? <AuditLog /> : <ForbiddenState />;
}

function AuditLog() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const reportError = useReportError();
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [exporting, setExporting] = useState(false);
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const query = { ...filters, page, pageSize };
  const events = useAuditEvents(query);
  useEffect(() => setText(params.get('q') ?? ''), [params]);

  const actionOptions = useMemo(
    () => knownActions().map((a) => ({ value: a, label: actionLabel(a, t, lang) })),
    [t, lang],
  );
  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const range: [dayjs.Dayjs, dayjs.Dayjs] | null =
    filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to).subtract(1, 'day')] : null;

  const doExport = async () => {
    setExporting(true);
    message.info(t('common.exportStarted'));
    try {
      await exportAudit(query, `${t('audit.title')}-${dayjs().format('YYYYMMDD')}.xlsx`);
    } catch (err) {
      reportError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.desc')}
        extra={
          <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void doExport()}>
            {t('common.export')}
          </Button>
        }
      />
      <search className="filter-bar" aria-label={t('common.filters')}>
        <Row gutter={[8, 8]}>
          <Col xs={24} md={12} lg={6}>
            <Input.Search
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => update({ q: v.trim() })}
              placeholder={t('audit.q')}
              aria-label={t('audit.q')}
              allowClear
              enterButton={t('common.search')}
            />
          </Col>
          <Col xs={24} sm={12} lg={4}>
            <Select
              style={{ width: '100%' }}
              value={filters.action}
              onChange={(v?: string) => update({ action: v })}
              options={actionOptions}
              placeholder={t('audit.action')}
              aria-label={t('audit.action')}
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
            />
          </Col>
          <Col xs={24} sm={12} lg={4}>
            <UserPicker
              value={filters.actorUserId}
              onChange={(v) => update({ actorUserId: v })}
              placeholder={t('audit.actor')}
              aria-label={t('audit.actor')}
            />
          </Col>
          <Col xs={24} sm={12} lg={4}>
            <Select
              style={{ width: '100%' }}
              value={filters.targetType}
              onChange={(v?: string) => update({ targetType: v })}
              options={targetTypes.map((type) => ({ value: type, label: targetLabel(type, t) }))}
              placeholder={t('audit.targetType')}
              aria-label={t('audit.targetType')}
              allowClear
            />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={range}
              placeholder={[t('audit.startDate'), t('audit.endDate')]}
              aria-label={t('audit.dateRange')}
              onChange={(v) =>
                update({
                  from: v?.[0] ? v[0].startOf('day').format() : undefined,
                  to: v?.[1] ? v[1].add(1, 'day').startOf('day').format() : undefined,
                })
              }
            />
          </Col>
          {filterKeys.some((k) => filters[k]) && (
            <Col>
              <Button icon={<ClearOutlined />} onClick={() => setParams({}, { replace: true })}>
                {t('common.reset')}
              </Button>
            </Col>
          )}
        </Row>
      </search>
      {events.isError && !events.data ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : (
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          loading={events.isFetching}
          dataSource={events.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: events.data?.page ?? page,
            pageSize: events.data?.pageSize ?? pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: !phone,
            simple: phone,
            showTotal: (total) => t('common.total', { total }),
            onChange: (p, size) => update({ page: p, pageSize: size }),
          }}
          expandable={{
            expandedRowRender: (e) => (
              <>
                <Descriptions
                  size="small"
                  column={phone ? 1 : 2}
                  style={{ marginBottom: 12 }}
                  items={[
                    { key: 'req', label: t('audit.requestId'), children: e.requestId ?? '—' },
                    { key: 'ip', label: t('audit.ip'), children: e.ip ?? '—' },
                    {
                      key: 'ua',
                      label: t('audit.userAgent'),
                      children: e.userAgent ?? '—',
                      span: phone ? 1 : 2,
                    },
                  ]}
                />
                <AuditDiff before={e.before} after={e.after} />
              </>
            ),
          }}
          columns={[
            { key: 'time', title: t('audit.time'), render: (_, e) => dateTime(e.createdAt), width: 150 },
            { key: 'actor', title: t('audit.actor'), render: (_, e) => e.actorName || t('audit.anonymous') },
            { key: 'action', title: t('audit.action'), render: (_, e) => actionLabel(e.action, t, lang) },
            { key: 'type', title: t('audit.targetType'), render: (_, e) => targetLabel(e.targetType, t) },
            { key: 'target', title: t('audit.target'), render: (_, e) => e.targetLabel ?? e.targetId ?? '—' },
            ...(phone
              ? []
              : [{ key: 'ip', title: t('audit.ip'), render: (_: unknown, e: AuditEvent) => e.ip ?? '—' }]),
          ]}
        />
      )}
    </>
  );
}
