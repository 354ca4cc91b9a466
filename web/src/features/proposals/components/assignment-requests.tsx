/** 交办异议 and 延期申请 on the assignment page: the unit asks, the overseers decide. */
import { CheckOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import {
  type AssignmentDetail,
  assignmentActions,
  type ExtensionView,
  type ObjectionView,
} from '../assignments-api.ts';
import { UnitSelect } from './unit-select.tsx';
import { formatDay, formatTime } from '../labels.ts';
import { useAction } from '../use-action.ts';
import { Block } from './assignment-parts.tsx';

/** Objection and extension request: asked from the side, each in its dialog. */
export function SideActions({ a }: { a: AssignmentDetail }) {
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

export function ObjectionDecision({
  a,
  objection,
}: {
  a: AssignmentDetail;
  objection: ObjectionView | undefined;
}) {
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

export function ExtensionDecision({ a, request }: { a: AssignmentDetail; request: ExtensionView }) {
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
