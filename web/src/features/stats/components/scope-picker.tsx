import { Flex, Segmented, Select } from 'antd';
import { useT } from '../../../i18n/index.tsx';
import type { Named } from '../../org/types.ts';
import type { StatsScope } from '../api.ts';

/** The calendar year now in Beijing. */
export function currentYear(): number {
  return new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
}

/** This year and the nine before it. */
export function recentYears(): number[] {
  const now = currentYear();
  return Array.from({ length: 10 }, (_, i) => now - i);
}

/** 统计范围: one plenary session (大会 and the recess proposals counted to it) or one calendar year. */
export function ScopePicker({
  scope,
  sessions,
  onChange,
}: {
  scope: StatsScope;
  sessions: Named[];
  onChange: (scope: StatsScope) => void;
}) {
  const t = useT();
  const bySession = 'sessionId' in scope;
  return (
    <Flex wrap gap={8} align="center" className="stats-scope">
      <Segmented
        value={bySession ? 'session' : 'year'}
        aria-label={t('stats.scope')}
        options={[
          { value: 'session', label: t('stats.scope.session'), disabled: sessions.length === 0 },
          { value: 'year', label: t('stats.scope.year') },
        ]}
        onChange={(v) =>
          onChange(v === 'session' && sessions[0] ? { sessionId: sessions[0].id } : { year: currentYear() })
        }
      />
      {bySession ? (
        <Select
          style={{ minWidth: 200 }}
          value={scope.sessionId}
          aria-label={t('stats.scope.session')}
          options={sessions.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(id: string) => onChange({ sessionId: id })}
        />
      ) : (
        <Select
          style={{ minWidth: 120 }}
          value={scope.year}
          aria-label={t('stats.scope.year')}
          options={recentYears().map((y) => ({ value: y, label: t('stats.yearLabel', { year: y }) }))}
          onChange={(year: number) => onChange({ year })}
        />
      )}
    </Flex>
  );
}
