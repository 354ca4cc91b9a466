import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  FileDoneOutlined,
  RedoOutlined,
  RollbackOutlined,
  SendOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { conversionTargets } from '@tongxin/common/proposals/enums.ts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  Modal,
  Radio,
  Row,
  Table,
  Typography,
} from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { ErrorState, NotFoundState, PageLoading } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { ApiError } from '../../../api/client.ts';
import {
  type AssignmentSummary,
  closeProposal,
  convertProposal,
  type FeedbackView,
  newIdempotencyKey,
  type ProposalDetail,
  rehandleProposal,
  respondCosign,
  submitProposal,
  useProposal,
  withdrawProposal,
} from '../api.ts';
import { CommentModal } from '../components/comment-modal.tsx';
import { DueDate } from '../components/due-date.tsx';
import { EventTimeline } from '../components/event-timeline.tsx';
import { LinkButton } from '../components/link-button.tsx';
import { ProposalText } from '../components/proposal-text.tsx';
import { RatingForm } from '../components/rating-form.tsx';
import { ReplyCard } from '../components/reply-card.tsx';
import { ReviewPanel } from '../components/review-panel.tsx';
import { SignerList } from '../components/signer-list.tsx';
import {
  AssignmentStateTag,
  KeyTag,
  ModeTag,
  ProposalStateTag,
  TimingTag,
  ToneTag,
  UrgentTag,
} from '../components/tags.tsx';
import { formatTime, proposalNumber } from '../labels.ts';
import '../proposals.css';
import { useAction } from '../use-action.ts';

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

function Section({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card
      size="small"
      title={<h2 className="card-heading">{title}</h2>}
      extra={extra}
      className="detail-section"
    >
      {children}
    </Card>
  );
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
                    <ReplyCard key={r.id} reply={r} />
                  ))}
                </Flex>
              </Section>
            )}
            {p.abilities.rate && ratingOpen && (
              <RatingForm proposalId={p.id} signers={p.signers} onBehalf={onBehalf} />
            )}
            {(p.feedback?.length ?? 0) > 0 && (
              <Section title={t('p.d.feedback')}>
                <FeedbackList items={p.feedback ?? []} />
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

/** What became of the proposal when it did not go the usual way: not filed, merged, converted. */
function Outcome({ p }: { p: ProposalDetail }) {
  const t = useT();
  if (p.state === 'not_filed' || p.state === 'converted') {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ margin: '12px 0' }}
        title={t('p.d.notFiled', { reason: p.notFiledReason ?? p.notFiledReasonCode ?? '' })}
        description={p.convertedTo ? t(`p.conversion.${p.convertedTo as 'opinion'}`) : undefined}
      />
    );
  }
  if (p.state === 'merged' && p.mergedIntoId) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ margin: '12px 0' }}
        title={t('p.d.merged')}
        action={<Link to={`/proposals/${p.mergedIntoId}`}>{t('p.d.mergedOpen')}</Link>}
      />
    );
  }
  return <div style={{ height: 12 }} />;
}

