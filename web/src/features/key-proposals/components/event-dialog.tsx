import { supervisionEventKinds } from '@tongxin/common/proposals/awards.ts';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import {
  type KeyProposal,
  recordSupervisionEvent,
  type SupervisionEventKind,
  useInvalidateAwards,
} from '../api.ts';

interface Values {
  kind: SupervisionEventKind;
  heldOn: Dayjs;
  participants?: string;
  findings?: string;
}

/** 记录督办活动: a forum, inspection, research, unit visit, progress check or report to the city's leaders. */
export function EventDialog({ item, onClose }: { item: KeyProposal | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const invalidate = useInvalidateAwards();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    if (!item) return;
    setSaving(true);
    try {
      await recordSupervisionEvent(item.id, {
        kind: v.kind,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        participants: v.participants?.trim() ?? '',
        findings: v.findings?.trim() ?? '',
      });
      message.success(t('kp.eventSaved'));
      await invalidate();
      onClose();
    } catch (err) {
      // A refusal (403) shows the server's own message: the server decides who follows this proposal.
      reportError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={item !== null}
      title={item ? t('kp.eventTitle', { title: item.proposal.title }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ heldOn: dayjs() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="kind"
          label={t('kp.eventKind')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('kp.eventKind') }) }]}
        >
          <Select
            placeholder={t('common.select')}
            options={supervisionEventKinds.map((k) => ({ value: k, label: t(`kp.event.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t('kp.heldOn')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('kp.heldOn') }) }]}
        >
          <DatePicker style={{ width: '100%' }} placeholder={t('ph.date')} />
        </Form.Item>
        <Form.Item
          name="participants"
          label={t('kp.participants')}
          rules={[{ max: 1000, message: t('kp.tooLong', { max: 1000 }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={1000}
            placeholder={t('kp.participantsPh')}
          />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('kp.findings')}
          rules={[{ max: 5000, message: t('kp.tooLong', { max: 5000 }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={5000}
            placeholder={t('kp.findingsPh')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
