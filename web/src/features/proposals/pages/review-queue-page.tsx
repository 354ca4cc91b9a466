import { useSearchParams } from 'react-router';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useProposalList } from '../api.ts';
import { ProposalFilters, useUrlFilters } from '../components/proposal-filters.tsx';
import { ProposalList } from '../components/proposal-list.tsx';
import { MergeCandidates } from '../components/merge-candidates.tsx';
import { SimilarButton } from '../components/similar-button.tsx';
import '../proposals.css';

const keys = ['q', 'sessionId', 'state', 'category', 'proposerKind', 'timing'] as const;

/** 提案审查: submitted proposals and those in a review stage, oldest questions first to hand. */
export default function ReviewQueuePage() {
  const t = useT();
  const allowed = useAbility('proposals.review');
  const [params, setParams] = useSearchParams();
  const { values, page, pageSize, patched } = useUrlFilters(params, [...keys]);
  const list = useProposalList({ box: 'review', ...values, page, pageSize }, allowed);
  if (!allowed) return <ForbiddenState />;
  return (
    <>
      <PageHeader title={t('p.rq.title')} description={t('p.rq.desc')} />
      <ProposalFilters
        filters={['sessionId', 'state', 'category', 'proposerKind', 'timing']}
        states={['submitted', 'under_review']}
        values={values}
        onChange={(patch) => setParams(patched(patch), { replace: true })}
        onReset={() => setParams({}, { replace: true })}
      />
      <MergeCandidates sessionId={values.sessionId} />
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ProposalList
          data={list.data}
          loading={list.isFetching}
          columns={['number', 'proposer', 'kind', 'category', 'stage', 'submittedAt']}
          filtered={Object.values(values).some(Boolean)}
          emptyText={t('p.rq.empty')}
          onPage={(p, size) => setParams(patched({ page: p, pageSize: size }), { replace: true })}
          actions={(p) => <SimilarButton id={p.id} title={p.title} />}
        />
      )}
    </>
  );
}
