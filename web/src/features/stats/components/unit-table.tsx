import { Card, Empty, Flex, Grid, Pagination, Select, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import type { ProposalStats } from '../api.ts';
import { formatCount, formatPercent } from '../format.ts';
import type { DrillTarget } from './drill-drawer.tsx';
import { FigureLink } from './stat-card.tsx';

type UnitRow = ProposalStats['units'][number];

/** 承办单位办理情况: assigned, replied, on time and satisfaction per unit; sortable, every cell opens its list. */
export function UnitTable({ units, onDrill }: { units: UnitRow[]; onDrill: (target: DrillTarget) => void }) {
  const { t, lang } = useI18n();
  const phone = Grid.useBreakpoint().md === false;
  if (units.length === 0) return <Empty description={t('stats.units.empty')} />;
  if (phone) return <UnitCards units={units} onDrill={onDrill} />;
  const count = (row: UnitRow, key: 'assigned' | 'replied' | 'onTime', label: string) => (
    <FigureLink
      label={`${row.name} ${label} ${row[key].value}`}
      onClick={() => onDrill({ metric: row[key].metric, title: `${row.name} · ${label}` })}
    >
      {formatCount(row[key].value, lang)}
    </FigureLink>
  );
  const byRate = (r: UnitRow) => r.satisfaction.percent ?? -1;
  return (
    <Table<UnitRow>
      rowKey="handlerUnitId"
      size="small"
      dataSource={units}
      pagination={units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      showSorterTooltip={false}
      columns={[
        {
          key: 'name',
          title: t('stats.units.name'),
          dataIndex: 'name',
          sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
        },
        {
          key: 'assigned',
          title: t('stats.units.assigned'),
          align: 'right',
          sorter: (a, b) => a.assigned.value - b.assigned.value,
          defaultSortOrder: 'descend',
          render: (_, r) => count(r, 'assigned', t('stats.units.assigned')),
        },
        {
          key: 'replied',
          title: t('stats.units.replied'),
          align: 'right',
          sorter: (a, b) => a.replied.value - b.replied.value,
          render: (_, r) => count(r, 'replied', t('stats.units.replied')),
        },
        {
          key: 'onTime',
          title: t('stats.units.onTime'),
          align: 'right',
          sorter: (a, b) => a.onTime.value - b.onTime.value,
          render: (_, r) => count(r, 'onTime', t('stats.units.onTime')),
        },
        {
          key: 'satisfaction',
          title: t('stats.units.satisfaction'),
          align: 'right',
          sorter: (a, b) => byRate(a) - byRate(b),
          render: (_, r) => (
            <FigureLink
              label={`${r.name} ${t('stats.units.satisfaction')} ${formatPercent(r.satisfaction.percent, lang)}`}
              onClick={() =>
                onDrill({
                  metric: r.satisfaction.metric,
                  title: `${r.name} · ${t('stats.units.satisfiedList')}`,
                })
              }
            >
              {formatPercent(r.satisfaction.percent, lang)}
              <span className="muted stat-fraction">
                {' '}
                ({r.satisfaction.numerator}/{r.satisfaction.denominator})
              </span>
            </FigureLink>
          ),
        },
      ]}
    />
  );
}

type SortKey = 'assigned' | 'replied' | 'onTime' | 'satisfaction';
const figureOf = (r: UnitRow, key: SortKey) =>
  key === 'satisfaction' ? (r.satisfaction.percent ?? -1) : r[key].value;

/** On a phone: one card per unit, four figures each, sorted by the figure chosen above (no sideways scrolling). */
function UnitCards({ units, onDrill }: { units: UnitRow[]; onDrill: (target: DrillTarget) => void }) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<SortKey>('assigned');
  const [page, setPage] = useState(1);
  const pageSize = 10;
  const sorted = [...units].sort((a, b) => figureOf(b, sort) - figureOf(a, sort));
  const shown = sorted.slice((page - 1) * pageSize, page * pageSize);
  const label: Record<SortKey, string> = {
    assigned: t('stats.units.assigned'),
    replied: t('stats.units.replied'),
    onTime: t('stats.units.onTime'),
    satisfaction: t('stats.units.satisfaction'),
  };
  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8}>
        <span className="muted">{t('stats.units.sortBy')}</span>
        <Select
          value={sort}
          aria-label={t('stats.units.sortBy')}
          style={{ minWidth: 140 }}
          onChange={(v: SortKey) => {
            setSort(v);
            setPage(1);
          }}
          options={(Object.keys(label) as SortKey[]).map((k) => ({ value: k, label: label[k] }))}
        />
      </Flex>
      {shown.map((r) => (
        <Card key={r.handlerUnitId} size="small" className="stat-unit-card">
          <div className="stat-unit-name">{r.name}</div>
          <dl className="stat-unit-figures">
            {(['assigned', 'replied', 'onTime'] as const).map((k) => (
              <div key={k}>
                <dt>{label[k]}</dt>
                <dd>
                  <FigureLink
                    label={`${r.name} ${label[k]} ${r[k].value}`}
                    onClick={() => onDrill({ metric: r[k].metric, title: `${r.name} · ${label[k]}` })}
                  >
                    {formatCount(r[k].value, lang)}
                  </FigureLink>
                </dd>
              </div>
            ))}
            <div>
              <dt>{label.satisfaction}</dt>
              <dd>
                <FigureLink
                  label={`${r.name} ${label.satisfaction} ${formatPercent(r.satisfaction.percent, lang)}`}
                  onClick={() =>
                    onDrill({
                      metric: r.satisfaction.metric,
                      title: `${r.name} · ${t('stats.units.satisfiedList')}`,
                    })
                  }
                >
                  {formatPercent(r.satisfaction.percent, lang)}
                </FigureLink>
                <span className="muted stat-fraction">
                  {' '}
                  ({r.satisfaction.numerator}/{r.satisfaction.denominator})
                </span>
              </dd>
            </div>
          </dl>
        </Card>
      ))}
      {units.length > pageSize && (
        <Pagination
          simple
          align="center"
          current={page}
          pageSize={pageSize}
          total={units.length}
          onChange={setPage}
        />
      )}
    </Flex>
  );
}
