import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { proposalCategories, proposalStates, proposerKinds } from '@tongxin/common/proposals/enums.ts';
import { Button, Col, Grid, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { useOrgOptions } from '../../org/api.ts';

export type FilterKey =
  | 'sessionId'
  | 'state'
  | 'category'
  | 'proposerKind'
  | 'handlerUnitId'
  | 'isKey'
  | 'timing';
export type FilterValues = Partial<Record<FilterKey | 'q', string>>;

interface Props {
  filters: FilterKey[];
  values: FilterValues;
  onChange: (patch: FilterValues) => void;
  onReset: () => void;
  /** States offered in the state filter (all by default). */
  states?: readonly string[];
}

/** Search and filters of a proposal list; every choice lives in the URL, so back and reload keep it. */
export function ProposalFilters({ filters, values, onChange, onReset, states = proposalStates }: Props) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const options = useOrgOptions();
  const [text, setText] = useState(values.q ?? '');
  useEffect(() => setText(values.q ?? ''), [values.q]);
  const chosen = filters.filter((f) => values[f]).length;
  const [unfolded, setUnfolded] = useState(chosen > 0);
  const foldable = phone && filters.length > 2;
  const show = !foldable || unfolded;

  const optionsOf = (f: FilterKey) => {
    switch (f) {
      case 'sessionId':
        return (options.data?.sessions ?? []).map((s) => ({ value: s.id, label: s.name }));
      case 'handlerUnitId':
        return (options.data?.handlerUnits ?? []).map((u) => ({ value: u.id, label: u.name }));
      case 'state':
        return states.map((s) => ({ value: s, label: t(`p.state.${s as 'draft'}`) }));
      case 'category':
        return proposalCategories.map((c) => ({ value: c, label: t(`p.category.${c}`) }));
      case 'proposerKind':
        return proposerKinds.map((k) => ({ value: k, label: t(`p.kind.${k}`) }));
      case 'isKey':
        return [
          { value: 'true', label: t('p.key') },
          { value: 'false', label: t('p.filter.notKey') },
        ];
      case 'timing':
        return [
          { value: 'plenary', label: t('p.timing.plenary') },
          { value: 'recess', label: t('p.timing.recess') },
        ];
    }
  };
  const labelOf: Record<FilterKey, string> = {
    sessionId: t('p.f.session'),
    state: t('p.f.state'),
    category: t('p.f.category'),
    proposerKind: t('p.f.kind'),
    handlerUnitId: t('a.f.unit'),
    isKey: t('p.filter.key'),
    timing: t('p.f.timing'),
  };

  return (
    <search className="filter-bar" aria-label={t('common.filters')}>
      <Row gutter={[8, 8]}>
        <Col flex={foldable ? '1 1 0' : undefined} xs={foldable ? undefined : 24} md={12} lg={8}>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => onChange({ q: v.trim() || undefined })}
            placeholder={t('p.filter.q')}
            aria-label={t('p.filter.q')}
            allowClear
            enterButton={t('common.search')}
          />
        </Col>
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
        {show &&
          filters.map((f) => (
            <Col key={f} xs={12} sm={8} md={6} lg={4}>
              <Select
                style={{ width: '100%' }}
                mode={f === 'state' ? 'multiple' : undefined}
                maxTagCount="responsive"
                value={f === 'state' ? (values.state ? values.state.split(',') : []) : values[f]}
                onChange={(v?: string | string[]) =>
                  onChange({ [f]: Array.isArray(v) ? v.join(',') || undefined : (v ?? undefined) })
                }
                options={optionsOf(f)}
                placeholder={labelOf[f]}
                aria-label={labelOf[f]}
                allowClear
                showSearch={
                  f === 'handlerUnitId' || f === 'sessionId' ? { optionFilterProp: 'label' } : false
                }
              />
            </Col>
          ))}
        {(chosen > 0 || values.q) && (
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

/** Reads and writes list filters in the URL. */
export function useUrlFilters(params: URLSearchParams, keys: (FilterKey | 'q')[]) {
  const values: FilterValues = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const patched = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in patch)) next.delete('page');
    return next;
  };
  return { values, page, pageSize, patched };
}
