import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { type ApiError, setAuthHandlers } from '../api/client.ts';
import { SignedInLayout } from './layout.tsx';
import { queryClient } from './query-client.ts';

// One chunk per page: a member on a phone downloads only what they open.
const LoginPage = lazy(() => import('../features/auth/pages/login-page.tsx'));
const AccountPage = lazy(() => import('../features/auth/pages/account-page.tsx'));
const HomePage = lazy(() => import('../features/home/pages/home-page.tsx'));
const DirectoryPage = lazy(() => import('../features/org/pages/directory-page.tsx'));
const AuditPage = lazy(() => import('../features/audit/pages/audit-page.tsx'));
const UsersPage = lazy(() => import('../features/users/pages/users-page.tsx'));
const CalendarPage = lazy(() => import('../features/calendar/pages/calendar-page.tsx'));
const NotFoundPage = lazy(() => import('./not-found-page.tsx'));

/** What the sign-in page shows after being sent there. */
export interface LoginState {
  from?: string;
  notice?: string;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <SignedInLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'org/:resource', element: <DirectoryPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

setAuthHandlers({
  unauthenticated: (error: ApiError) => {
    const { pathname, search } = window.location;
    if (pathname === '/login') return;
    const state: LoginState = { from: pathname + search };
    // A first visit needs no "please sign in" banner; an expired session does.
    if (error.code !== 'UNAUTHENTICATED') state.notice = error.message;
    void router.navigate('/login', { replace: true, state }).then(() => queryClient.clear());
  },
  passwordChangeRequired: (error: ApiError) => {
    if (window.location.pathname === '/account') return;
    void queryClient.invalidateQueries({ queryKey: ['auth', 'me'] });
    void router.navigate('/account', { state: { notice: error.message } });
  },
});
