import { collectiveKinds } from '@tongxin/common/proposals/enums.ts';
import { Col, Grid, Row } from 'antd';
import { useCallback, useMemo } from 'react';
import { usePreferences } from '../../../app/preferences.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import type { ProposalStats } from '../api.ts';
import { barOption, type ChartLook, pieOption } from '../charts.ts';
import { formatCount, formatPercent } from '../format.ts';
import { ChartCard } from './chart-card.tsx';
import type { MetricDatum } from './echart.tsx';
import { type FigureKit, Section } from './figure-kit.tsx';

/** 提案构成: proposer kinds, collective proposals by unit (parties highlighted), categories, result classes. */
export function CompositionSection({ stats: s, kit }: { stats: ProposalStats; kit: FigureKit }) {
  const { t, lang } = useI18n();
  const { largeFont } = usePreferences();
  const phone = Grid.useBreakpoint().md === false;
  const { def, openMetric } = kit;

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

  return (
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
  );
}
