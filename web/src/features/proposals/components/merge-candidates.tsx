import { MergeCellsOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Radio, Skeleton } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import {
  type MergeCandidateGroup,
  mergeDuplicates,
  searchKey,
  useMergeCandidates,
} from '../../search/api.ts';
import { useAction } from '../use-action.ts';
import { percent, SimilarList } from './similar-list.tsx';

/**
 * 并案候选 of one session in the review queue: groups of likely duplicates among the proposals awaiting
 * review. The reviewer picks the parent of a group (a filed one is suggested) and merges the others into
 * it in one request, after a confirmation that names them.
 */
export function MergeCandidates({ sessionId }: { sessionId?: string }) {
  const t = useT();
  const candidates = useMergeCandidates(sessionId, true);
  return (
    <Card size="small" title={t('sim.merge.title')} style={{ marginBottom: 16 }} className="merge-candidates">
      <p className="muted" style={{ marginTop: 0 }}>
        {t('sim.merge.desc')}
      </p>
      {!sessionId ? (
        <Alert type="info" showIcon title={t('sim.merge.pickSession')} />
      ) : candidates.isError ? (
        <Alert type="error" showIcon title={candidates.error.message} />
      ) : candidates.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : candidates.data.groups.length === 0 ? (
        <p className="muted">{t('sim.merge.none')}</p>
      ) : (
        <Flex vertical gap={12}>
          {candidates.data.groups.map((g, i) => (
            <MergeGroup key={g.proposals.map((p) => p.id).join()} group={g} n={i + 1} />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function MergeGroup({ group, n }: { group: MergeCandidateGroup; n: number }) {
  const t = useT();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const { run, busy } = useAction();
  const [parentId, setParentId] = useState(group.suggestedParentId);
  const parent = group.proposals.find((p) => p.id === parentId) ?? group.proposals[0]!;
  const children = group.proposals.filter((p) => p.id !== parent.id);
  const awaiting = (state: string) => state === 'submitted' || state === 'under_review';

  const merge = async () => {
    const ok = await modal.confirm({
      title: t('sim.merge.confirm'),
      content: (
        <>
          <p>{t('sim.merge.confirmBody', { n: children.length, title: parent.title })}</p>
          <ul style={{ paddingInlineStart: 18 }}>
            {children.map((c) => (
              <li key={c.id}>{c.title}</li>
            ))}
          </ul>
          {awaiting(parent.state) && <p>{t('sim.merge.fileParent')}</p>}
        </>
      ),
      okText: t('sim.merge.action'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    await run('merge', () => mergeDuplicates(parent, children), {
      success: t('sim.merge.done', { n: children.length }),
      onDone: () => queryClient.invalidateQueries({ queryKey: searchKey }),
    });
  };

  return (
    <section className="merge-group" aria-label={t('sim.merge.group', { n, pct: percent(group.score) })}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <strong>{t('sim.merge.group', { n, pct: percent(group.score) })}</strong>
        <Button
          type="primary"
          icon={<MergeCellsOutlined />}
          loading={busy === 'merge'}
          onClick={() => void merge()}
        >
          {t('sim.merge.action')}
        </Button>
      </Flex>
      {/* Radios without Radio.Group: the group's font-size 0 would hide the titles inside it. */}
      <div role="radiogroup" aria-label={t('sim.merge.parentOf', { n })}>
        <SimilarList
          items={group.proposals}
          extra={(p) => (
            <Radio
              name={`merge-parent-${n}`}
              checked={p.id === parent.id}
              onChange={() => setParentId(p.id)}
              aria-label={`${t('sim.merge.parent')}：${p.title}`}
            >
              {t('sim.merge.parent')}
            </Radio>
          )}
        />
      </div>
    </section>
  );
}
