import { passwordProblems } from '@tongxin/common/auth/password-rules.ts';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Radio,
  Row,
  Space,
  Switch,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { usePreferences } from '../../../app/preferences.tsx';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { type Lang, languages, useI18n } from '../../../i18n/index.tsx';
import { dateTime } from '../../org/render.tsx';
import { changePassword, meKey } from '../api.ts';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Which field a password error belongs to (the server names the problem by code). */
const fieldOfCode: Record<string, keyof PasswordValues> = {
  WRONG_PASSWORD: 'currentPassword',
  WEAK_PASSWORD: 'newPassword',
  PASSWORD_REUSED: 'newPassword',
};

/** 我的账号: profile, password change (forced after the first sign-in), display settings. */
export default function AccountPage() {
  const { t, roleLabel, lang, setLang } = useI18n();
  const { user, idleTimeoutMinutes } = useSession();
  const { largeFont, setLargeFont } = usePreferences();
  const { message } = App.useApp();
  const reportError = useReportError();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const [form] = Form.useForm<PasswordValues>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: PasswordValues) => {
    setSaving(true);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success(t('account.passwordChanged'));
      form.resetFields();
      const wasForced = user.mustChangePassword;
      await queryClient.invalidateQueries({ queryKey: meKey });
      if (wasForced) await navigate('/', { replace: true });
    } catch (err) {
      const field = err instanceof ApiError ? fieldOfCode[err.code] : undefined;
      if (field && err instanceof ApiError) form.setFields([{ name: field, errors: [err.message] }]);
      else reportError(err, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={t('account.title')} description={t('account.desc')} />
      {user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('account.mustChangeTitle')}
          description={notice ?? t('account.mustChange')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('account.changePassword')}>
            <Form<PasswordValues> form={form} layout="vertical" name="change-password" onFinish={submit}>
              <Form.Item
                name="currentPassword"
                label={t('account.currentPassword')}
                rules={[
                  { required: true, message: t('form.required', { label: t('account.currentPassword') }) },
                ]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t('account.newPassword')}
                extra={t('account.passwordRules')}
                rules={[
                  { required: true, message: t('form.required', { label: t('account.newPassword') }) },
                  {
                    validator: async (_r, value: string | undefined) => {
                      const problems = value ? passwordProblems(value, user.username) : [];
                      if (problems.length > 0) {
                        throw new Error(t('account.passwordProblems', { problems: problems.join('；') }));
                      }
                    },
                  },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('account.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  { required: true, message: t('form.required', { label: t('account.confirmPassword') }) },
                  ({ getFieldValue }) => ({
                    validator: async (_r, value: string | undefined) => {
                      if (value && value !== getFieldValue('newPassword'))
                        throw new Error(t('account.passwordMismatch'));
                    },
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('account.changePassword')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('account.profile')}>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'username', label: t('users.username'), children: user.username },
                  { key: 'name', label: t('users.displayName'), children: user.displayName },
                  { key: 'committee', label: t('account.committee'), children: user.committeeName },
                  {
                    key: 'roles',
                    label: t('users.roles'),
                    children: (
                      <Space size={[4, 4]} wrap>
                        {user.roles.map((r) => (
                          <Tag key={`${r.role}-${r.scopeId ?? ''}`} color="blue">
                            {roleLabel(r.role)}
                            {r.scopeName ? ` · ${r.scopeName}` : ''}
                          </Tag>
                        ))}
                      </Space>
                    ),
                  },
                  {
                    key: 'last',
                    label: t('account.lastSignIn'),
                    children: user.lastSignInAt ? dateTime(user.lastSignInAt) : t('users.never'),
                  },
                ]}
              />
              <p className="muted" style={{ marginBottom: 0 }}>
                {t('account.idle', { minutes: idleTimeoutMinutes })}
              </p>
            </Card>
            <Card title={t('account.display')}>
              <Space orientation="vertical" size={12}>
                <Space align="center">
                  <Switch id="large-font" checked={largeFont} onChange={setLargeFont} />
                  <label htmlFor="large-font">{t('account.largeFont')}</label>
                  <span className="muted">{t('account.largeFontHint')}</span>
                </Space>
                <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                  <legend style={{ fontSize: 'inherit', marginBottom: 6 }}>{t('account.language')}</legend>
                  <Radio.Group
                    value={lang}
                    onChange={(e) => setLang(e.target.value as Lang)}
                    options={languages.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
                    optionType="button"
                  />
                </fieldset>
              </Space>
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}
