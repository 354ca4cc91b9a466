import { SwapOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Grid, Select, Skeleton, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, ForbiddenState } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { useOrgOptions } from '../../org/api.ts';
import {
  assignBulk,
  fetchProposal,
  newIdempotencyKey,
  type ProposalDetail,
  type ProposalItem,
  proposalsKey,
  useInvalidateProposals,
  useProposalList,
} from '../api.ts';
import {
  checkPlan,
  type Plan,
  PlanEditor,
  planFromUnits,
  suggestedUnitIds,
  toUnits,
} from '../components/plan-editor.tsx';
import { KeyTag } from '../components/tags.tsx';
import { proposalNumber } from '../labels.ts';
import '../proposals.css';

interface Row {
  include: boolean;
  plan: Plan;
  error: string | null;
}

/**
 * 交办会: every filed proposal not yet handed out, one row each with its units prefilled from the reviewers'
 * suggestions; everything is sent at once and each row shows its own problem if it has one.
 */
export default function BulkAssignPage() {
  const t = useT();
  const allowed = useAbility('proposals.review');
  const phone = Grid.useBreakpoint().md === false;
  const { message } = App.useApp();
  const reportError = useReportError();
  const invalidate = useInvalidateProposals();
  const options = useOrgOptions();
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('sessionId') ?? undefined;
  const list = useProposalList({ box: 'all', state: 'filed', sessionId, pageSize: 200 }, allowed);
  const items = list.data?.items ?? [];
  // The list has no suggestions: each row's detail (cached, shared with the detail page) brings them.
  const details = useQueries({
    queries: items.map((p) => ({
      queryKey: [...proposalsKey, 'detail', p.id],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchProposal(p.id, signal),
      staleTime: 60_000,
    })),
    combine: (results) => results.map((r) => r.data).filter((d): d is ProposalDetail => Boolean(d)),
  });
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);

  // Prefill each row once its detail (with the suggestions) arrives.
  useEffect(() => {
    setRows((prev) => {
      const fresh = details.filter((p) => !prev[p.id]);
      if (fresh.length === 0) return prev;
      const next = { ...prev };
      for (const p of fresh) {
        const plan = planFromUnits(suggestedUnitIds(p));
        next[p.id] = { include: toUnits(plan).length > 0, plan, error: null };
      }
      return next;
    });
  }, [details]);

  const unitName = useMemo(() => {
    const map = new Map((options.data?.handlerUnits ?? []).map((u) => [u.id, u.name]));
    return (id: string) => map.get(id) ?? '';
  }, [options.data]);

  const update = (id: string, patch: Partial<Row>) =>
    setRows((prev) => ({
      ...prev,
      [id]: { ...(prev[id] ?? { include: false, plan: planFromUnits([]), error: null }), ...patch },
    }));

  const chosen = items.filter((p) => rows[p.id]?.include);

  const submit = async () => {
    setSummary(null);
    let bad = 0;
    const checked: Record<string, Row> = { ...rows };
    for (const p of chosen) {
      const row = checked[p.id]!;
      const problem = checkPlan(row.plan, t);
      checked[p.id] = { ...row, error: problem };
      if (problem) bad++;
    }
    setRows(checked);
    if (bad > 0) {
      message.error(t('p.bulk.fixRows', { n: bad }));
      return;
    }
    if (chosen.length === 0) {
      message.warning(t('p.bulk.noneChosen'));
      return;
    }
    setBusy(true);
    try {
      const result = await assignBulk(
        chosen.map((p) => ({ proposalId: p.id, units: toUnits(checked[p.id]!.plan) })),
        newIdempotencyKey(),
      );
      const failed = (result.results ?? []).filter((r) => !r.ok);
      if (failed.length > 0) {
        setRows((prev) => {
          const next = { ...prev };
          for (const f of failed) {
            if (next[f.proposalId])
              next[f.proposalId] = { ...next[f.proposalId]!, error: f.error?.message ?? '' };
          }
          return next;
        });
        setSummary(t('p.bulk.partial', { ok: chosen.length - failed.length, failed: failed.length }));
      } else {
        message.success(t('p.bulk.done', { n: chosen.length }));
      }
      await invalidate();
    } catch (err) {
      if (err instanceof ApiError && err.fieldIssues.length > 0) {
        // Problems come back per row: `items.3.units…` is the fourth chosen proposal.
        setRows((prev) => {
          const next = { ...prev };
          for (const issue of err.fieldIssues) {
            const m = /^items\.(\d+)/.exec(issue.path);
            const p = m ? chosen[Number(m[1])] : undefined;
            if (p && next[p.id]) next[p.id] = { ...next[p.id]!, error: issue.message };
          }
          return next;
        });
      }
      reportError(err);
    } finally {
      setBusy(false);
    }
  };

  if (!allowed) return <ForbiddenState />;

  const titleCell = (p: ProposalItem) => (
    <Flex vertical gap={2}>
      <span className="muted">{proposalNumber(p, t)}</span>
      <Link to={`/proposals/${p.id}`} className="proposal-title-link">
        {p.title}
      </Link>
      <span className="muted">
        {p.proposerName}
        {p.isKey && (
          <>
            {' '}
            <KeyTag />
          </>
        )}
      </span>
    </Flex>
  );
  const planCell = (p: ProposalItem) => {
    const row = rows[p.id];
    if (!row) return <Skeleton.Input active size="small" />;
    return (
      <PlanEditor
        value={row.plan}
        onChange={(plan) => update(p.id, { plan, include: true, error: null })}
        error={row.error}
        labelPrefix={`${proposalNumber(p, t)} `}
      />
    );
  };
  const includeCell = (p: ProposalItem) => (
    <Checkbox
      checked={rows[p.id]?.include ?? false}
      onChange={(e) => update(p.id, { include: e.target.checked })}
      aria-label={t('p.bulk.include', { title: p.title })}
    />
  );
  const suggestionCell = (p: ProposalItem) => {
    const d = details.find((x) => x.id === p.id);
    if (!d) return null;
    const ids = suggestedUnitIds(d);
    return ids.length ? (
      ids.map(unitName).join('、')
    ) : (
      <span className="muted">{t('p.bulk.noSuggestion')}</span>
    );
  };

  return (
    <>
      <PageHeader
        title={t('p.bulk.title')}
        description={t('p.bulk.desc')}
        extra={
          <Button
            type="primary"
            size="large"
            icon={<SwapOutlined />}
            loading={busy}
            onClick={() => void submit()}
          >
            {t('p.bulk.submit', { n: chosen.length })}
          </Button>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 200 }}
          value={sessionId}
          allowClear
          placeholder={t('p.f.session')}
          aria-label={t('p.f.session')}
          options={(options.data?.sessions ?? []).map((s) => ({ value: s.id, label: s.name }))}
          onChange={(v?: string) => setParams(v ? { sessionId: v } : {}, { replace: true })}
        />
        <span className="muted" style={{ alignSelf: 'center' }}>
          {t('p.bulk.count', { total: list.data?.total ?? 0, chosen: chosen.length })}
        </span>
      </Flex>
      {summary && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={summary} />}
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : phone ? (
        items.length === 0 ? (
          <Empty description={t('p.bulk.empty')} />
        ) : (
          <ul className="card-list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((p) => (
              <li key={p.id}>
                <Card size="small">
                  <Flex gap={8} align="flex-start">
                    {includeCell(p)}
                    <div style={{ flex: 1, minWidth: 0 }}>{titleCell(p)}</div>
                  </Flex>
                  <div className="muted" style={{ margin: '6px 0' }}>
                    {t('p.bulk.suggested')}：{suggestionCell(p)}
                  </div>
                  {planCell(p)}
                </Card>
              </li>
            ))}
          </ul>
        )
      ) : (
        <Table<ProposalItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t('p.bulk.empty')} /> }}
          rowClassName={(p) => (rows[p.id]?.error ? 'row-error' : '')}
          columns={[
            { key: 'include', title: t('p.bulk.includeHead'), width: 70, render: (_, p) => includeCell(p) },
            { key: 'title', title: t('p.f.title'), render: (_, p) => titleCell(p) },
            {
              key: 'suggested',
              title: t('p.bulk.suggested'),
              width: 220,
              render: (_, p) => suggestionCell(p),
            },
            { key: 'plan', title: t('p.bulk.plan'), width: 420, render: (_, p) => planCell(p) },
          ]}
        />
      )}
    </>
  );
}
