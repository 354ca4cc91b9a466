import { Select, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useOrgOptions } from '../../org/api.ts';
import { type AssignmentListQuery, useAssignmentList } from '../assignments-api.ts';
import { AssignmentList } from '../components/assignment-list.tsx';
import '../proposals.css';

type Tab = 'todo' | 'receipt' | 'handling' | 'due_soon' | 'overdue' | 'replied' | 'all';

const tabQuery: Record<Tab, AssignmentListQuery> = {
  todo: { box: 'todo' },
  receipt: { box: 'all', state: 'pending_receipt' },
  handling: {
    box: 'all',
    state: 'handling,objected,reply_drafted,cosigning,leader_signoff,supervision_review,rehandling',
  },
  due_soon: { box: 'due_soon' },
  overdue: { box: 'overdue' },
  replied: { box: 'all', state: 'sent,opinion_sent' },
  all: { box: 'all' },
};

/**
 * 承办工作: a handler unit's tasks by what they need — 待办, 待签收, 办理中, 即将到期, 已逾期, 已答复. Overseers
 * (proposals office, supervision office, chair's council) see every unit's, with a unit filter.
 */
export default function UnitWorkbenchPage() {
  const t = useT();
  const { user } = useSession();
  const overseer = user.roles.some((r) =>
    ['proposal_staff', 'supervision_office', 'chair_council', 'sysadmin'].includes(r.role),
  );
  const options = useOrgOptions();
  const [params, setParams] = useSearchParams();
  const asked = (params.get('tab') ?? params.get('box')) as Tab | null;
  const tab: Tab = asked && asked in tabQuery ? asked : overseer ? 'all' : 'todo';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const handlerUnitId = params.get('handlerUnitId') ?? undefined;
  const list = useAssignmentList({ ...tabQuery[tab], handlerUnitId, page, pageSize });
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    next.delete('box');
    next.delete('page');
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  const tabs: Tab[] = overseer
    ? ['all', 'todo', 'receipt', 'handling', 'due_soon', 'overdue', 'replied']
    : ['todo', 'receipt', 'handling', 'due_soon', 'overdue', 'replied', 'all'];
  const unitName = user.roles.find(
    (r) => r.role === 'handler_clerk' || r.role === 'handler_leader',
  )?.scopeName;

  return (
    <>
      <PageHeader
        title={t('a.wb.title')}
        description={unitName ? t('a.wb.descUnit', { unit: unitName }) : t('a.wb.desc')}
      />
      {overseer && (
        <Select
          style={{ minWidth: 240, marginBottom: 8 }}
          value={handlerUnitId}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('a.f.unit')}
          aria-label={t('a.f.unit')}
          options={(options.data?.handlerUnits ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(v?: string) => set({ handlerUnitId: v })}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k })}
        items={tabs.map((k) => ({ key: k, label: t(`a.tab.${k}`) }))}
      />
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <AssignmentList
          data={list.data}
          loading={list.isFetching}
          showUnit={overseer}
          emptyText={t(`a.empty.${tab}`)}
          onPage={(p, size) => set({ page: String(p), pageSize: String(size) })}
        />
      )}
    </>
  );
}
