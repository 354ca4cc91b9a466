import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { type AssignmentListQuery, useAssignmentList } from '../assignments-api.ts';
import { AssignmentList } from '../components/assignment-list.tsx';
import '../proposals.css';

type Tab = 'replies' | 'objections' | 'extensions';

/** The overseers' to-do list: its own states for replies and objections; an open extension request otherwise. */
const tabQuery: Record<Tab, AssignmentListQuery> = {
  replies: { box: 'all', state: 'supervision_review' },
  objections: { box: 'all', state: 'objected' },
  // An overseer's 待办 holds a task in these states only because an extension request waits for a decision.
  extensions: {
    box: 'todo',
    state: 'pending_receipt,handling,reply_drafted,rehandling,cosigning,leader_signoff',
  },
};

/** 办理审核: replies waiting for the supervision office, objections to assignments, extension requests. */
export default function SupervisionPage() {
  const t = useT();
  const { user } = useSession();
  const office = user.roles.some((r) => r.role === 'supervision_office');
  const staff = user.roles.some((r) => r.role === 'proposal_staff');
  const [params, setParams] = useSearchParams();
  const tabs: Tab[] = office ? ['replies', 'objections', 'extensions'] : ['objections', 'extensions'];
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && tabs.includes(asked) ? asked : tabs[0]!;
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useAssignmentList({ ...tabQuery[tab], page, pageSize: 50 }, office || staff);
  if (!office && !staff) return <ForbiddenState />;
  return (
    <>
      <PageHeader title={t('a.sv.title')} description={t('a.sv.desc')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={tabs.map((k) => ({ key: k, label: t(`a.sv.${k}`) }))}
      />
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <AssignmentList
          data={list.data}
          loading={list.isFetching}
          showUnit
          emptyText={t(`a.sv.empty.${tab}`)}
          onPage={(p) => setParams({ tab, page: String(p) }, { replace: true })}
        />
      )}
    </>
  );
}
