import { passwordProblems } from '@tongxin/common/auth/password-rules.ts';
import type { UserView } from '@tongxin/common/auth/schemas.ts';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { generatePassword, updateUser } from '../api.ts';

/** Sets a new password for someone who forgot theirs; they must change it at the next sign-in. */
export function ResetPassword({ user, onClose }: { user: UserView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<{ resetPassword: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async ({ resetPassword }: { resetPassword: string }) => {
    setSaving(true);
    try {
      await updateUser(user.id, { resetPassword });
      message.success(t('users.resetDone'));
      onClose();
    } catch (err) {
      reportError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.resetTitle', { name: user.displayName })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('users.resetPassword')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" name="reset-password" onFinish={submit}>
        <Form.Item label={t('users.newPassword')} required extra={t('users.initialPasswordHint')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="resetPassword"
              noStyle
              rules={[
                { required: true, message: t('form.required', { label: t('users.newPassword') }) },
                {
                  validator: async (_r, value: string | undefined) => {
                    const problems = value ? passwordProblems(value, user.username) : [];
                    if (problems.length)
                      throw new Error(t('account.passwordProblems', { problems: problems.join('；') }));
                  },
                },
              ]}
            >
              <Input aria-label={t('users.newPassword')} autoComplete="new-password" />
            </Form.Item>
            <Button onClick={() => form.setFieldValue('resetPassword', generatePassword())}>
              {t('users.generate')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
