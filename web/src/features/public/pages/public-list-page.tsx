import { proposalCategories } from '@tongxin/common/proposals/enums.ts';
import { Card, Col, Empty, Flex, Input, Pagination, Row, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ToneTag } from '../../proposals/components/tags.tsx';
import { formatDay } from '../../proposals/labels.ts';
import { usePublicList, usePublicSessions } from '../api.ts';
import { PublicLayout } from '../components/public-layout.tsx';
import '../public.css';
import '../../proposals/proposals.css';

/** 提案公开: filed proposals whose proposers agreed to publish them, searchable by 案由, with their replies. */
export default function PublicListPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sessionId = params.get('sessionId') ?? undefined;
  const category = params.get('category') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const list = usePublicList({ q, sessionId, category, page, pageSize: 20 });
  const sessions = usePublicSessions();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  const committee = list.data?.committee.name ?? sessions.data?.committee.name ?? '';

  return (
    <PublicLayout title={t('pub.title')}>
      <div className="public-page">
        <Typography.Title level={1} style={{ fontSize: '1.6em', marginBottom: 4 }}>
          {t('pub.title')}
        </Typography.Title>
        <p className="muted">{t('pub.desc', { committee })}</p>
        <search aria-label={t('common.filters')} className="filter-bar">
          <Row gutter={[8, 8]}>
            <Col xs={24} md={12}>
              <Input.Search
                value={text}
                onChange={(e) => setText(e.target.value)}
                onSearch={(v) => set({ q: v.trim() || undefined })}
                placeholder={t('pub.search')}
                aria-label={t('pub.search')}
                allowClear
                enterButton={t('common.search')}
                size="large"
              />
            </Col>
            <Col xs={12} md={6}>
              <Select
                size="large"
                style={{ width: '100%' }}
                value={sessionId}
                allowClear
                placeholder={t('p.f.session')}
                aria-label={t('p.f.session')}
                options={[...(sessions.data?.items ?? [])]
                  .reverse()
                  .map((s) => ({ value: s.id, label: s.name }))}
                onChange={(v?: string) => set({ sessionId: v })}
              />
            </Col>
            <Col xs={12} md={6}>
              <Select
                size="large"
                style={{ width: '100%' }}
                value={category}
                allowClear
                placeholder={t('p.f.category')}
                aria-label={t('p.f.category')}
                options={proposalCategories.map((c) => ({ value: c, label: t(`p.category.${c}`) }))}
                onChange={(v?: string) => set({ category: v })}
              />
            </Col>
          </Row>
        </search>
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <Skeleton active />
        ) : list.data.items.length === 0 ? (
          <Empty description={q || sessionId || category ? t('common.noResults') : t('pub.empty')} />
        ) : (
          <>
            <p className="muted" aria-live="polite">
              {t('common.total', { total: list.data.total })}
            </p>
            <ul className="card-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {list.data.items.map((p) => (
                <li key={p.id}>
                  <Card size="small">
                    <Flex gap={6} wrap align="center" style={{ marginBottom: 4 }}>
                      <span className="muted">{p.numberLabel}</span>
                      {p.category && (
                        <ToneTag tone="neutral">{t(`p.category.${p.category as 'economy'}`)}</ToneTag>
                      )}
                      {p.hasReply ? (
                        <ToneTag tone="green">{t('pub.replied')}</ToneTag>
                      ) : (
                        <ToneTag tone="gold">{t('pub.handling')}</ToneTag>
                      )}
                    </Flex>
                    <div className="card-title">
                      <Link to={`/public/proposals/${p.id}`} className="proposal-title-link">
                        {p.title}
                      </Link>
                    </div>
                    <dl style={{ margin: '6px 0 0' }}>
                      <div className="card-row">
                        <dt>{t('p.f.proposer')}</dt>
                        <dd>{p.proposers.join('、') || '—'}</dd>
                      </div>
                      <div className="card-row">
                        <dt>{t('pub.units')}</dt>
                        <dd>
                          {p.handlerUnits.length
                            ? p.handlerUnits.map((u) => `${u.name}（${t(`p.mode.${u.mode}`)}）`).join('、')
                            : '—'}
                        </dd>
                      </div>
                      <div className="card-row">
                        <dt>{t('p.f.filedAt')}</dt>
                        <dd>{formatDay(p.filedAt)}</dd>
                      </div>
                    </dl>
                  </Card>
                </li>
              ))}
            </ul>
            {list.data.total > list.data.pageSize && (
              <Pagination
                current={list.data.page}
                pageSize={list.data.pageSize}
                total={list.data.total}
                showSizeChanger={false}
                onChange={(p) => set({ page: String(p) })}
                style={{ marginTop: 16, justifyContent: 'center', display: 'flex' }}
              />
            )}
          </>
        )}
      </div>
    </PublicLayout>
  );
}
