import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import { formatCount } from '../format.ts';
import { type ChartOption, EChart, type MetricDatum } from './echart.tsx';
import { FigureLink } from './stat-card.tsx';

/**
 * A chart with its note and, under it, the same figures as buttons: what a keyboard or screen-reader user
 * (and anyone who wants the exact number) clicks instead of a bar or slice.
 */
export function ChartCard({
  title,
  note,
  option,
  data,
  height,
  onPick,
  extra,
}: {
  title: string;
  note: string;
  option: ChartOption;
  data: MetricDatum[];
  height: number;
  onPick: (metric: string, name: string) => void;
  extra?: ReactNode;
}) {
  const { t, lang } = useI18n();
  const total = data.reduce((n, d) => n + d.value, 0);
  return (
    <Card size="small" title={title} className="stat-chart-card">
      <p className="stat-def" style={{ marginTop: 0 }}>
        {note}
      </p>
      {total === 0 ? (
        <p className="muted stat-chart-empty">{t('stats.chartEmpty')}</p>
      ) : (
        <EChart option={option} height={height} label={title} onPick={onPick} />
      )}
      {extra}
      <ul className="stat-figure-list" aria-label={t('stats.figuresOf', { what: title })}>
        {data.map((d) => (
          <li key={d.metric}>
            <span>{d.name}</span>
            <FigureLink label={`${d.name} ${d.value}`} onClick={() => onPick(d.metric, d.name)}>
              {formatCount(d.value, lang)}
            </FigureLink>
          </li>
        ))}
      </ul>
    </Card>
  );
}
