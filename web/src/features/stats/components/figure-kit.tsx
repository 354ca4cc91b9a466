import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import type { statsZh } from '../messages.zh-CN.ts';
import type { Figure, ProposalStats, Rate, RateKey } from '../api.ts';
import type { DrillTarget } from './drill-drawer.tsx';
import { FigureLink, StatCard } from './stat-card.tsx';
import { formatCount, formatPercent } from '../format.ts';

/** The figures with a definition of their own (`stats.def.*`). */
export type DefKey = keyof typeof statsZh extends infer K
  ? K extends `stats.def.${infer D}`
    ? D
    : never
  : never;

/** One titled part of the dashboard. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="stats-section" aria-label={title}>
      <Typography.Title level={2} className="stats-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

/**
 * What every section of the dashboard draws with: definitions (the server's in Chinese), the drill-down
 * to the proposals behind a figure, and the count and rate cards whose every number is such a link.
 */
export function useFigureKit(s: ProposalStats, onDrill: (target: DrillTarget) => void) {
  const { t, lang } = useI18n();

  const count = (n: number) => t('stats.pieces', { n: formatCount(n, lang) });
  /** The server's definition in Chinese; ours in English (and for figures the server gives none). */
  const def = (key: DefKey) => {
    const server = s.definitions[key];
    return lang === 'zh-CN' && server ? server : t(`stats.def.${key}`);
  };
  const open = (figure: Figure | Rate, title: string, note?: string) =>
    onDrill({ metric: figure.metric, title, note });
  const openMetric = (metric: string, title: string, note?: string) => onDrill({ metric, title, note });

  const rateNote = (key: RateKey) =>
    key === 'satisfactionPerRating' ? t('stats.note.perRating') : undefined;
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

  return { count, def, open, openMetric, rateLine, rateCard, countCard };
}

export type FigureKit = ReturnType<typeof useFigureKit>;
