import type { Lang } from '../../i18n/index.tsx';

/** 1234 → 1,234 (the grouping readers of either language expect). */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** 99.4 → 99.4%, 100 → 100%, as work reports write rates; a rate over nothing reads as a dash. */
export function formatPercent(percent: number | null, lang: Lang): string {
  if (percent === null) return '—';
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(percent)}%`;
}
