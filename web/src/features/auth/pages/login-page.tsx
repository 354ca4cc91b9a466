import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { LanguageSwitch } from '../../../app/header-bar.tsx';
import type { LoginState } from '../../../app/router.tsx';
import { useT } from '../../../i18n/index.tsx';
import { meKey, signIn } from '../api.ts';

interface Values {
  username: string;
  password: string;
}

/** 登录. Shows the server's reason when sign-in fails (wrong password, locked for 15 minutes, disabled …). */
export default function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const state = (location.state ?? {}) as LoginState;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = t('login.title');
    return () => {
      document.title = t('app.name');
    };
  }, [t]);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await signIn({ username: values.username.trim(), password: values.password });
      queryClient.clear();
      queryClient.setQueryData(meKey, me);
      const from = state.from && state.from !== '/login' ? state.from : '/';
      await navigate(me.user.mustChangePassword ? '/account' : from, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page">
      <Flex vertical align="center" gap={16} style={{ width: '100%' }}>
        <Flex align="center" gap={12} style={{ color: '#fff' }}>
          <img src="/favicon.svg" alt="" width={44} height={44} />
          <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 26 }}>
            {t('login.title')}
          </Typography.Title>
        </Flex>
        <Card className="login-card">
          <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
            {t('login.submit')}
          </Typography.Title>
          <Typography.Paragraph className="muted">{t('login.subtitle')}</Typography.Paragraph>
          {state.notice && !error && (
            <Alert type="warning" showIcon title={state.notice} style={{ marginBottom: 16 }} />
          )}
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Form<Values> layout="vertical" name="login" onFinish={submit} requiredMark={false} size="large">
            <Form.Item
              label={t('login.username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('login.usernamePh') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('login.usernamePh')}
                autoComplete="username"
                autoFocus
              />
            </Form.Item>
            <Form.Item
              label={t('login.password')}
              name="password"
              rules={[{ required: true, message: t('login.passwordPh') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('login.passwordPh')}
                autoComplete="current-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph
            className="muted"
            style={{ marginTop: 16, marginBottom: 0, fontSize: '0.9em' }}
          >
            {t('login.security')}
            <br />
            {t('login.forgot')}
          </Typography.Paragraph>
        </Card>
        <Link to="/public/proposals" className="login-public-link">
          {t('login.public')}
        </Link>
        <LanguageSwitch />
      </Flex>
    </main>
  );
}
