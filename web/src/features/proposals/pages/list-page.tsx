import { FileExcelOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAbility, useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { exportProposals, useProposalList } from '../api.ts';
import { LinkButton } from '../components/link-button.tsx';
import { ProposalFilters, useUrlFilters } from '../components/proposal-filters.tsx';
import { ProposalList } from '../components/proposal-list.tsx';
import '../proposals.css';

const keys = [
  'q',
  'sessionId',
  'state',
  'category',
  'proposerKind',
  'handlerUnitId',
  'isKey',
  'timing',
] as const;

/** 提案查询: every proposal the user may see, with all filters and the Excel export of what is filtered. */
export default function ListPage() {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const { user } = useSession();
  const staff = useAbility('proposals.review');
  const canExport =
    staff || user.roles.some((r) => ['sysadmin', 'chair_council', 'supervision_office'].includes(r.role));
  const [params, setParams] = useSearchParams();
  const { values, page, pageSize, patched } = useUrlFilters(params, [...keys]);
  const query = { box: 'all' as const, ...values, page, pageSize };
  const list = useProposalList(query);
  const [exporting, setExporting] = useState(false);

  const doExport = async () => {
    setExporting(true);
    message.info(t('common.exportStarted'));
    try {
      await exportProposals(query, `${t('p.list.title')}-${dayjs().format('YYYYMMDD')}.xlsx`);
    } catch (err) {
      reportError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('p.list.title')}
        description={t('p.list.desc')}
        extra={
          <Space wrap>
            {staff && (
              <LinkButton to="/assignments?box=overdue" icon={<WarningOutlined />}>
                {t('p.list.overdue')}
              </LinkButton>
            )}
            {canExport && (
              <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void doExport()}>
                {t('common.export')}
              </Button>
            )}
          </Space>
        }
      />
      <ProposalFilters
        filters={['sessionId', 'state', 'category', 'proposerKind', 'handlerUnitId', 'isKey', 'timing']}
        values={values}
        onChange={(patch) => setParams(patched(patch), { replace: true })}
        onReset={() => setParams({}, { replace: true })}
      />
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ProposalList
          data={list.data}
          loading={list.isFetching}
          columns={['number', 'proposer', 'kind', 'category', 'submittedAt']}
          filtered={Object.values(values).some(Boolean)}
          onPage={(p, size) => setParams(patched({ page: p, pageSize: size }), { replace: true })}
        />
      )}
    </>
  );
}
