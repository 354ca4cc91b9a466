import {
  CheckOutlined,
  ClockCircleOutlined,
  DownloadOutlined,
  ExclamationCircleOutlined,
  FormOutlined,
  InboxOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { ErrorState, NotFoundState, PageLoading } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { type ReplyView, useProposalRules } from '../api.ts';
import {
  type AssignmentDetail,
  assignmentActions,
  type ContactView,
  downloadReplyDocx,
  type ExtensionView,
  type ObjectionView,
  useAssignment,
} from '../assignments-api.ts';
import { DueDate } from '../components/due-date.tsx';
import { EventTimeline } from '../components/event-timeline.tsx';
import { ProposalText } from '../components/proposal-text.tsx';
import { AssignmentStateTag, KeyTag, ModeTag, ToneTag } from '../components/tags.tsx';
import { UnitSelect } from '../components/unit-select.tsx';
import { formatDay, formatTime } from '../labels.ts';
import '../proposals.css';
import { useAction } from '../use-action.ts';

/** `/assignments/:id`: one unit's task on one proposal, with every step the unit and its overseers take. */
export default function AssignmentPage() {
  const { id } = useParams();
  const a = useAssignment(id);
  if (a.isPending) return <PageLoading />;
  if (a.isError) {
    if (a.error instanceof ApiError && a.error.status === 404) return <NotFoundState />;
    return <ErrorState error={a.error} onRetry={() => void a.refetch()} />;
  }
  return <Assignment key={a.data.version} a={a.data} />;
}

function Block({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
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

/** The reply of this task's current round (the lead's draft for a co unit's 会签). */
function currentReply(a: AssignmentDetail): ReplyView | null {
  const own = (a.replies ?? []).filter((r) => r.assignmentId === a.id && (r.kind ?? 'reply') === 'reply');
  return own.sort((x, y) => y.round - x.round)[0] ?? null;
}

function Assignment({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const ab = a.abilities;
  const reply = currentReply(a);
  const done = ['sent', 'opinion_sent', 'reassigned'].includes(a.state);
  const openObjection = (a.objections ?? []).find((o) => !o.decision);
  const openExtension = (a.extensionRequests ?? []).find((e) => !e.decision);

  return (
    <div className="assignment-page">
      <header className="detail-header">
        <div className="muted detail-number">{a.proposal.numberLabel ?? ''}</div>
        <Typography.Title level={1} style={{ margin: '4px 0 8px', fontSize: '1.5em' }}>
          {a.proposal.title}
        </Typography.Title>
        <Flex gap={6} wrap align="center">
          <strong>{a.handlerUnit.name}</strong>
          <ModeTag mode={a.mode} />
          <AssignmentStateTag state={a.state} />
          {a.round > 1 && <ToneTag tone="magenta">{t('a.roundN', { n: a.round })}</ToneTag>}
          {a.proposal.isKey && <KeyTag />}
        </Flex>
      </header>
      <Card size="small" style={{ margin: '12px 0 16px' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            {
              key: 'due',
              label: t('a.f.due'),
              children: (
                <DueDate
                  dueOn={a.dueOn}
                  extendedDueOn={a.extendedDueOn}
                  overdueWorkingDays={a.overdueWorkingDays}
                  done={done}
                />
              ),
            },
            { key: 'received', label: t('a.f.receivedAt'), children: formatTime(a.receivedAt) },
            {
              key: 'objection',
              label: t('a.f.objectionDue'),
              children: a.objectionDueOn ? formatDay(a.objectionDueOn) : '—',
            },
            {
              key: 'proposal',
              label: t('a.f.proposal'),
              children: <Link to={`/proposals/${a.proposal.id}`}>{t('a.openProposal')}</Link>,
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            {ab.receive && <ReceiveCard a={a} />}
            {ab.uphold || ab.reassign ? <ObjectionDecision a={a} objection={openObjection} /> : null}
            {ab.decide_extension && openExtension && <ExtensionDecision a={a} request={openExtension} />}
            {ab.cosign && <CosignPanel a={a} />}
            {ab.sign_off && <SignOffPanel a={a} reply={reply} />}
            {ab.approve_reply && <SupervisionPanel a={a} reply={reply} />}
            {ab.draft_reply && <ReplyEditor a={a} reply={reply} />}
            {ab.send_opinion && <CoOpinionEditor a={a} />}
            {!ab.draft_reply && reply && a.mode !== 'co' && (
              <Block title={t('a.reply.current')}>
                <LetterView letter={reply} />
              </Block>
            )}
            <Block title={t('a.proposalText')}>
              <ProposalText
                situation={a.proposal.situation}
                analysis={a.proposal.analysis}
                suggestions={a.proposal.suggestions}
                level={3}
              />
            </Block>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <SideActions a={a} />
            <ContactsBlock a={a} />
            {(a.coOpinions?.length ?? 0) > 0 && (
              <Block title={t('a.coOpinions')}>
                <Flex vertical gap={8}>
                  {(a.coOpinions ?? []).map((o) => (
                    <LetterView key={o.id} letter={o} compact />
                  ))}
                </Flex>
              </Block>
            )}
            <OtherUnits a={a} />
            <HistoryBlock objections={a.objections ?? []} extensions={a.extensionRequests ?? []} />
            {(a.timeline?.length ?? 0) > 0 && (
              <Block title={t('a.timeline')}>
                <EventTimeline events={a.timeline ?? []} />
              </Block>
            )}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

function LetterView({ letter, compact = false }: { letter: ReplyView; compact?: boolean }) {
  const t = useT();
  const reportError = useReportError();
  const unit = letter.handlerUnit?.name ?? letter.handlerUnitName ?? '';
  return (
    <div className="letter-view">
      <Flex gap={6} wrap align="center">
        {compact && <strong>{unit}</strong>}
        {letter.docNumber && <span>{letter.docNumber}</span>}
        {letter.resultClass && (
          <ToneTag tone="blue">
            {t('a.f.resultClass')}：
            {letter.resultClassLabel
              ? `${letter.resultClass} ${letter.resultClassLabel}`
              : letter.resultClass}
          </ToneTag>
        )}
        {letter.supervisionStatus === 'returned' && <ToneTag tone="red">{t('a.reply.returned')}</ToneTag>}
        {letter.sentAt && (
          <ToneTag tone="green">
            {t(letter.kind === 'co_opinion' ? 'a.opinionSentAt' : 'a.sentAt', {
              time: formatTime(letter.sentAt),
            })}
          </ToneTag>
        )}
      </Flex>
      {letter.supervisionComment && (
        <Alert type="warning" showIcon style={{ margin: '8px 0' }} title={letter.supervisionComment} />
      )}
      <div className="prose reply-body">{letter.body}</div>
      {!compact && (
        <Flex gap={12} wrap align="center" style={{ marginTop: 8 }}>
          {(letter.contactName || letter.contactPhone) && (
            <span className="muted">
              {t('a.f.contact')}：{letter.contactName} {letter.contactPhone}
            </span>
          )}
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadReplyDocx(letter.assignmentId, `${unit}答复函.docx`).catch((e: unknown) =>
                reportError(e),
              )
            }
          >
            {t('a.downloadDocx')}
          </Button>
        </Flex>
      )}
    </div>
  );
}

function ReceiveCard({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const { run, busy } = useAction();
  return (
    <Card size="small" className="callout-card">
      <Flex gap={12} align="center" wrap justify="space-between">
        <div>
          <strong>{t('a.receive.title')}</strong>
          <div className="muted">
            {a.objectionDueOn
              ? t('a.receive.hintWindow', { day: formatDay(a.objectionDueOn) })
              : t('a.receive.hint')}
          </div>
        </div>
        <Button
          type="primary"
          size="large"
          icon={<InboxOutlined />}
          loading={busy === 'receive'}
          onClick={() =>
            void run('receive', () => assignmentActions.receive(a.id, a.version), {
              success: t('a.receive.done'),
            })
          }
        >
          {t('a.action.receive')}
        </Button>
      </Flex>
    </Card>
  );
}

/** Objection and extension request: asked from the side, each in its dialog. */
function SideActions({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const [open, setOpen] = useState<'object' | 'extend' | null>(null);
  const ab = a.abilities;
  if (!ab.object && !ab.request_extension) return null;
  return (
    <Card size="small" title={<h2 className="card-heading">{t('a.more')}</h2>}>
      <Flex gap={8} wrap>
        {ab.object && (
          <Button size="large" icon={<ExclamationCircleOutlined />} onClick={() => setOpen('object')}>
            {t('a.action.object')}
          </Button>
        )}
        {ab.request_extension && (
          <Button size="large" icon={<ClockCircleOutlined />} onClick={() => setOpen('extend')}>
            {t('a.action.extend')}
          </Button>
        )}
      </Flex>
      {ab.object && a.objectionDueOn && (
        <p className="muted" style={{ margin: '8px 0 0' }}>
          {t('a.object.window', { day: formatDay(a.objectionDueOn) })}
        </p>
      )}
      {open === 'object' && <ObjectModal a={a} onClose={() => setOpen(null)} />}
      {open === 'extend' && <ExtensionModal a={a} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function ObjectModal({ a, onClose }: { a: AssignmentDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string; proposedUnitId?: string | null }>();
  const { run, busy } = useAction();
  return (
    <Modal
      open
      title={t('a.action.object')}
      okText={t('a.object.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy === 'object' }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      {a.objectionDueOn && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('a.object.window', { day: formatDay(a.objectionDueOn) })}
        />
      )}
      <Form
        name="objection"
        form={form}
        layout="vertical"
        onFinish={(v) =>
          void run(
            'object',
            () =>
              assignmentActions.object(a.id, {
                reason: v.reason.trim(),
                proposedUnitId: v.proposedUnitId ?? null,
                expectedVersion: a.version,
              }),
            { form, success: t('a.object.done'), onDone: onClose },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t('a.object.reason')}
          extra={t('a.object.reasonHint')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('form.required', { label: t('a.object.reason') }),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="proposedUnitId" label={t('a.object.proposedUnit')}>
          <UnitSelect exclude={[a.handlerUnit.id]} aria-label={t('a.object.proposedUnit')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExtensionModal({ a, onClose }: { a: AssignmentDetail; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string; requestedDueOn: Dayjs }>();
  const { run, busy } = useAction();
  const due = a.extendedDueOn ?? a.dueOn;
  return (
    <Modal
      open
      title={t('a.action.extend')}
      okText={t('a.extend.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy === 'extend' }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('a.extend.hint', { day: formatDay(due) })}
      />
      <Form
        name="extension"
        form={form}
        layout="vertical"
        onFinish={(v) =>
          void run(
            'extend',
            () =>
              assignmentActions.requestExtension(a.id, {
                reason: v.reason.trim(),
                requestedDueOn: v.requestedDueOn.format('YYYY-MM-DD'),
                expectedVersion: a.version,
              }),
            { form, success: t('a.extend.done'), onDone: onClose },
          )
        }
      >
        <Form.Item
          name="requestedDueOn"
          label={t('a.extend.until')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('a.extend.until') }) }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => (due ? d.isBefore(dayjs(due).add(1, 'day'), 'day') : false)}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('a.extend.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('form.required', { label: t('a.extend.reason') }),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ObjectionDecision({ a, objection }: { a: AssignmentDetail; objection: ObjectionView | undefined }) {
  const t = useT();
  const [form] = Form.useForm<{
    decision: 'uphold' | 'reassign';
    newHandlerUnitId?: string;
    comment: string;
  }>();
  const decision = Form.useWatch('decision', form);
  const { run, busy } = useAction();
  return (
    <Block title={t('a.objection.title')}>
      {objection && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('a.objection.raised', { unit: a.handlerUnit.name, time: formatTime(objection.raisedAt) })}
          description={
            <>
              <div className="prose">{objection.reason}</div>
              {objection.proposedUnit?.name && (
                <div>{t('a.objection.proposed', { unit: objection.proposedUnit.name })}</div>
              )}
            </>
          }
        />
      )}
      <Form
        name="objectionDecision"
        form={form}
        layout="vertical"
        initialValues={{
          decision: 'uphold',
          comment: '',
          newHandlerUnitId: objection?.proposedUnit?.id ?? objection?.proposedUnitId ?? undefined,
        }}
        onFinish={(v) =>
          void run(
            'objection',
            () =>
              assignmentActions.decideObjection(a.id, {
                decision: v.decision,
                newHandlerUnitId: v.decision === 'reassign' ? (v.newHandlerUnitId ?? null) : null,
                comment: (v.comment ?? '').trim(),
                expectedVersion: a.version,
              }),
            { form, success: t('a.objection.done') },
          )
        }
      >
        <Form.Item name="decision" label={t('a.objection.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={[
              { value: 'uphold', label: t('a.objection.uphold') },
              { value: 'reassign', label: t('a.objection.reassign') },
            ]}
          />
        </Form.Item>
        {decision === 'reassign' && (
          <Form.Item
            name="newHandlerUnitId"
            label={t('a.objection.newUnit')}
            rules={[
              { required: true, message: t('form.requiredSelect', { label: t('a.objection.newUnit') }) },
            ]}
          >
            <UnitSelect exclude={[a.handlerUnit.id]} aria-label={t('a.objection.newUnit')} />
          </Form.Item>
        )}
        <Form.Item name="comment" label={t('a.objection.comment')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={busy === 'objection'}>
          {t('a.objection.submit')}
        </Button>
      </Form>
    </Block>
  );
}

function ExtensionDecision({ a, request }: { a: AssignmentDetail; request: ExtensionView }) {
  const t = useT();
  const [comment, setComment] = useState('');
  const { run, busy } = useAction();
  const decide = (approve: boolean) =>
    void run(
      approve ? 'approve' : 'reject',
      () => assignmentActions.decideExtension(request.id, { approve, comment: comment.trim() }),
      { success: approve ? t('a.extension.approved') : t('a.extension.rejected') },
    );
  return (
    <Block title={t('a.extension.title')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'due', label: t('a.extension.currentDue'), children: formatDay(a.extendedDueOn ?? a.dueOn) },
          { key: 'until', label: t('a.extend.until'), children: formatDay(request.requestedDueOn) },
          { key: 'at', label: t('a.extension.at'), children: formatTime(request.requestedAt) },
          {
            key: 'reason',
            label: t('a.extend.reason'),
            children: <div className="prose">{request.reason}</div>,
          },
        ]}
      />
      <label htmlFor={`ext-${request.id}`} className="field-label">
        {t('a.extension.comment')}
      </label>
      <Input.TextArea
        id={`ext-${request.id}`}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          size="large"
          icon={<CheckOutlined />}
          loading={busy === 'approve'}
          onClick={() => decide(true)}
        >
          {t('a.extension.approve')}
        </Button>
        <Button size="large" danger loading={busy === 'reject'} onClick={() => decide(false)}>
          {t('a.extension.reject')}
        </Button>
      </Flex>
    </Block>
  );
}

interface ReplyValues {
  docNumber: string;
  body: string;
  resultClass: string;
  contactName: string;
  contactPhone: string;
  publishMode: 'full' | 'summary' | 'none';
}

/** The reply letter: 文号, 正文 answering every suggestion, result class, contact; saved, then submitted. */
function ReplyEditor({ a, reply }: { a: AssignmentDetail; reply: ReplyView | null }) {
  const t = useT();
  const { modal } = App.useApp();
  const rules = useProposalRules();
  const [form] = Form.useForm<ReplyValues>();
  const { run, busy } = useAction();
  const saved = reply && reply.round === a.round && !reply.sentAt ? reply : null;
  // A second round (重新办理) starts from the reply the proposer was not satisfied with.
  const base = saved ?? reply;
  const canSubmit = a.abilities.submit_reply === true;

  const save = (v: ReplyValues) =>
    run(
      'save',
      () =>
        assignmentActions.saveReply(a.id, {
          docNumber: (v.docNumber ?? '').trim(),
          body: v.body,
          resultClass: v.resultClass,
          contactName: (v.contactName ?? '').trim(),
          contactPhone: (v.contactPhone ?? '').trim(),
          publishMode: v.publishMode,
          expectedVersion: a.version,
        }),
      { form, success: t('a.reply.saved') },
    );

  const submit = async () => {
    const ok = await modal.confirm({
      title: t('a.reply.submitConfirm'),
      content: t('a.reply.submitHint'),
      okText: t('a.action.submitReply'),
      cancelText: t('common.cancel'),
    });
    if (ok)
      await run('submit', () => assignmentActions.submitReply(a.id, a.version), {
        success: t('a.reply.submitted'),
      });
  };

  return (
    <Block title={a.round > 1 ? t('a.reply.titleRound', { n: a.round }) : t('a.reply.title')}>
      {!saved && reply && reply.round < a.round && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('a.reply.fromLastRound')} />
      )}
      {saved?.supervisionStatus === 'returned' && saved.supervisionComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('a.reply.returnedBy')}
          description={saved.supervisionComment}
        />
      )}
      <Form<ReplyValues>
        name="reply"
        form={form}
        layout="vertical"
        initialValues={{
          docNumber: saved?.docNumber ?? '',
          body: base?.body ?? '',
          resultClass: base?.resultClass ?? undefined,
          contactName: base?.contactName ?? '',
          contactPhone: base?.contactPhone ?? '',
          publishMode: base?.publishMode ?? 'full',
        }}
        onFinish={(v) => void save(v)}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="docNumber" label={t('a.f.docNumber')} extra={t('a.reply.docNumberHint')}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="publishMode" label={t('a.f.publishMode')}>
              <Select
                aria-label={t('a.f.publishMode')}
                options={(['full', 'summary', 'none'] as const).map((m) => ({
                  value: m,
                  label: t(`a.publish.${m}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="body"
          label={t('a.f.body')}
          extra={t('a.reply.bodyHint')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('a.f.body') }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 10, maxRows: 40 }}
            maxLength={50000}
            className="big-textarea"
          />
        </Form.Item>
        <Form.Item
          name="resultClass"
          label={t('a.f.resultClass')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('a.f.resultClass') }) }]}
        >
          <Radio.Group
            className="stacked-radios"
            options={(rules.data?.resultClasses ?? []).map((c) => ({
              value: c.code,
              label: `${c.code} 类：${c.label}`,
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label={t('a.f.contactName')}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="contactPhone" label={t('a.f.contactPhone')}>
              <Input maxLength={30} inputMode="tel" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8} wrap>
          <Button size="large" htmlType="submit" icon={<SaveOutlined />} loading={busy === 'save'}>
            {t('a.reply.save')}
          </Button>
          {canSubmit && (
            <Button
              type="primary"
              size="large"
              icon={<SendOutlined />}
              loading={busy === 'submit'}
              onClick={() => void submit()}
            >
              {t('a.action.submitReply')}
            </Button>
          )}
        </Flex>
        {!canSubmit && saved && <p className="muted">{t('a.reply.saveFirst')}</p>}
      </Form>
    </Block>
  );
}

function CoOpinionEditor({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const [form] = Form.useForm<{ body: string }>();
  const { run, busy } = useAction();
  return (
    <Block title={t('a.co.title')}>
      <p className="muted" style={{ marginTop: 0 }}>
        {t('a.co.hint')}
      </p>
      <Form
        name="coOpinion"
        form={form}
        layout="vertical"
        initialValues={{ body: a.coOpinion?.body ?? '' }}
        onFinish={(v) =>
          void run(
            'co',
            () => assignmentActions.sendCoOpinion(a.id, { body: v.body, expectedVersion: a.version }),
            {
              form,
              success: t('a.co.done'),
            },
          )
        }
      >
        <Form.Item
          name="body"
          label={t('a.co.body')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('a.co.body') }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={20000} className="big-textarea" />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined />} loading={busy === 'co'}>
          {t('a.action.sendOpinion')}
        </Button>
      </Form>
    </Block>
  );
}

/** 会签: a co unit agrees to the lead unit's draft reply, or asks for changes. */
function CosignPanel({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const [form] = Form.useForm<{ decision: 'agreed' | 'amended'; comment: string }>();
  const decision = Form.useWatch('decision', form);
  const { run, busy } = useAction();
  return (
    <Block title={t('a.cosign.title')}>
      {a.leadReply ? <LetterView letter={a.leadReply} /> : <p className="muted">{t('a.cosign.noDraft')}</p>}
      <Form
        name="cosign"
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        initialValues={{ decision: 'agreed', comment: '' }}
        onFinish={(v) =>
          void run(
            'cosign',
            () =>
              assignmentActions.cosign(a.id, {
                decision: v.decision,
                comment: (v.comment ?? '').trim(),
                expectedVersion: a.version,
              }),
            { form, success: t('a.cosign.done') },
          )
        }
      >
        <Form.Item name="decision" label={t('a.cosign.decision')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            options={[
              { value: 'agreed', label: t('a.cosign.agreed') },
              { value: 'amended', label: t('a.cosign.amended') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('a.cosign.comment')}
          rules={
            decision === 'amended'
              ? [{ required: true, whitespace: true, message: t('a.cosign.commentRequired') }]
              : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<FormOutlined />}
          loading={busy === 'cosign'}
        >
          {t('a.action.cosign')}
        </Button>
      </Form>
    </Block>
  );
}

function SignOffPanel({ a, reply }: { a: AssignmentDetail; reply: ReplyView | null }) {
  const t = useT();
  const [comment, setComment] = useState('');
  const { run, busy } = useAction();
  const canReturn = a.abilities.return_to_drafter === true;
  const act = (approve: boolean) =>
    void run(
      approve ? 'sign' : 'return',
      () => assignmentActions.signOff(a.id, { approve, comment: comment.trim(), expectedVersion: a.version }),
      { success: approve ? t('a.signOff.signed') : t('a.signOff.returned') },
    );
  return (
    <Block title={t('a.signOff.title')}>
      {reply ? <LetterView letter={reply} /> : null}
      <CosignSummary letter={reply} />
      <label htmlFor="signoff-comment" className="field-label">
        {t('a.signOff.comment')}
      </label>
      <Input.TextArea
        id="signoff-comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          size="large"
          icon={<CheckOutlined />}
          loading={busy === 'sign'}
          onClick={() => act(true)}
        >
          {t('a.action.signOff')}
        </Button>
        {canReturn && (
          <Button
            size="large"
            icon={<RollbackOutlined />}
            loading={busy === 'return'}
            onClick={() => act(false)}
          >
            {t('a.action.returnToDrafter')}
          </Button>
        )}
      </Flex>
    </Block>
  );
}

function CosignSummary({ letter }: { letter: ReplyView | null }) {
  const t = useT();
  const cosigns = (
    letter as (ReplyView & { cosigns?: { unitName: string; decision: string; comment: string }[] }) | null
  )?.cosigns;
  if (!cosigns?.length) return null;
  return (
    <div style={{ margin: '12px 0' }}>
      <strong>{t('a.cosign.results')}</strong>
      <ul className="plain-list">
        {cosigns.map((c) => (
          <li key={c.unitName}>
            {c.unitName}：{t(`a.cosign.${c.decision}`)}
            {c.comment ? `（${c.comment}）` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** 督查室审核: approve and send, or return to the unit; the result class may be changed. */
function SupervisionPanel({ a, reply }: { a: AssignmentDetail; reply: ReplyView | null }) {
  const t = useT();
  const rules = useProposalRules();
  const [resultClass, setResultClass] = useState<string | undefined>(reply?.resultClass ?? undefined);
  const [comment, setComment] = useState('');
  const { run, busy } = useAction();
  const act = (approve: boolean) =>
    void run(
      approve ? 'approve' : 'return',
      () =>
        assignmentActions.reviewReply(a.id, {
          approve,
          resultClass: approve && resultClass && resultClass !== reply?.resultClass ? resultClass : undefined,
          comment: comment.trim(),
          expectedVersion: a.version,
        }),
      { success: approve ? t('a.review.approved') : t('a.review.returned') },
    );
  return (
    <Block title={t('a.review.title')}>
      {reply ? <LetterView letter={reply} /> : null}
      <CosignSummary letter={reply} />
      <label htmlFor="review-class" className="field-label">
        {t('a.review.class')}
      </label>
      <Select
        id="review-class"
        value={resultClass}
        onChange={setResultClass}
        style={{ width: '100%' }}
        options={(rules.data?.resultClasses ?? []).map((c) => ({
          value: c.code,
          label: `${c.code} 类：${c.label}`,
        }))}
      />
      <label htmlFor="review-comment" className="field-label">
        {t('a.review.comment')}
      </label>
      <Input.TextArea
        id="review-comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
      />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          size="large"
          icon={<CheckOutlined />}
          loading={busy === 'approve'}
          onClick={() => act(true)}
        >
          {t('a.action.approveReply')}
        </Button>
        <Button
          size="large"
          icon={<RollbackOutlined />}
          loading={busy === 'return'}
          onClick={() => act(false)}
        >
          {t('a.action.returnToDrafter')}
        </Button>
      </Flex>
    </Block>
  );
}

interface ContactValues {
  stage: 'before' | 'during' | 'after';
  method: 'visit' | 'meeting' | 'phone' | 'online';
  contactedOn: Dayjs;
  participants: string;
  notes: string;
}

/** 办理沟通: contacts with the proposer before, during and after handling. */
function ContactsBlock({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<ContactValues>();
  const { run, busy } = useAction();
  const contacts = a.contacts ?? [];
  if (!a.abilities.record_contact && contacts.length === 0) return null;
  return (
    <Block
      title={t('a.contacts.title')}
      extra={
        a.abilities.record_contact && !adding ? (
          <Button onClick={() => setAdding(true)}>{t('a.contacts.add')}</Button>
        ) : null
      }
    >
      {contacts.length === 0 && <p className="muted">{t('a.contacts.none')}</p>}
      <ul className="plain-list">
        {contacts.map((c: ContactView) => (
          <li key={c.id}>
            <Flex gap={6} wrap>
              <strong>{formatDay(c.contactedOn)}</strong>
              <ToneTag tone="neutral">{t(`a.contact.stage.${c.stage}`)}</ToneTag>
              <ToneTag tone="blue">{t(`a.contact.method.${c.method}`)}</ToneTag>
            </Flex>
            {c.participants && (
              <div className="muted">
                {t('a.contacts.participants')}：{c.participants}
              </div>
            )}
            {c.notes && <div className="prose">{c.notes}</div>}
          </li>
        ))}
      </ul>
      {adding && (
        <Form<ContactValues>
          name="contact"
          form={form}
          layout="vertical"
          initialValues={{
            stage: a.state === 'pending_receipt' || a.state === 'handling' ? 'before' : 'during',
            method: 'visit',
            contactedOn: dayjs(),
            participants: '',
            notes: '',
          }}
          onFinish={(v) =>
            void run(
              'contact',
              () =>
                assignmentActions.recordContact(a.id, {
                  stage: v.stage,
                  method: v.method,
                  contactedOn: v.contactedOn.format('YYYY-MM-DD'),
                  participants: (v.participants ?? '').trim(),
                  notes: (v.notes ?? '').trim(),
                }),
              {
                form,
                success: t('a.contacts.done'),
                onDone: () => {
                  setAdding(false);
                  form.resetFields();
                },
              },
            )
          }
        >
          <Form.Item name="stage" label={t('a.contacts.stage')}>
            <Radio.Group
              optionType="button"
              options={(['before', 'during', 'after'] as const).map((s) => ({
                value: s,
                label: t(`a.contact.stage.${s}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="method" label={t('a.contacts.method')}>
            <Radio.Group
              optionType="button"
              options={(['visit', 'meeting', 'phone', 'online'] as const).map((m) => ({
                value: m,
                label: t(`a.contact.method.${m}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="contactedOn"
            label={t('a.contacts.date')}
            rules={[{ required: true, message: t('form.requiredSelect', { label: t('a.contacts.date') }) }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="participants" label={t('a.contacts.participants')}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="notes" label={t('a.contacts.notes')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={busy === 'contact'}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      )}
    </Block>
  );
}

function OtherUnits({ a }: { a: AssignmentDetail }) {
  const t = useT();
  const others = a.otherUnits ?? [];
  if (others.length === 0) return null;
  return (
    <Block title={t('a.otherUnits')}>
      <ul className="plain-list">
        {others.map((o) => (
          <li key={o.assignmentId}>
            <Flex gap={6} wrap align="center">
              <strong>{o.handlerUnit.name}</strong>
              <ModeTag mode={o.mode} />
              <AssignmentStateTag state={o.state} />
            </Flex>
          </li>
        ))}
      </ul>
    </Block>
  );
}

function HistoryBlock({
  objections,
  extensions,
}: {
  objections: ObjectionView[];
  extensions: ExtensionView[];
}) {
  const t = useT();
  if (objections.length === 0 && extensions.length === 0) return null;
  return (
    <Block title={t('a.history')}>
      <ul className="plain-list">
        {objections.map((o) => (
          <li key={o.id}>
            <Flex gap={6} wrap align="center">
              <strong>{t('a.action.object')}</strong>
              <span className="muted">{formatTime(o.raisedAt)}</span>
              {o.decision ? (
                <ToneTag tone={o.decision === 'reassigned' ? 'purple' : 'neutral'}>
                  {t(`a.objection.${o.decision}`)}
                </ToneTag>
              ) : (
                <ToneTag tone="gold">{t('a.pending')}</ToneTag>
              )}
            </Flex>
            <div className="prose">{o.reason}</div>
            {o.decisionComment && <div className="muted">{o.decisionComment}</div>}
          </li>
        ))}
        {extensions.map((e) => (
          <li key={e.id}>
            <Flex gap={6} wrap align="center">
              <strong>{t('a.action.extend')}</strong>
              <span>{t('a.extension.to', { day: formatDay(e.requestedDueOn) })}</span>
              {e.decision ? (
                <ToneTag tone={e.decision === 'approved' ? 'green' : 'red'}>
                  {t(`a.extension.${e.decision}`)}
                </ToneTag>
              ) : (
                <ToneTag tone="gold">{t('a.pending')}</ToneTag>
              )}
            </Flex>
            <div className="prose">{e.reason}</div>
            {e.decisionComment && <div className="muted">{e.decisionComment}</div>}
          </li>
        ))}
      </ul>
    </Block>
  );
}
