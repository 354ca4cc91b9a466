import { SwapOutlined } from '@ant-design/icons';
import { durationLabels } from '@tongxin/common/proposals/rules.ts';
import { Alert, App, Button, Card, Descriptions, Flex } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState, PageLoading } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { useOrgOptions } from '../../org/api.ts';
import {
  assignProposal,
  type ProposalDetail,
  type UnitChoice,
  useProposal,
  useProposalRules,
} from '../api.ts';
import { LinkButton } from '../components/link-button.tsx';
import {
  checkPlan,
  type Plan,
  PlanEditor,
  planFromUnits,
  suggestedUnitIds,
  toUnits,
} from '../components/plan-editor.tsx';
import { AssignmentStateTag, ModeTag } from '../components/tags.tsx';
import { UnitSelect } from '../components/unit-select.tsx';
import { addUnitToPlan, UnitSuggestions } from '../components/unit-suggestions.tsx';
import { proposalNumber } from '../labels.ts';
import '../proposals.css';
import { useAction } from '../use-action.ts';

/** 交办 one proposal: which units handle it and how, checked as the server checks it. */
export default function AssignPage() {
  const { id } = useParams();
  const proposal = useProposal(id);
  if (proposal.isPending) return <PageLoading />;
  if (proposal.isError) return <ErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />;
  return <Assign key={proposal.data.version} p={proposal.data} />;
}

function Assign({ p }: { p: ProposalDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { run, busy } = useAction();
  const options = useOrgOptions();
  const rules = useProposalRules();
  const active = (p.assignments ?? []).filter((a) => a.state !== 'reassigned');
  // A proposal already in hand only gains units: 会办 beside its 主办, or another 分办 unit.
  const existing: UnitChoice[] = active.map((a) => ({
    handlerUnitId: a.handlerUnit?.id ?? a.handlerUnitId ?? '',
    mode: a.mode,
  }));
  const addMode: 'co' | 'split' | null = existing.length
    ? existing.some((u) => u.mode === 'lead')
      ? 'co'
      : existing.every((u) => u.mode === 'split')
        ? 'split'
        : null
    : null;
  const [plan, setPlan] = useState<Plan>(() => planFromUnits(suggestedUnitIds(p)));
  const [added, setAdded] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const problem = existing.length
    ? addMode === null
      ? t('p.assign.soleFixed')
      : added.length === 0
        ? t('p.assign.needAdded')
        : null
    : checkPlan(plan, t);
  const unitName = useMemo(() => {
    const map = new Map((options.data?.handlerUnits ?? []).map((u) => [u.id, u.name]));
    return (uid: string) => map.get(uid) ?? uid;
  }, [options.data]);
  const period = p.timing === 'recess' ? 'handlingPeriodRecess' : 'handlingPeriodPlenary';
  const d = rules.data?.durations[period];

  const submit = async () => {
    setTried(true);
    if (problem) return;
    const units: UnitChoice[] = existing.length
      ? added.map((id) => ({ handlerUnitId: id, mode: addMode ?? 'co' }))
      : toUnits(plan);
    const ok = await modal.confirm({
      title: t('p.assign.confirm'),
      content: (
        <ul style={{ paddingInlineStart: 18 }}>
          {units.map((u) => (
            <li key={u.handlerUnitId}>
              {unitName(u.handlerUnitId)}（{t(`p.mode.${u.mode}`)}）
            </li>
          ))}
        </ul>
      ),
      okText: t('p.action.assign'),
      cancelText: t('common.cancel'),
    });
    if (!ok) return;
    await run('assign', () => assignProposal(p.id, units, p.version), {
      success: t('p.assign.done'),
      onDone: () => navigate(`/proposals/${p.id}`),
    });
  };

  return (
    <>
      <PageHeader title={t('p.assign.title')} description={t('p.assign.desc')} />
      {!p.abilities.assign && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('p.assign.notAllowed')} />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'no', label: t('p.f.number'), children: proposalNumber(p, t) },
            { key: 'title', label: t('p.f.title'), children: p.title },
            { key: 'proposer', label: t('p.f.proposer'), children: p.proposerName },
            {
              key: 'timing',
              label: t('p.f.timing'),
              children: p.timing ? t(`p.timing.${p.timing}`) : '—',
            },
            {
              key: 'byProposer',
              label: t('p.assign.byProposer'),
              children: p.suggestedHandlerUnits.map((u) => u.name).join('、') || '—',
            },
            {
              key: 'byReview',
              label: t('p.assign.byReview'),
              children: suggestedUnitIds(p).map(unitName).join('、') || '—',
            },
            ...(d
              ? [
                  {
                    key: 'period',
                    label: durationLabels[period],
                    children: `${d.amount} ${t(`calendar.due.unit.${d.unit}`)}${t('p.assign.fromReceipt')}`,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {active.length > 0 && (
        <Card size="small" title={t('p.assign.current')} style={{ marginBottom: 16 }}>
          <ul className="plain-list">
            {active.map((a) => (
              <li key={a.id}>
                <Flex gap={6} wrap align="center">
                  <strong>{a.handlerUnit?.name ?? a.handlerUnitName}</strong>
                  <ModeTag mode={a.mode} />
                  <AssignmentStateTag state={a.state} />
                </Flex>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <UnitSuggestions
        proposalId={p.id}
        enabled={p.abilities.assign === true && (existing.length === 0 || addMode !== null)}
        inPlan={
          existing.length
            ? [...existing.map((u) => u.handlerUnitId), ...added]
            : toUnits(plan).map((u) => u.handlerUnitId)
        }
        onAccept={(unitId) =>
          existing.length ? setAdded([...new Set([...added, unitId])]) : setPlan(addUnitToPlan(plan, unitId))
        }
      />
      {existing.length === 0 ? (
        <Card size="small" title={t('p.assign.plan')} style={{ marginBottom: 16, maxWidth: 720 }}>
          <p className="muted" style={{ marginTop: 0 }}>
            {t('p.assign.rules')}
          </p>
          <PlanEditor value={plan} onChange={setPlan} error={tried ? problem : null} />
        </Card>
      ) : (
        <Card size="small" title={t('p.assign.add')} style={{ marginBottom: 16, maxWidth: 720 }}>
          {addMode === null ? (
            <Alert type="info" showIcon title={t('p.assign.soleFixed')} />
          ) : (
            <>
              <p className="muted" style={{ marginTop: 0 }}>
                {t(addMode === 'co' ? 'p.assign.addCo' : 'p.assign.addSplit')}
              </p>
              <UnitSelect
                multiple
                value={added}
                onChange={(v: string[]) => setAdded(v)}
                exclude={existing.map((u) => u.handlerUnitId)}
                aria-label={t('p.assign.add')}
                status={tried && problem ? 'error' : undefined}
              />
              {tried && problem && (
                <div className="field-error" role="alert">
                  {problem}
                </div>
              )}
            </>
          )}
        </Card>
      )}
      <Flex gap={8} wrap>
        <Button
          type="primary"
          size="large"
          icon={<SwapOutlined />}
          disabled={!p.abilities.assign}
          loading={busy === 'assign'}
          onClick={() => void submit()}
        >
          {t('p.action.assign')}
        </Button>
        <LinkButton to={`/proposals/${p.id}`} size="large">
          {t('common.cancel')}
        </LinkButton>
      </Flex>
    </>
  );
}
