import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { ErrorState } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ProposalText } from '../../proposals/components/proposal-text.tsx';
import { ToneTag } from '../../proposals/components/tags.tsx';
import { formatDay } from '../../proposals/labels.ts';
import { usePublicProposal } from '../api.ts';
import { PublicLayout } from '../components/public-layout.tsx';
import '../public.css';
import '../../proposals/proposals.css';

/** One public proposal: its text and the replies the units sent (in full or as a summary, as they chose). */
export default function PublicDetailPage() {
  const { id } = useParams();
  const t = useT();
  const p = usePublicProposal(id);
  const back = (
    <Link to="/public/proposals">
      <ArrowLeftOutlined /> {t('pub.back')}
    </Link>
  );
  if (p.isPending)
    return (
      <PublicLayout title={t('pub.title')}>
        <div className="public-page">
          <Skeleton active />
        </div>
      </PublicLayout>
    );
  if (p.isError)
    return (
      <PublicLayout title={t('pub.title')}>
        <div className="public-page">
          {back}
          {p.error instanceof ApiError && p.error.status === 404 ? (
            <p style={{ marginTop: 16 }}>{t('pub.notFound')}</p>
          ) : (
            <ErrorState error={p.error} onRetry={() => void p.refetch()} />
          )}
        </div>
      </PublicLayout>
    );
  const d = p.data;
  return (
    <PublicLayout title={d.title}>
      <article className="public-page">
        {back}
        <div className="muted" style={{ marginTop: 12 }}>
          {d.numberLabel}
        </div>
        <Typography.Title level={1} style={{ fontSize: '1.6em', margin: '4px 0 12px' }}>
          {d.title}
        </Typography.Title>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'proposers', label: t('p.f.proposer'), children: d.proposers.join('、') || '—' },
              { key: 'kind', label: t('p.f.kind'), children: t(`p.kind.${d.proposerKind}`) },
              { key: 'session', label: t('p.f.session'), children: d.sessionName || '—' },
              {
                key: 'category',
                label: t('p.f.category'),
                children: d.category ? t(`p.category.${d.category as 'economy'}`) : '—',
              },
              { key: 'filed', label: t('p.f.filedAt'), children: formatDay(d.filedAt) },
              {
                key: 'units',
                label: t('pub.units'),
                children: d.handlerUnits.length
                  ? d.handlerUnits.map((u) => `${u.name}（${t(`p.mode.${u.mode}`)}）`).join('、')
                  : '—',
              },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={<h2 className="card-heading">{t('p.d.text')}</h2>}
          style={{ marginBottom: 16 }}
        >
          <ProposalText situation={d.situation} analysis={d.analysis} suggestions={d.suggestions} level={3} />
        </Card>
        <Card size="small" title={<h2 className="card-heading">{t('pub.replies')}</h2>}>
          {d.replies.length === 0 ? (
            <p className="muted">{t('pub.noReply')}</p>
          ) : (
            <Flex vertical gap={12}>
              {d.replies.map((r) => (
                <section key={`${r.unit}-${r.round}`} className="reply-card public-reply">
                  <Flex gap={6} wrap align="center">
                    <Typography.Title level={3} style={{ fontSize: '1.05em', margin: 0 }}>
                      {t('pub.replyOf', { unit: r.unit })}
                    </Typography.Title>
                    {r.round > 1 && <ToneTag tone="magenta">{t('a.roundN', { n: r.round })}</ToneTag>}
                    {r.resultClass && (
                      <ToneTag tone="blue">
                        {r.resultClass} {r.resultClassLabel ?? ''}
                      </ToneTag>
                    )}
                    {r.summaryOnly && <ToneTag tone="neutral">{t('pub.summary')}</ToneTag>}
                    <span className="muted">{formatDay(r.sentAt)}</span>
                  </Flex>
                  <div className="prose reply-body">{r.body}</div>
                </section>
              ))}
            </Flex>
          )}
        </Card>
      </article>
    </PublicLayout>
  );
}
