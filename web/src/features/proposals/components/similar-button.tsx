import { Button, Popover, Skeleton } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { useSimilarTo } from '../../search/api.ts';
import { SimilarList } from './similar-list.tsx';

/** 相似提案 of one proposal in the review queue: its top similar proposals with scores, loaded on opening. */
export function SimilarButton({ id, title }: { id: string; title: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const similar = useSimilarTo(open ? id : null);
  const items = similar.data?.items ?? [];
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('sim.rq.similarOf', { title })}
      content={
        <div className="similar-popover">
          {similar.isPending ? (
            <Skeleton active paragraph={{ rows: 2 }} title={false} />
          ) : similar.isError ? (
            <p>{similar.error.message}</p>
          ) : items.length === 0 ? (
            <p className="muted">{t('sim.rq.noneSimilar')}</p>
          ) : (
            <SimilarList items={items} label={t('sim.rq.similarOf', { title })} />
          )}
        </div>
      }
    >
      <Button size="small" aria-expanded={open}>
        {t('sim.rq.similar')}
      </Button>
    </Popover>
  );
}