function AssignmentsTable({ items, phone }: { items: AssignmentSummary[]; phone: boolean }) {
  const t = useT();
  const { user } = useSession();
  const canOpen = user.roles.some((r) =>
    [
      'proposal_staff',
      'sysadmin',
      'chair_council',
      'handler_clerk',
      'handler_leader',
      'supervision_office',
    ].includes(r.role),
  );
  const unitName = (a: AssignmentSummary) => a.handlerUnit?.name ?? a.handlerUnitName ?? '—';
  const name = (a: AssignmentSummary) =>
    canOpen ? <Link to={`/assignments/${a.id}`}>{unitName(a)}</Link> : unitName(a);
  const done = (a: AssignmentSummary) => ['sent', 'opinion_sent', 'reassigned'].includes(a.state);
  if (phone) {
    return (
      <ul className="plain-list">
        {items.map((a) => (
          <li key={a.id}>
            <Flex gap={6} wrap align="center">
              <strong>{name(a)}</strong>
              <ModeTag mode={a.mode} />
              <AssignmentStateTag state={a.state} />
            </Flex>
            <div>
              {t('a.f.due')}：
              <DueDate
                dueOn={a.dueOn}
                extendedDueOn={a.extendedDueOn}
                overdueWorkingDays={a.overdueWorkingDays}
                done={done(a)}
              />
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table<AssignmentSummary>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'unit', title: t('a.f.unit'), render: (_, a) => name(a) },
        { key: 'mode', title: t('a.f.mode'), render: (_, a) => <ModeTag mode={a.mode} /> },
        { key: 'state', title: t('a.f.state'), render: (_, a) => <AssignmentStateTag state={a.state} /> },
        { key: 'round', title: t('a.f.round'), render: (_, a) => t('a.roundN', { n: a.round }) },
        { key: 'received', title: t('a.f.receivedAt'), render: (_, a) => formatTime(a.receivedAt) },
        {
          key: 'due',
          title: t('a.f.due'),
          render: (_, a) => (
            <DueDate
              dueOn={a.dueOn}
              extendedDueOn={a.extendedDueOn}
              overdueWorkingDays={a.overdueWorkingDays}
              done={done(a)}
            />
          ),
        },
      ]}
    />
  );
}

function FeedbackList({ items }: { items: FeedbackView[] }) {
  const t = useT();
  const yn = (v: boolean | null | undefined) => (v == null ? '—' : v ? t('common.yes') : t('common.no'));
  return (
    <ul className="plain-list">
      {items.map((f, i) => (
        <li key={f.id ?? `${f.round}-${i}`}>
          <Flex gap={6} wrap align="center">
            <strong>{f.raterName ?? f.memberName ?? ''}</strong>
            <ToneTag tone={f.overall === 'dissatisfied' ? 'red' : 'green'}>{t(`p.sat.${f.overall}`)}</ToneTag>
            {f.round > 1 && <ToneTag tone="magenta">{t('a.roundN', { n: f.round })}</ToneTag>}
            <span className="muted">{formatTime(f.submittedAt)}</span>
            {f.recordedByStaff && <span className="muted">{t('p.rate.byStaff')}</span>}
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'c',
                label: t('p.rate.consulted'),
                children: f.consultedBeforeReply ? t(`p.rate.way.${f.consultedBeforeReply as 'visit'}`) : '—',
              },
              {
                key: 'a',
                label: t('p.rate.attitude'),
                children: f.handlerAttitude ? t(`p.rate.att.${f.handlerAttitude as 'good'}`) : '—',
              },
              { key: 'g', label: t('p.rate.agrees'), children: yn(f.agreesWithResult) },
              { key: 'o', label: t('p.rate.onPoint'), children: yn(f.replyOnPoint) },
              { key: 'v', label: t('p.rate.visit'), children: yn(f.visitHappened) },
            ]}
          />
          {f.comment && <div className="prose">{f.comment}</div>}
        </li>
      ))}
    </ul>
  );
}

