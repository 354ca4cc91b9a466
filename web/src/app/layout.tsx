import { Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../api/client.ts';
import { ErrorState, PageLoading } from '../components/page-states.tsx';
import { useMe } from '../features/auth/api.ts';
import { useT } from '../i18n/index.tsx';
import { HeaderBar } from './header-bar.tsx';
import { SessionProvider } from './session.tsx';
import { SideMenu } from './side-menu.tsx';

/** Every page behind sign-in: loads `me`, forces the password change, lays out header, menu and content. */
export function SignedInLayout() {
  const me = useMe();
  const { pathname } = useLocation();
  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    // 401 is already on its way to the sign-in page.
    if (me.error instanceof ApiError && me.error.status === 401) return <PageLoading />;
    return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data.user.mustChangePassword && pathname !== '/account') return <Navigate to="/account" replace />;
  return (
    <SessionProvider me={me.data}>
      <Shell />
    </SessionProvider>
  );
}

function Shell() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header style={{ position: 'sticky', top: 0, zIndex: 20 }}>
        <HeaderBar phone={phone} onOpenMenu={() => setMenuOpen(true)} />
      </Layout.Header>
      <Layout>
        {!phone && (
          <Layout.Sider width={232} className="app-sider">
            <SideMenu />
          </Layout.Sider>
        )}
        {phone && (
          <Drawer
            title={t('nav.menu')}
            placement="left"
            size={280}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu onNavigate={() => setMenuOpen(false)} />
          </Drawer>
        )}
        <Layout.Content id="main" tabIndex={-1} className={phone ? 'app-content phone' : 'app-content'}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
