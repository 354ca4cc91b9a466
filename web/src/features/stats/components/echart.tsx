import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import { BarChart, PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws: the bundle carries bars, pies, their axes, tooltip and legend.
use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** A data item that knows which proposals are behind it. */
export interface MetricDatum {
  name: string;
  value: number;
  metric: string;
}

interface Props {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the figures are also listed as buttons below it). */
  label: string;
  /** A bar or slice was clicked: the `metric` of its data item. */
  onPick?: (metric: string, name: string) => void;
}

/**
 * ECharts in a div: created once, given each new option, resized with its box (phone rotation, the side
 * menu, large-font mode), disposed on unmount.
 */
export function EChart({ option, height, label, onPick }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);

  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      const data = params.data as Partial<MetricDatum> | undefined;
      if (data?.metric) pick.current?.(data.metric, String(params.name ?? ''));
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