/** The buttons the server's `abilities` allow on this proposal, and the dialogs they open. */
function Actions({ p, onRate, rateLabel }: { p: ProposalDetail; onRate: () => void; rateLabel: string }) {
  const t = useT();
  const { modal } = App.useApp();
  const { run, busy } = useAction();
  const [dialog, setDialog] = useState<'rehandle' | 'close' | 'convert' | null>(null);
  const a = p.abilities;
  const any =
    a.edit ||
    a.submit ||
    a.withdraw ||
    a.accept_cosign ||
    a.decline_cosign ||
    a.assign ||
    a.rate ||
    a.rehandle ||
    a.close ||
    a.convert;
  if (!any) return null;

  const confirm = (title: string, content: string, okText: string, action: () => void, danger = false) =>
    modal.confirm({
      title,
      content,
      okText,
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      onOk: action,
    });

  return (
    <Card size="small" title={<h2 className="card-heading">{t('p.d.actions')}</h2>} className="action-card">
      <Flex gap={8} wrap>
        {a.accept_cosign && (
          <Button
            type="primary"
            size="large"
            icon={<CheckOutlined />}
            loading={busy === 'accept'}
            onClick={() =>
              void run('accept', () => respondCosign(p.id, true), { success: t('p.cosign.accepted') })
            }
          >
            {t('p.cosign.accept')}
          </Button>
        )}
        {a.decline_cosign && (
          <Button
            size="large"
            icon={<CloseOutlined />}
            loading={busy === 'decline'}
            onClick={() =>
              confirm(
                t('p.cosign.declineConfirm'),
                '',
                t('p.cosign.decline'),
                () =>
                  void run('decline', () => respondCosign(p.id, false), { success: t('p.cosign.declined') }),
              )
            }
          >
            {t('p.cosign.decline')}
          </Button>
        )}
        {a.edit && (
          <LinkButton to={`/proposals/edit/${p.id}`} size="large" icon={<EditOutlined />}>
            {t('p.action.edit')}
          </LinkButton>
        )}
        {a.submit && (
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined />}
            loading={busy === 'submit'}
            onClick={() =>
              confirm(
                t('p.ed.submitConfirm'),
                t('p.ed.submitHint'),
                t('p.action.submit'),
                () =>
                  void run('submit', () => submitProposal(p.id, p.version, newIdempotencyKey()), {
                    success: t('p.action.submitted'),
                  }),
              )
            }
          >
            {t('p.action.submit')}
          </Button>
        )}
        {a.assign && (
          <LinkButton to={`/proposals/${p.id}/assign`} type="primary" size="large" icon={<SwapOutlined />}>
            {t('p.action.assign')}
          </LinkButton>
        )}
        {a.rate && (
          <Button type="primary" size="large" onClick={onRate}>
            {rateLabel}
          </Button>
        )}
        {a.rehandle && (
          <Button size="large" icon={<RedoOutlined />} onClick={() => setDialog('rehandle')}>
            {t('p.action.rehandle')}
          </Button>
        )}
        {a.close && (
          <Button size="large" icon={<FileDoneOutlined />} onClick={() => setDialog('close')}>
            {t('p.action.close')}
          </Button>
        )}
        {a.convert && (
          <Button size="large" icon={<SwapOutlined />} onClick={() => setDialog('convert')}>
            {t('p.action.convert')}
          </Button>
        )}
        {a.withdraw && (
          <Button
            size="large"
            danger
            icon={<RollbackOutlined />}
            loading={busy === 'withdraw'}
            onClick={() =>
              confirm(
                t('p.action.withdrawConfirm'),
                t('p.action.withdrawHint'),
                t('p.action.withdraw'),
                () =>
                  void run('withdraw', () => withdrawProposal(p.id, p.version), {
                    success: t('p.action.withdrawn'),
                  }),
                true,
              )
            }
          >
            {t('p.action.withdraw')}
          </Button>
        )}
      </Flex>
      {a.rehandle && <FeedbackSummary items={p.feedback ?? []} />}
      <CommentModal
        name="rehandle"
        open={dialog === 'rehandle'}
        title={t('p.action.rehandle')}
        intro={t('p.action.rehandleHint')}
        label={t('p.action.rehandleComment')}
        required
        okText={t('p.action.rehandle')}
        busy={busy === 'rehandle'}
        onCancel={() => setDialog(null)}
        onOk={(comment) =>
          void run('rehandle', () => rehandleProposal(p.id, comment, p.version), {
            success: t('p.action.rehandled'),
            onDone: () => setDialog(null),
          })
        }
      />
      <CommentModal
        name="close"
        open={dialog === 'close'}
        title={t('p.action.close')}
        intro={t('p.action.closeHint')}
        label={t('p.action.closeComment')}
        required
        okText={t('p.action.close')}
        busy={busy === 'close'}
        onCancel={() => setDialog(null)}
        onOk={(comment) =>
          void run('close', () => closeProposal(p.id, comment, p.version), {
            success: t('p.action.closed'),
            onDone: () => setDialog(null),
          })
        }
      />
      {dialog === 'convert' && (
        <ConvertModal
          busy={busy === 'convert'}
          onCancel={() => setDialog(null)}
          onOk={(target, note) =>
            void run('convert', () => convertProposal(p.id, { target, note, expectedVersion: p.version }), {
              success: t('p.action.converted'),
              onDone: () => setDialog(null),
            })
          }
        />
      )}
    </Card>
  );
}

function FeedbackSummary({ items }: { items: FeedbackView[] }) {
  const t = useT();
  const latest = Math.max(0, ...items.map((f) => f.round));
  const unhappy = items.filter((f) => f.round === latest && f.overall === 'dissatisfied');
  if (unhappy.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      title={t('p.d.dissatisfied', { n: unhappy.length })}
      description={unhappy
        .map((f) => f.comment)
        .filter(Boolean)
        .join('；')}
    />
  );
}

function ConvertModal({
  busy,
  onCancel,
  onOk,
}: {
  busy: boolean;
  onCancel: () => void;
  onOk: (target: string, note: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ target: string; note: string }>();
  return (
    <Modal
      open
      title={t('p.action.convert')}
      okText={t('p.action.convert')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onCancel={onCancel}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        name="convert"
        layout="vertical"
        onFinish={(v) => onOk(v.target, (v.note ?? '').trim())}
      >
        <Form.Item
          name="target"
          label={t('p.convert.target')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('p.convert.target') }) }]}
        >
          <Radio.Group
            options={conversionTargets.map((c) => ({ value: c, label: t(`p.conversion.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('p.convert.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
