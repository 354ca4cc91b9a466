import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/index.tsx';

interface Props {
  /** Prefix of the field ids (several dialogs and forms share one page). */
  name: string;
  open: boolean;
  title: string;
  intro?: ReactNode;
  label: string;
  required?: boolean;
  okText: string;
  danger?: boolean;
  busy?: boolean;
  onCancel: () => void;
  onOk: (comment: string) => void;
}

/** A confirmation that asks for a comment (re-handling, closing, returning a reply …). */
export function CommentModal({
  name,
  open,
  title,
  intro,
  label,
  required,
  okText,
  danger,
  busy,
  onCancel,
  onOk,
}: Props) {
  const t = useT();
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: busy }}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {intro && <div style={{ marginBottom: 12 }}>{intro}</div>}
      <Form
        form={form}
        name={name}
        layout="vertical"
        onFinish={(v) => onOk((v.comment ?? '').trim())}
        preserve={false}
      >
        <Form.Item
          name="comment"
          label={label}
          rules={
            required ? [{ required: true, whitespace: true, message: t('form.required', { label }) }] : []
          }
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
