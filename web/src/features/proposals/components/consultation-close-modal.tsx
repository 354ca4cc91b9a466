import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../i18n/index.tsx';
import { type CloseBody, type ConsultationForm, consultationForms } from '../api.ts';

interface Props {
  open: boolean;
  busy?: boolean;
  onCancel: () => void;
  onOk: (body: CloseBody) => void;
}

type Values = { heldOn: Dayjs; form: ConsultationForm; participants: string; outcome: string };

/**
 * 协商办结: staff record the consultation held with the still dissatisfied proposer — when, in what form,
 * who took part, what came of it — and close the proposal on it. The date is the day it took place
 * (not later than today), so it is recorded after the fact.
 */
export function ConsultationCloseModal({ open, busy, onCancel, onOk }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('form.required', { label }) },
  ];
  return (
    <Modal
      open={open}
      title={t('p.action.close')}
      okText={t('p.action.close')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <p style={{ marginTop: 0 }}>{t('p.action.closeHint')}</p>
      <Form<Values>
        form={form}
        name="close"
        layout="vertical"
        preserve={false}
        initialValues={{ heldOn: dayjs(), form: 'meeting' }}
        onFinish={(v) =>
          onOk({
            heldOn: v.heldOn.format('YYYY-MM-DD'),
            form: v.form,
            participants: v.participants.trim(),
            outcome: v.outcome.trim(),
          })
        }
      >
        <Form.Item
          name="heldOn"
          label={t('p.consult.heldOn')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('p.consult.heldOn') }) }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="form" label={t('p.consult.form')} rules={[{ required: true }]}>
          <Select
            aria-label={t('p.consult.form')}
            options={consultationForms.map((f) => ({ value: f, label: t(`p.consult.form.${f}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="participants"
          label={t('p.consult.participants')}
          extra={t('p.consult.participantsHint')}
          rules={required(t('p.consult.participants'))}
        >
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="outcome" label={t('p.consult.outcome')} rules={required(t('p.consult.outcome'))}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
