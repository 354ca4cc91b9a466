import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useOrgOptions } from '../../org/api.ts';
import { exportProposalStats, type ProposalStats, type StatsScope, useProposalStats } from '../api.ts';
import { CompositionSection } from '../components/composition-section.tsx';
import { DrillDrawer, type DrillTarget } from '../components/drill-drawer.tsx';
import { Section, useFigureKit } from '../components/figure-kit.tsx';
import { OverviewSection, SatisfactionSection } from '../components/overview-sections.tsx';
import { currentYear, ScopePicker } from '../components/scope-picker.tsx';
import { UnitTable } from '../components/unit-table.tsx';
import '../stats.css';

/** 提案统计: the figures of a work report for a session or a year, each explained and clickable. */
export default function ProposalStatsPage() {
  const allowed = useAbility('proposals.stats');
  return allowed ? <Dashboard /> : <ForbiddenState />;
}

function useScope(sessions: { id: string }[] | undefined, optionsFailed: boolean) {
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('sessionId');
  const year = Number(params.get('year'));
  let scope: StatsScope | null = null;
  if (sessionId) scope = { sessionId };
  else if (Number.isInteger(year) && year >= 2000 && year <= 2100) scope = { year };
  else if (sessions) scope = sessions[0] ? { sessionId: sessions[0].id } : { year: currentYear() };
  else if (optionsFailed) scope = { year: currentYear() };
  const setScope = useCallback(
    (next: StatsScope) =>
      setParams('sessionId' in next ? { sessionId: next.sessionId } : { year: String(next.year) }, {
        replace: true,
      }),
    [setParams],
  );
  return [scope, setScope] as const;
}

function Dashboard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const reportError = useReportError();
  const options = useOrgOptions();
  const sessions = options.data?.sessions;
  const [scope, setScope] = useScope(sessions, options.isError);
  const stats = useProposalStats(scope);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [exporting, setExporting] = useState(false);

  const scopeName = !scope
    ? ''
    : 'sessionId' in scope
      ? (sessions?.find((s) => s.id === scope.sessionId)?.name ?? '')
      : t('stats.yearLabel', { year: scope.year });

  const doExport = async () => {
    if (!scope) return;
    setExporting(true);
    message.info(t('common.exportStarted'));
    try {
      await exportProposalStats(scope, `${t('stats.title')}-${scopeName}-${dayjs().format('YYYYMMDD')}.xlsx`);
    } catch (err) {
      reportError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('stats.title')}
        description={t('stats.desc')}
        extra={
          <Button
            icon={<FileExcelOutlined />}
            loading={exporting}
            disabled={!stats.data}
            onClick={() => void doExport()}
          >
            {t('common.export')}
          </Button>
        }
      />
      {scope && (
        <div className="filter-bar">
          <ScopePicker scope={scope} sessions={sessions ?? []} onChange={setScope} />
        </div>
      )}
      {stats.isError && !stats.data ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : !stats.data || !scope ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : stats.data.received.value === 0 ? (
        <Card>
          <Empty description={t('stats.noProposals', { scope: scopeName })} />
        </Card>
      ) : (
        <div style={{ opacity: stats.isPlaceholderData ? 0.6 : 1 }} aria-busy={stats.isFetching}>
          <Figures stats={stats.data} onDrill={setDrill} />
        </div>
      )}
      {scope && <DrillDrawer scope={scope} target={drill} onClose={() => setDrill(null)} />}
    </>
  );
}

/** Every figure of the scope, in four sections; a click on a number opens the proposals behind it. */
function Figures({ stats: s, onDrill }: { stats: ProposalStats; onDrill: (target: DrillTarget) => void }) {
  const { t } = useI18n();
  const kit = useFigureKit(s, onDrill);
  return (
    <>
      <OverviewSection stats={s} kit={kit} />
      <SatisfactionSection stats={s} kit={kit} />
      <CompositionSection stats={s} kit={kit} />
      <Section title={t('stats.section.units')}>
        <Card size="small">
          <p className="stat-def" style={{ marginTop: 0 }}>
            {kit.def('units')}
          </p>
          <UnitTable units={s.units} onDrill={onDrill} />
        </Card>
      </Section>
    </>
  );
}
