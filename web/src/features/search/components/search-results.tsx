import { Empty, Flex, Pagination, Skeleton } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../i18n/index.tsx';
import { formatTime, proposalNumber } from '../../proposals/labels.ts';
import { KeyTag, ProposalStateTag } from '../../proposals/components/tags.tsx';
import type { SearchResult } from '../api.ts';
import { Highlighted } from './highlighted.tsx';

interface Props {
  data: SearchResult | undefined;
  loading: boolean;
  phone: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** Ranked hits: highlighted title (to the proposal), state, number, proposer, session, and the best passages. */
export function SearchResults({ data, loading, phone, onPage }: Props) {
  const t = useT();
  if (loading && !data) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (!data) return null;
  if (data.items.length === 0) return <Empty description={t('search.noHits')} />;
  return (
    <>
      <p className="muted" aria-live="polite">
        {t(data.broad ? 'search.summaryBroad' : 'search.summary', { total: data.total })}
      </p>
      <ol className="search-results" aria-busy={loading}>
        {data.items.map((hit) => (
          <li key={hit.id} className="search-result">
            <Flex gap={6} wrap align="center">
              <ProposalStateTag state={hit.state} />
              {hit.isKey && <KeyTag />}
              <Link to={`/proposals/${hit.id}`} className="search-title">
                <Highlighted html={hit.titleHtml} />
              </Link>
            </Flex>
            <div className="search-meta">
              {[
                proposalNumber(hit, t),
                hit.proposerName,
                hit.category ? t(`p.category.${hit.category as 'economy'}`) : null,
                hit.submittedAt ? formatTime(hit.submittedAt) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            {hit.snippets.map((s) => (
              <p key={`${s.source}-${s.html.slice(0, 24)}`} className="search-snippet">
                <span className="search-snippet-source">{t(`search.source.${s.source}`)}</span>
                <Highlighted html={s.html} />
              </p>
            ))}
          </li>
        ))}
      </ol>
      {data.total > data.pageSize && (
        <Pagination
          current={data.page}
          pageSize={data.pageSize}
          total={Math.min(data.total, data.pageSize * 500)}
          showSizeChanger={!phone}
          pageSizeOptions={[10, 20, 50]}
          simple={phone}
          showTotal={(total) => t('common.total', { total })}
          onChange={onPage}
          style={{ marginTop: 16, display: 'flex', justifyContent: 'center' }}
        />
      )}
    </>
  );
}
