import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { enumLabels } from '@tongxin/common/org/enums.ts';
import { Button, Col, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import type { FilterDef, RenderContext, ResourceDef } from '../types.ts';

export type FilterValues = Record<string, string | undefined>;

interface Props {
  def: ResourceDef;
  ctx: RenderContext;
  q: string;
  values: FilterValues;
  onSearch: (q: string) => void;
  onFilter: (param: string, value: string | undefined) => void;
  onReset: () => void;
  /** On phones the filters fold away behind a button, so the list starts on the first screen. */
  phone: boolean;
}

function filterOptions(f: FilterDef, ctx: RenderContext) {
  if (f.type === 'bool') {
    const [yes, no] = f.boolLabels ?? ['common.yes', 'common.no'];
    return [
      { value: 'true', label: ctx.t(yes) },
      { value: 'false', label: ctx.t(no) },
    ];
  }
  if (f.type === 'enum' && f.enumKind) {
    const kind = f.enumKind;
    return Object.keys(enumLabels[kind]).map((code) => ({ value: code, label: ctx.enumLabel(kind, code) }));
  }
  return (f.options ? (ctx.options?.[f.options] ?? []) : []).map((o) => ({ value: o.id, label: o.name }));
}

/** Search box and the list's filters; every choice lands in the URL so back and reload keep it. */
export function FilterBar({ def, ctx, q, values, onSearch, onFilter, onReset, phone }: Props) {
  const t = useT();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const chosen = def.filters.filter((f) => values[f.param] !== undefined).length;
  const active = q !== '' || chosen > 0;
  const [unfolded, setUnfolded] = useState(chosen > 0);
  // Two filters fit beside each other on a phone; more fold away.
  const foldable = phone && def.filters.length > 2;
  const showFilters = !foldable || unfolded;
  const hint = def.searchPlaceholder;
  if (!hint && def.filters.length === 0) return null;
  return (
    <search className="filter-bar" aria-label={t('common.filters')}>
      <Row gutter={[8, 8]}>
        {hint && (
          <Col flex={foldable ? '1 1 0' : undefined} xs={foldable ? undefined : 24} md={12} lg={8}>
            <Input.Search
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => onSearch(v.trim())}
              placeholder={t(hint)}
              aria-label={t(hint)}
              allowClear
              enterButton={t('common.search')}
            />
          </Col>
        )}
        {foldable && (
          <Col flex="none">
            <Button
              icon={<FilterOutlined />}
              aria-expanded={unfolded}
              type={chosen > 0 ? 'primary' : 'default'}
              ghost={chosen > 0}
              onClick={() => setUnfolded(!unfolded)}
            >
              {chosen > 0 ? t('common.filterCount', { count: chosen }) : t('common.filter')}
            </Button>
          </Col>
        )}
        {showFilters &&
          def.filters.map((f) => (
            <Col key={f.param} xs={12} sm={8} md={6} lg={4}>
              <Select
                style={{ width: '100%' }}
                value={values[f.param]}
                onChange={(v?: string) => onFilter(f.param, v ?? undefined)}
                options={filterOptions(f, ctx)}
                placeholder={t(f.label)}
                aria-label={t(f.label)}
                allowClear
                showSearch={f.type === 'ref' ? { optionFilterProp: 'label' } : false}
              />
            </Col>
          ))}
        {active && (
          <Col>
            <Button icon={<ClearOutlined />} onClick={onReset}>
              {t('common.reset')}
            </Button>
          </Col>
        )}
      </Row>
    </search>
  );
}
