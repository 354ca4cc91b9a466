import type { ChartOption, MetricDatum } from './components/echart.tsx';

export interface ChartLook {
  /** Base text size: larger in large-font mode. */
  fontSize: number;
  phone: boolean;
  /** Formats a value in the tooltip ("37 件"). */
  unit: (n: number) => string;
  /** ECharts label template of a slice: name, count and share. */
  sliceLabel: string;
}

const palette = ['#1554ad', '#9b1c1c', '#2e7d32', '#b45309', '#6a1b9a', '#00838f', '#5d4037', '#455a64'];

/** A donut of shares (proposer kinds, result classes); empty slices are left out. */
export function pieOption(data: MetricDatum[], look: ChartLook): ChartOption {
  const shown = data.filter((d) => d.value > 0);
  return {
    color: palette,
    textStyle: { fontSize: look.fontSize },
    tooltip: {
      trigger: 'item',
      textStyle: { fontSize: look.fontSize },
      valueFormatter: (v) => look.unit(Number(v)),
    },
    legend: {
      bottom: 0,
      type: 'scroll',
      textStyle: { fontSize: look.fontSize - 1 },
      itemWidth: 14,
      itemHeight: 10,
    },
    series: [
      {
        type: 'pie',
        // Room for the outside labels at either text size.
        radius: look.phone ? ['32%', '62%'] : look.fontSize > 14 ? ['30%', '52%'] : ['36%', '62%'],
        percentPrecision: 1,
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        cursor: 'pointer',
        label: look.phone
          ? { show: true, position: 'inside', formatter: '{c}', fontSize: look.fontSize - 1, color: '#fff' }
          : {
              show: true,
              formatter: look.sliceLabel,
              fontSize: look.fontSize - 1,
              lineHeight: look.fontSize + 4,
            },
        data: shown,
      },
    ],
  };
}

/**
 * Bars of counts. Horizontal bars suit long names (participating units); `highlight` colours some bars
 * (the democratic parties) differently.
 */
export function barOption(
  data: MetricDatum[],
  look: ChartLook,
  opts: { horizontal?: boolean; highlight?: (d: MetricDatum) => boolean } = {},
): ChartOption {
  const { horizontal = false, highlight } = opts;
  const names = data.map((d) => d.name);
  const items = data.map((d) => ({
    ...d,
    itemStyle: { color: highlight?.(d) ? '#9b1c1c' : '#1554ad' },
  }));
  const category = {
    type: 'category' as const,
    data: names,
    inverse: horizontal,
    axisTick: { show: false },
    axisLabel: {
      fontSize: look.fontSize - 1,
      interval: 0,
      ...(horizontal ? { width: look.phone ? 96 : 180, overflow: 'truncate' as const } : {}),
    },
  };
  const value = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { fontSize: look.fontSize - 2 },
    splitLine: { lineStyle: { color: '#eceff3' } },
  };
  return {
    textStyle: { fontSize: look.fontSize },
    tooltip: {
      trigger: 'item',
      textStyle: { fontSize: look.fontSize },
      valueFormatter: (v) => look.unit(Number(v)),
    },
    grid: { left: 8, right: 28, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [
      {
        type: 'bar',
        data: items,
        cursor: 'pointer',
        barMaxWidth: 36,
        label: {
          show: true,
          position: horizontal ? 'right' : 'top',
          fontSize: look.fontSize - 1,
        },
      },
    ],
  };
}
