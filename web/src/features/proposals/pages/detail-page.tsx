import { Col, Descriptions, Flex, Grid, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { ErrorState, NotFoundState, PageLoading } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../api/client.ts';
import { type ProposalDetail, useProposal } from '../api.ts';
import { EventTimeline } from '../components/event-timeline.tsx';
import { ProposalText } from '../components/proposal-text.tsx';
import { ConsultationRecord } from '../components/consultation-record.tsx';
import { RatingForm } from '../components/rating-form.tsx';
import { ReplyCard } from '../components/reply-card.tsx';
import { ReviewPanel } from '../components/review-panel.tsx';
import { SignerList } from '../components/signer-list.tsx';
import { KeyTag, ProposalStateTag, TimingTag, ToneTag, UrgentTag } from '../components/tags.tsx';
import { formatTime, proposalNumber } from '../labels.ts';
import { Actions } from '../components/proposal-actions.tsx';
import { AssignmentsTable, FeedbackList, Outcome, Section } from '../components/detail-parts.tsx';
import { ProposalAttachments } from '../components/attachment-list.tsx';
import '../proposals.css';

/** `/proposals/:id`: everything about one proposal, for every role, with the buttons its abilities allow. */
export default function DetailPage() {
  const { id } = useParams();
  const proposal = useProposal(id);
  if (proposal.isPending) return <PageLoading />;
  if (proposal.isError) {
    if (proposal.error instanceof ApiError && proposal.error.status === 404) return <NotFoundState />;
    return <ErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />;
  }
  return <Detail p={proposal.data} />;
}

function Detail({ p }: { p: ProposalDetail }) {
  const t = useT();
  const phone = Grid.useBreakpoint().md === false;
  const [params] = useSearchParams();
  const wantsRate = params.get('rate') === '1';

  useEffect(() => {
    document.title = `${p.title} - ${t('app.name')}`;
  }, [p.title, t]);
  useEffect(() => {
    if (wantsRate && p.abilities.rate) document.getElementById('rate')?.scrollIntoView({ block: 'start' });
  }, [wantsRate, p.abilities.rate]);

  const { user } = useSession();
  const isStaff = user.roles.some((r) => r.role === 'proposal_staff');
  const mine = user.roles
    .filter((r) => r.role === 'member' || r.role === 'standing_member')
    .map((r) => r.scopeId);
  const isSigner = p.signers.some((s) => mine.includes(s.memberId)) || (p.leadUnitId !== null && !isStaff);
  const onBehalf = isStaff && !isSigner;
  // Proposal staff record a signer's paper form only when asked; a signer sees the form at once.
  const [ratingOpen, setRatingOpen] = useState(!onBehalf);
  const openRating = () => {
    setRatingOpen(true);
    window.setTimeout(() => document.getElementById('rate')?.scrollIntoView({ behavior: 'smooth' }), 50);
  };
  const canReview = p.abilities.recommend || p.abilities.return_for_revision;
  const sentReplies = (p.replies ?? []).filter((r) => r.sentAt && (r.kind ?? 'reply') === 'reply');

  const side = (
    <>
      <Actions p={p} onRate={openRating} rateLabel={onBehalf ? t('p.rate.onBehalf') : t('p.rate.action')} />
      {canReview && <ReviewPanel key={p.version} proposal={p} />}
    </>
  );

  return (
    <div className="proposal-detail">
      <header className="detail-header">
        <div className="muted detail-number">{proposalNumber(p, t)}</div>
        <Typography.Title level={1} style={{ margin: '4px 0 8px', fontSize: '1.5em' }}>
          {p.title}
        </Typography.Title>
        <Flex gap={6} wrap align="center">
          <ProposalStateTag state={p.state} />
          {p.reviewStageName && (
            <ToneTag tone="blue">{t('p.review.at', { stage: p.reviewStageName })}</ToneTag>
          )}
          {p.isKey && <KeyTag />}
          {p.isUrgent && <UrgentTag />}
          <TimingTag timing={p.timing} />
        </Flex>
      </header>
      <Outcome p={p} />
      <Row gutter={[16, 16]}>
        {phone && <Col span={24}>{side}</Col>}
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Section title={t('p.d.basic')}>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2 }}
                items={[
                  { key: 'proposer', label: t('p.f.proposer'), children: p.proposerName || '—' },
                  { key: 'kind', label: t('p.f.kind'), children: t(`p.kind.${p.proposerKind}`) },
                  {
                    key: 'category',
                    label: t('p.f.category'),
                    children: p.category ? t(`p.category.${p.category as 'economy'}`) : '—',
                  },
                  { key: 'session', label: t('p.f.session'), children: p.sessionName ?? '—' },
                  { key: 'submittedAt', label: t('p.f.submittedAt'), children: formatTime(p.submittedAt) },
                  { key: 'filedAt', label: t('p.f.filedAt'), children: formatTime(p.filedAt) },
                  {
                    key: 'units',
                    label: t('p.f.suggestedUnits'),
                    span: 'filled' as const,
                    children: p.suggestedHandlerUnits.length
                      ? p.suggestedHandlerUnits.map((u) => u.name).join('、')
                      : '—',
                  },
                  {
                    key: 'publish',
                    label: t('p.f.publish'),
                    span: 'filled' as const,
                    children: p.consentToPublish
                      ? t('p.ed.publishYes')
                      : `${t('p.ed.publishNo')}${p.nonPublishReason ? `（${p.nonPublishReason}）` : ''}`,
                  },
                  ...(p.leadUnitId
                    ? [
                        { key: 'signatory', label: t('p.f.signatory'), children: p.signatoryName ?? '—' },
                        {
                          key: 'seal',
                          label: t('p.f.seal'),
                          children: p.sealAttached ? t('common.yes') : t('common.no'),
                        },
                      ]
                    : []),
                  ...(p.enteredOnBehalf
                    ? [{ key: 'behalf', label: t('p.d.onBehalf'), children: t('p.d.onBehalfYes') }]
                    : []),
                ]}
              />
            </Section>
            <Section title={t('p.d.text')}>
              <ProposalText
                situation={p.situation}
                analysis={p.analysis}
                suggestions={p.suggestions}
                level={3}
              />
            </Section>
            <ProposalAttachments proposalId={p.id} />
            <Section title={t('p.d.signers')}>
              <SignerList signers={p.signers} />
            </Section>
            {p.reviews.length > 0 && (
              <Section title={t('p.d.reviews')}>
                <ul className="plain-list">
                  {p.reviews.map((r) => (
                    <li key={r.createdAt}>
                      <Flex gap={6} wrap align="center">
                        <strong>{r.stageName}</strong>
                        <ToneTag tone={r.isDecision ? 'blue' : 'neutral'}>
                          {r.isDecision
                            ? t(`p.rec.${r.recommendation}`)
                            : t(`p.recSuggest.${r.recommendation}`)}
                        </ToneTag>
                        <span className="muted">{formatTime(r.createdAt)}</span>
                      </Flex>
                      {r.comment && <div className="prose">{r.comment}</div>}
                    </li>
                  ))}
                </ul>
              </Section>
            )}
            {(p.assignments?.length ?? 0) > 0 && (
              <Section title={t('p.d.assignments')}>
                <AssignmentsTable items={p.assignments ?? []} phone={phone} />
              </Section>
            )}
            {sentReplies.length > 0 && (
              <Section title={t('p.d.replies')}>
                <Flex vertical gap={12}>
                  {sentReplies.map((r) => (
                    <ReplyCard key={r.id} reply={r} proposalId={p.id} />
                  ))}
                </Flex>
              </Section>
            )}
            {p.abilities.rate && ratingOpen && (
              <RatingForm
                proposalId={p.id}
                signers={p.signers}
                onBehalf={onBehalf}
                rated={(p.feedback ?? []).filter((f) => f.round === p.round).map((f) => f.memberId)}
              />
            )}
            {(p.feedback?.length ?? 0) > 0 && (
              <Section title={t('p.d.feedback')}>
                <FeedbackList items={p.feedback ?? []} />
              </Section>
            )}
            {p.consultation && (
              <Section title={t('p.consult.title')}>
                <ConsultationRecord consultation={p.consultation} />
              </Section>
            )}
            <Section title={t('p.d.timeline')}>
              <EventTimeline events={p.timeline} />
            </Section>
          </Flex>
        </Col>
        {!phone && (
          <Col xs={24} xl={8}>
            <Flex vertical gap={16} className="detail-side">
              {side}
            </Flex>
          </Col>
        )}
      </Row>
    </div>
  );
}
