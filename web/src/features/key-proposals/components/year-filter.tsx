import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../../i18n/index.tsx';

/** The calendar year now in Beijing. */
export function thisYear(): number {
  return new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
}

/** The year in the address (`?year=2026`, `?year=all`), this year by default. */
export function useYearParam(): [number | undefined, (year: number | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('year');
  const year = raw === 'all' ? undefined : Number(raw) || thisYear();
  const setYear = (next: number | undefined) =>
    setParams({ year: next === undefined ? 'all' : String(next) }, { replace: true });
  return [year, setYear];
}

export function YearFilter({
  year,
  onChange,
}: {
  year: number | undefined;
  onChange: (y: number | undefined) => void;
}) {
  const t = useT();
  const now = thisYear();
  return (
    <Select
      style={{ minWidth: 130 }}
      aria-label={t('kp.year')}
      value={year ?? 0}
      onChange={(v: number) => onChange(v === 0 ? undefined : v)}
      options={[
        { value: 0, label: t('kp.allYears') },
        ...Array.from({ length: 8 }, (_, i) => ({
          value: now - i,
          label: t('kp.yearLabel', { year: now - i }),
        })),
      ]}
    />
  );
}
