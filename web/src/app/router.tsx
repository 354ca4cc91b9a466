import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { type ApiError, setAuthHandlers } from '../api/client.ts';
import { PageLoading } from '../components/page-states.tsx';
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
const SearchPage = lazy(() => import('../features/search/pages/search-page.tsx'));
const SearchDictionaryPage = lazy(() => import('../features/search/pages/dictionary-page.tsx'));
// 提案 (proposals) and 承办 (handling)
const ProposalWorkbenchPage = lazy(() => import('../features/proposals/pages/workbench-page.tsx'));
const ProposalEditorPage = lazy(() => import('../features/proposals/pages/editor-page.tsx'));
const ProposalDetailPage = lazy(() => import('../features/proposals/pages/detail-page.tsx'));
const ProposalListPage = lazy(() => import('../features/proposals/pages/list-page.tsx'));
const ReviewQueuePage = lazy(() => import('../features/proposals/pages/review-queue-page.tsx'));
const AssignPage = lazy(() => import('../features/proposals/pages/assign-page.tsx'));
const BulkAssignPage = lazy(() => import('../features/proposals/pages/bulk-assign-page.tsx'));
const ProposalRulesPage = lazy(() => import('../features/proposals/pages/rules-page.tsx'));
const UnitWorkbenchPage = lazy(() => import('../features/proposals/pages/unit-workbench-page.tsx'));
const AssignmentPage = lazy(() => import('../features/proposals/pages/assignment-page.tsx'));
const SupervisionPage = lazy(() => import('../features/proposals/pages/supervision-page.tsx'));
// 提案统计, 重点提案, 优秀提案
const ProposalStatsPage = lazy(() => import('../features/stats/pages/proposal-stats-page.tsx'));
const KeyProposalsPage = lazy(() => import('../features/key-proposals/pages/key-proposals-page.tsx'));
const ExcellentProposalsPage = lazy(
  () => import('../features/key-proposals/pages/excellent-proposals-page.tsx'),
);
// Public pages: no sign-in, outside the signed-in layout.
const PublicListPage = lazy(() => import('../features/public/pages/public-list-page.tsx'));
const PublicDetailPage = lazy(() => import('../features/public/pages/public-detail-page.tsx'));

/** What the sign-in page shows after being sent there. */
export interface LoginState {
  from?: string;
  notice?: string;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/public/proposals',
    element: (
      <Suspense fallback={<PageLoading />}>
        <PublicListPage />
      </Suspense>
    ),
  },
  {
    path: '/public/proposals/:id',
    element: (
      <Suspense fallback={<PageLoading />}>
        <PublicDetailPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: <SignedInLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'org/:resource', element: <DirectoryPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'calendar', element: <CalendarPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'search/dictionary', element: <SearchDictionaryPage /> },
      { path: 'proposals', element: <ProposalWorkbenchPage /> },
      // New and existing drafts share one route, so creating the draft keeps the editor (and the cursor) as is.
      { path: 'proposals/edit/:id?', element: <ProposalEditorPage /> },
      { path: 'proposals/all', element: <ProposalListPage /> },
      { path: 'proposals/review', element: <ReviewQueuePage /> },
      { path: 'proposals/assign', element: <BulkAssignPage /> },
      { path: 'proposals/rules', element: <ProposalRulesPage /> },
      { path: 'proposals/:id', element: <ProposalDetailPage /> },
      { path: 'proposals/:id/assign', element: <AssignPage /> },
      { path: 'assignments', element: <UnitWorkbenchPage /> },
      { path: 'assignments/:id', element: <AssignmentPage /> },
      { path: 'supervision', element: <SupervisionPage /> },
      { path: 'stats/proposals', element: <ProposalStatsPage /> },
      { path: 'key-proposals', element: <KeyProposalsPage /> },
      { path: 'excellent-proposals', element: <ExcellentProposalsPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

setAuthHandlers({
  unauthenticated: (error: ApiError) => {
    const { pathname, search } = window.location;
    if (pathname === '/login' || pathname.startsWith('/public/')) return;
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
