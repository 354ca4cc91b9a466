import { Table } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { fieldLabels } from '../labels.ts';

const skipped = new Set(['id', 'committeeId', 'createdAt', 'updatedAt', 'abilities']);

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

interface Line {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

/** Before/after of one audit event as a field table; for an update only the changed fields. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const labels = useMemo(fieldLabels, []);
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter(
    (k) => !skipped.has(k),
  );
  const lines: Line[] = keys
    .map((k) => {
      const bv = show(b?.[k]);
      const av = show(a?.[k]);
      return { field: k, before: bv, after: av, changed: bv !== av };
    })
    .filter((l) => !(b && a) || l.changed);
  if (lines.length === 0) return <p className="muted">{t('audit.noData')}</p>;
  const label = (k: string) => {
    const key = labels.get(k);
    return key ? `${t(key)}（${k}）` : k;
  };
  return (
    <>
      {b && a && <p className="muted">{t('audit.changedOnly')}</p>}
      <Table<Line>
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={lines}
        rowClassName={(l) => (b && a && l.changed ? 'diff-changed' : '')}
        columns={[
          { key: 'field', title: t('audit.field'), width: 200, render: (_, l) => label(l.field) },
          ...(b
            ? [
                {
                  key: 'before',
                  title: t('audit.before'),
                  render: (_: unknown, l: Line) => (
                    <pre className={`json-cell${a ? ' diff-removed' : ''}`}>{l.before}</pre>
                  ),
                },
              ]
            : []),
          ...(a
            ? [
                {
                  key: 'after',
                  title: t('audit.after'),
                  render: (_: unknown, l: Line) => (
                    <pre className={`json-cell${b ? ' diff-added' : ''}`}>{l.after}</pre>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
