import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { nominateExcellent, useInvalidateAwards } from '../api.ts';
import { ProposalPicker } from './proposal-picker.tsx';

interface Values {
  proposalId: string;
  year: number;
  nominatedBy: string;
  notes?: string;
}

/** 推荐优秀提案: proposal staff record a nomination from a handler unit or a committee. */
export function NominateDialog({
  open,
  year,
  taken,
  onClose,
}: {
  open: boolean;
  year: number;
  /** Proposals already nominated this year. */
  taken: Set<string>;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const invalidate = useInvalidateAwards();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await nominateExcellent({
        proposalId: v.proposalId,
        year: v.year,
        nominatedBy: v.nominatedBy.trim(),
        notes: v.notes?.trim() ?? '',
      });
      message.success(t('ex.nominated'));
      await invalidate();
      onClose();
    } catch (err) {
      reportError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('ex.nominate')}
      okText={t('ex.nominateOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ year }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="proposalId"
          label={t('kp.proposal')}
          extra={t('ex.proposalHint')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('kp.proposal') }) }]}
        >
          <ProposalPicker exclude={(p) => taken.has(p.id)} aria-label={t('kp.proposal')} />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('ex.year')}
          rules={[{ required: true, message: t('form.required', { label: t('ex.year') }) }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="nominatedBy"
          label={t('ex.nominatedBy')}
          extra={t('ex.nominatedByHint')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('ex.nominatedBy') }) },
            { max: 60, message: t('kp.tooLong', { max: 60 }) },
          ]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('ex.notes')}
          rules={[{ max: 2000, message: t('kp.tooLong', { max: 2000 }) }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            placeholder={t('ex.notesPh')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
