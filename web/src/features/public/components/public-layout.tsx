import { LoginOutlined } from '@ant-design/icons';
import { Flex, Layout } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../../app/header-bar.tsx';
import { useT } from '../../../i18n/index.tsx';

/** The frame of the pages anyone may read: the committee's name, a way to sign in, the language. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} - ${t('app.name')}`;
  }, [title, t]);
  return (
    <Layout style={{ minHeight: '100vh' }} className="public-layout">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header>
        <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
          <Link to="/public/proposals" className="brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t('pub.brand')}</span>
          </Link>
          <Flex align="center" gap={4}>
            <LanguageSwitch light />
            <Link to="/login" className="public-signin">
              <LoginOutlined /> {t('pub.signIn')}
            </Link>
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="public-content">
        {children}
      </Layout.Content>
      <Layout.Footer className="public-footer">{t('pub.footer')}</Layout.Footer>
    </Layout>
  );
}
