import { Alert, Card, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { useSimilarDraft } from '../../search/api.ts';
import { SimilarList } from './similar-list.tsx';

/** The title is short and says the most: it is looked up soon after typing stops; the long text later. */
const titleDelayMs = 500;
const bodyDelayMs = 1200;

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setCurrent(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return current;
}

/**
 * 相似提案 beside the editor: updates while the member types (debounced — the title first, then the
 * body), among the proposals of every session they may see, with each one's state and, where answered,
 * who answered when and a link to the reply.
 */
export function SimilarPanel({
  title,
  body,
  proposalId,
}: {
  title: string;
  body: string;
  proposalId?: string;
}) {
  const t = useT();
  const similar = useSimilarDraft({
    title: useDebounced(title, titleDelayMs),
    body: useDebounced(body, bodyDelayMs),
    excludeProposalId: proposalId,
  });
  const items = similar.data?.items ?? [];
  return (
    <Card
      size="small"
      title={t('sim.panel.title')}
      className="similar-panel"
      style={{ marginBottom: 16 }}
      aria-busy={similar.isFetching}
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t('sim.panel.hint')}
      </p>
      <div aria-live="polite">
        {similar.isError ? (
          <Alert type="warning" showIcon title={similar.error.message} />
        ) : similar.isPending && similar.fetchStatus === 'idle' ? (
          <p className="muted">{t('sim.panel.typing')}</p>
        ) : similar.isPending ? (
          <Skeleton active paragraph={{ rows: 2 }} title={false} />
        ) : items.length === 0 ? (
          <p className="muted">{t('sim.panel.none')}</p>
        ) : (
          <SimilarList items={items} label={t('sim.panel.title')} />
        )}
      </div>
    </Card>
  );
}
