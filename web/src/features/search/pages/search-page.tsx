import { proposalCategories, proposalStates, proposerKinds } from '@tongxin/common/proposals/enums.ts';
import { Alert, Button, Col, Grid, Input, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useOrgOptions } from '../../org/api.ts';
import { type SearchParams, useSearch } from '../api.ts';
import { SearchResults } from '../components/search-results.tsx';
import { maxQueryLength, type SearchFilterKey, searchFilterKeys } from '../search-params.ts';
import '../search.css';

/**
 * 全文检索: one box over the title, text and reply letters of every proposal the user may see, in every
 * session, with filters; the query, filters and page live in the URL.
 */
export default function SearchPage() {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const options = useOrgOptions();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const filters = Object.fromEntries(searchFilterKeys.map((k) => [k, params.get(k) ?? undefined])) as Partial<
    Record<SearchFilterKey, string>
  >;
  const query: SearchParams = {
    q,
    ...filters,
    page: Number(params.get('page') ?? 1) || 1,
    pageSize: Number(params.get('pageSize') ?? 20) || 20,
  };
  const result = useSearch(query);
  const patch = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: 'page' in changes ? false : !('q' in changes) });
  };

  const selects: { key: SearchFilterKey; label: string; options: { value: string; label: string }[] }[] = [
    {
      key: 'sessionId',
      label: t('p.f.session'),
      options: (options.data?.sessions ?? []).map((s) => ({ value: s.id, label: s.name })),
    },
    {
      key: 'state',
      label: t('p.f.state'),
      options: proposalStates.map((s) => ({ value: s, label: t(`p.state.${s}`) })),
    },
    {
      key: 'category',
      label: t('p.f.category'),
      options: proposalCategories.map((c) => ({ value: c, label: t(`p.category.${c}`) })),
    },
    {
      key: 'proposerKind',
      label: t('p.f.kind'),
      options: proposerKinds.map((k) => ({ value: k, label: t(`p.kind.${k}`) })),
    },
    {
      key: 'handlerUnitId',
      label: t('a.f.unit'),
      options: (options.data?.handlerUnits ?? []).map((u) => ({ value: u.id, label: u.name })),
    },
  ];
  const badInput = result.error instanceof ApiError && result.error.status === 400 ? result.error : null;

  return (
    <>
      <PageHeader title={t('search.title')} description={t('search.desc')} />
      <search className="filter-bar" aria-label={t('search.title')}>
        <Input.Search
          size="large"
          value={text}
          maxLength={maxQueryLength}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => patch({ q: v.trim() || undefined })}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          enterButton={t('common.search')}
          allowClear
          autoFocus={!q}
        />
        <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
          {selects.map((s) => (
            <Col key={s.key} xs={12} sm={8} md={6} lg={4}>
              <Select
                style={{ width: '100%' }}
                mode={s.key === 'state' ? 'multiple' : undefined}
                maxTagCount="responsive"
                value={s.key === 'state' ? (filters.state ? filters.state.split(',') : []) : filters[s.key]}
                onChange={(v?: string | string[]) =>
                  patch({ [s.key]: Array.isArray(v) ? v.join(',') || undefined : (v ?? undefined) })
                }
                options={s.options}
                placeholder={s.label}
                aria-label={s.label}
                allowClear
                showSearch={
                  s.key === 'sessionId' || s.key === 'handlerUnitId' ? { optionFilterProp: 'label' } : false
                }
              />
            </Col>
          ))}
          {Object.values(filters).some(Boolean) && (
            <Col>
              <Button onClick={() => patch(Object.fromEntries(searchFilterKeys.map((k) => [k, undefined])))}>
                {t('common.reset')}
              </Button>
            </Col>
          )}
        </Row>
      </search>
      {!q && <p className="muted">{t('search.hint')}</p>}
      {badInput ? (
        <Alert
          type="warning"
          showIcon
          title={badInput.fieldIssues[0]?.message ?? badInput.message}
          style={{ marginBottom: 12 }}
        />
      ) : result.isError && !result.data ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        q && (
          <SearchResults
            data={result.data}
            loading={result.isFetching}
            phone={phone}
            onPage={(page, pageSize) => patch({ page, pageSize })}
          />
        )
      )}
    </>
  );
}
