import { FileExcelOutlined } from '@ant-design/icons';
import { collectiveKinds } from '@tongxin/common/proposals/enums.ts';
import { App, Button, Card, Col, Empty, Grid, Row, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { usePreferences } from '../../../app/preferences.tsx';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useI18n } from '../../../i18n/index.tsx';
import type { statsZh } from '../messages.zh-CN.ts';
import { useOrgOptions } from '../../org/api.ts';
import {
  exportProposalStats,
  type Figure,
  type ProposalStats,
  type Rate,
  type RateKey,
  type StatsScope,
  useProposalStats,
} from '../api.ts';
import { barOption, type ChartLook, pieOption } from '../charts.ts';
import { ChartCard } from '../components/chart-card.tsx';
import { DrillDrawer, type DrillTarget } from '../components/drill-drawer.tsx';
import type { MetricDatum } from '../components/echart.tsx';
import { currentYear, ScopePicker } from '../components/scope-picker.tsx';
import { FigureLink, StatCard } from '../components/stat-card.tsx';
import { UnitTable } from '../components/unit-table.tsx';
import { formatCount, formatPercent } from '../format.ts';
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

/** The figures with a definition of their own (`stats.def.*`). */
type DefKey = keyof typeof statsZh extends infer K ? (K extends `stats.def.${infer D}` ? D : never) : never;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="stats-section" aria-label={title}>
      <Typography.Title level={2} className="stats-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function Figures({ stats: s, onDrill }: { stats: ProposalStats; onDrill: (target: DrillTarget) => void }) {
  const { t, lang } = useI18n();
  const { largeFont } = usePreferences();
  const phone = Grid.useBreakpoint().md === false;

  const count = (n: number) => t('stats.pieces', { n: formatCount(n, lang) });
  /** The server's definition in Chinese; ours in English (and for figures the server gives none). */
  const def = (key: DefKey) => {
    const server = s.definitions[key];
    return lang === 'zh-CN' && server ? server : t(`stats.def.${key}`);
  };
  const open = (figure: Figure | Rate, title: string, note?: string) =>
    onDrill({ metric: figure.metric, title, note });
  const openMetric = (metric: string, title: string, note?: string) => onDrill({ metric, title, note });

  const look: ChartLook = useMemo(
    () => ({
      fontSize: largeFont ? 17 : 13,
      phone,
      unit: (n) => t('stats.pieces', { n }),
      sliceLabel: t('stats.sliceLabel'),
    }),
    [largeFont, phone, t],
  );
  const chartHeight = (phone ? 300 : 320) + (largeFont ? 60 : 0);

  const kinds: MetricDatum[] = useMemo(
    () =>
      s.byProposerKind.map((k) => ({ name: t(`stats.kind.${k.kind}`), value: k.value, metric: k.metric })),
    [s, t],
  );
  const categories: MetricDatum[] = useMemo(
    () =>
      s.byCategory.map((c) => ({
        name: lang === 'zh-CN' ? c.label : t(`stats.category.${c.category}`),
        value: c.value,
        metric: c.metric,
      })),
    [s, t, lang],
  );
  const results: MetricDatum[] = useMemo(
    () => s.resultClasses.map((r) => ({ name: `${r.code} ${r.label}`, value: r.value, metric: r.metric })),
    [s],
  );
  const collective: MetricDatum[] = useMemo(
    () => s.collectiveByUnit.map((u) => ({ name: u.name, value: u.value, metric: u.metric })),
    [s],
  );
  const isParty = useCallback(
    (d: MetricDatum) =>
      s.collectiveByUnit.some((u) => u.metric === d.metric && u.unitKind === 'democratic_party'),
    [s],
  );
  const kindsOption = useMemo(() => pieOption(kinds, look), [kinds, look]);
  const collectiveOption = useMemo(
    () => barOption(collective, look, { horizontal: true, highlight: isParty }),
    [collective, look, isParty],
  );
  const categoriesOption = useMemo(() => barOption(categories, look), [categories, look]);
  const resultsOption = useMemo(() => pieOption(results, look), [results, look]);

  const memberCount = s.byProposerKind
    .filter((k) => !collectiveKinds.includes(k.kind))
    .reduce((n, k) => n + k.value, 0);
  const collectiveCount = s.received.value - memberCount;
  const share = (n: number) =>
    formatPercent(s.received.value ? Math.round((n / s.received.value) * 1000) / 10 : null, lang);

  const rateLine = (key: RateKey, rate: Rate, title: string) => (
    <div className="stat-sub">
      <FigureLink
        label={`${t(`stats.num.${key}`)} ${rate.numerator}`}
        onClick={() => open(rate, `${title} · ${t(`stats.num.${key}`)}`, rateNote(key))}
      >
        {t(`stats.num.${key}`)} {formatCount(rate.numerator, lang)}
      </FigureLink>
      <span className="stat-divide" aria-hidden>
        ÷
      </span>
      <FigureLink
        label={`${t(`stats.den.${key}`)} ${rate.denominator}`}
        onClick={() =>
          openMetric(rate.denominatorMetric, `${title} · ${t(`stats.den.${key}`)}`, rateNote(key))
        }
      >
        {t(`stats.den.${key}`)} {formatCount(rate.denominator, lang)}
      </FigureLink>
    </div>
  );
  const rateNote = (key: RateKey) =>
    key === 'satisfactionPerRating' ? t('stats.note.perRating') : undefined;
  const rateCard = (key: RateKey, title: string, accent: string) => {
    const rate = s[key];
    return (
      <StatCard title={title} definition={lang === 'zh-CN' ? rate.definition : def(key)} accent={accent}>
        <FigureLink
          big
          label={`${title} ${formatPercent(rate.percent, lang)}`}
          onClick={() => open(rate, title)}
        >
          {formatPercent(rate.percent, lang)}
        </FigureLink>
        {rateLine(key, rate, title)}
      </StatCard>
    );
  };
  const countCard = (figure: Figure, title: string, defKey: DefKey, sub?: ReactNode) => (
    <StatCard title={title} definition={def(defKey)}>
      <FigureLink big label={`${title} ${figure.value}`} onClick={() => open(figure, title)}>
        {formatCount(figure.value, lang)}
        <span className="stat-unit">{t('stats.unit')}</span>
      </FigureLink>
      {sub}
    </StatCard>
  );

  const cardCol = { xs: 24, sm: 12, xl: 6 };
  const ratingNote = t('stats.note.ratings');

  return (
    <>
      <Section title={t('stats.section.overview')}>
        <Row gutter={[12, 12]}>
          <Col {...cardCol}>
            {countCard(
              s.received,
              t('stats.received'),
              'received',
              <div className="stat-sub">
                <FigureLink
                  label={`${t('stats.inReview')} ${s.inReview.value}`}
                  onClick={() => open(s.inReview, t('stats.inReview'))}
                >
                  {t('stats.inReviewLine', { n: formatCount(s.inReview.value, lang) })}
                </FigureLink>
              </div>,
            )}
          </Col>
          <Col {...cardCol}>
            <StatCard
              title={t('stats.filed')}
              definition={`${def('filed')}${t('stats.defJoin')}${def('filingRate')}`}
            >
              <FigureLink
                big
                label={`${t('stats.filed')} ${s.filed.value}`}
                onClick={() => open(s.filed, t('stats.filed'))}
              >
                {formatCount(s.filed.value, lang)}
                <span className="stat-unit">{t('stats.unit')}</span>
              </FigureLink>
              <div className="stat-sub">
                {t('stats.filingRate')} <strong>{formatPercent(s.filingRate.percent, lang)}</strong>
              </div>
              {rateLine('filingRate', s.filingRate, t('stats.filingRate'))}
            </StatCard>
          </Col>
          <Col {...cardCol}>{countCard(s.merged, t('stats.merged'), 'merged')}</Col>
          <Col {...cardCol}>
            <StatCard
              title={t('stats.notFiledConverted')}
              definition={`${def('notFiled')}${t('stats.defJoin')}${def('converted')}`}
            >
              <div className="stat-pair">
                <FigureLink
                  big
                  label={`${t('stats.notFiled')} ${s.notFiled.value}`}
                  onClick={() => open(s.notFiled, t('stats.notFiled'))}
                >
                  {formatCount(s.notFiled.value, lang)}
                  <span className="stat-unit">{t('stats.unit')}</span>
                </FigureLink>
                <span className="stat-divide" aria-hidden>
                  /
                </span>
                <FigureLink
                  big
                  label={`${t('stats.converted')} ${s.converted.value}`}
                  onClick={() => open(s.converted, t('stats.converted'))}
                >
                  {formatCount(s.converted.value, lang)}
                  <span className="stat-unit">{t('stats.unit')}</span>
                </FigureLink>
              </div>
              <div className="stat-sub muted">
                {t('stats.notFiled')} / {t('stats.converted')}
              </div>
            </StatCard>
          </Col>
          <Col {...cardCol}>{rateCard('replyRate', t('stats.replyRate'), '#1554ad')}</Col>
          <Col {...cardCol}>{rateCard('onTimeReplyRate', t('stats.onTimeReplyRate'), '#1554ad')}</Col>
          <Col {...cardCol}>{rateCard('satisfactionPerProposal', t('stats.satisfaction'), '#2e7d32')}</Col>
          <Col {...cardCol}>{countCard(s.key, t('stats.key'), 'key')}</Col>
        </Row>
      </Section>

      <Section title={t('stats.section.satisfaction')}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
            {rateCard('satisfactionPerProposal', t('stats.satisfactionPerProposal'), '#2e7d32')}
          </Col>
          <Col xs={24} md={8}>
            {rateCard('satisfactionPerRating', t('stats.satisfactionPerRating'), '#2e7d32')}
          </Col>
          <Col xs={24} md={8}>
            {rateCard('satisfactionOverFiled', t('stats.satisfactionOverFiled'), '#2e7d32')}
          </Col>
        </Row>
        <Card size="small" style={{ marginTop: 12 }}>
          <div className="stat-ratings">
            <span className="stat-ratings-head">{t('stats.ratings')}</span>
            {s.ratings.map((r) => {
              const name = t(
                `stats.rating.${r.level === 'basically_satisfied' ? 'basicallySatisfied' : r.level}`,
              );
              return (
                <FigureLink
                  key={r.level}
                  label={`${name} ${r.ratings}`}
                  onClick={() => open(r.proposals, `${name} · ${t('stats.rating.proposals')}`, ratingNote)}
                >
                  {name} {t('stats.copies', { n: formatCount(r.ratings, lang) })}
                </FigureLink>
              );
            })}
            <FigureLink
              label={`${t('stats.notRated')} ${s.notRated.value}`}
              onClick={() => open(s.notRated, t('stats.notRated'))}
            >
              {t('stats.notRated')} {count(s.notRated.value)}
            </FigureLink>
          </div>
          <p className="stat-def">{def('ratings')}</p>
        </Card>
      </Section>

      <Section title={t('stats.section.composition')}>
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <ChartCard
              title={t('stats.chart.kinds')}
              note={def('byProposerKind')}
              option={kindsOption}
              data={kinds}
              height={chartHeight}
              onPick={(metric, name) => openMetric(metric, name)}
              extra={
                <p className="stat-sub stat-share">
                  {t('stats.memberShare', {
                    member: formatCount(memberCount, lang),
                    memberShare: share(memberCount),
                    collective: formatCount(collectiveCount, lang),
                    collectiveShare: share(collectiveCount),
                  })}
                </p>
              }
            />
          </Col>
          <Col xs={24} lg={12}>
            <ChartCard
              title={t('stats.chart.collective')}
              note={`${def('collectiveByUnit')}${t('stats.partyColour')}`}
              option={collectiveOption}
              data={collective}
              height={Math.max(chartHeight, collective.length * (largeFont ? 34 : 28) + 40)}
              onPick={(metric, name) => openMetric(metric, `${name} · ${t('stats.chart.collectiveShort')}`)}
            />
          </Col>
          <Col xs={24} lg={12}>
            <ChartCard
              title={t('stats.chart.categories')}
              note={def('byCategory')}
              option={categoriesOption}
              data={categories}
              height={chartHeight}
              onPick={(metric, name) => openMetric(metric, `${t('stats.chart.categories')} · ${name}`)}
            />
          </Col>
          <Col xs={24} lg={12}>
            <ChartCard
              title={t('stats.chart.results')}
              note={def('resultClasses')}
              option={resultsOption}
              data={results}
              height={chartHeight}
              onPick={(metric, name) => openMetric(metric, `${t('stats.chart.results')} · ${name}`)}
            />
          </Col>
        </Row>
      </Section>

      <Section title={t('stats.section.units')}>
        <Card size="small">
          <p className="stat-def" style={{ marginTop: 0 }}>
            {def('units')}
          </p>
          <UnitTable units={s.units} onDrill={onDrill} />
        </Card>
      </Section>
    </>
  );
}
