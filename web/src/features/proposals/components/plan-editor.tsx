import { Flex, Radio } from 'antd';
import { useT, type TFunction } from '../../../i18n/index.tsx';
import type { ProposalDetail, UnitChoice } from '../api.ts';
import { UnitSelect } from './unit-select.tsx';

/** How a proposal is handed out: one unit alone, a lead unit with co-handling units, or split between units. */
export interface Plan {
  how: 'sole' | 'lead' | 'split';
  main: string | null;
  co: string[];
  split: string[];
}

export const emptyPlan: Plan = { how: 'sole', main: null, co: [], split: [] };

export function toUnits(plan: Plan): UnitChoice[] {
  if (plan.how === 'sole') return plan.main ? [{ handlerUnitId: plan.main, mode: 'sole' }] : [];
  if (plan.how === 'split') return plan.split.map((id) => ({ handlerUnitId: id, mode: 'split' as const }));
  return [
    ...(plan.main ? [{ handlerUnitId: plan.main, mode: 'lead' as const }] : []),
    ...plan.co.map((id) => ({ handlerUnitId: id, mode: 'co' as const })),
  ];
}

/** A plan from suggested units: one → 独办; several → the first leads, the others co-handle. */
export function planFromUnits(ids: string[]): Plan {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return emptyPlan;
  if (unique.length === 1) return { ...emptyPlan, how: 'sole', main: unique[0]! };
  return { how: 'lead', main: unique[0]!, co: unique.slice(1), split: [] };
}

/** Units the reviewers suggested (the latest review that named any), else the proposer's. */
export function suggestedUnitIds(p: ProposalDetail): string[] {
  const review = [...p.reviews].reverse().find((r) => (r.suggestedHandlerUnitIds?.length ?? 0) > 0);
  return review?.suggestedHandlerUnitIds ?? p.suggestedHandlerUnits.map((u) => u.id);
}

/**
 * The same rules the server applies: 独办 is one unit; 主办 needs at least one 会办 unit; 分办 needs at least
 * two units; no unit twice. Returns the problem in words, or null.
 */
export function checkPlan(plan: Plan, t: TFunction): string | null {
  if (plan.how === 'sole') return plan.main ? null : t('p.plan.needSole');
  if (plan.how === 'lead') {
    if (!plan.main) return t('p.plan.needLead');
    if (plan.co.length === 0) return t('p.plan.needCo');
    if (plan.co.includes(plan.main)) return t('p.plan.duplicate');
    return null;
  }
  if (plan.split.length < 2) return t('p.plan.needSplit');
  return null;
}

interface Props {
  value: Plan;
  onChange: (plan: Plan) => void;
  error?: string | null;
  /** A short label prefix for the controls (the row's proposal), so screen readers tell rows apart. */
  labelPrefix?: string;
}

export function PlanEditor({ value, onChange, error, labelPrefix = '' }: Props) {
  const t = useT();
  const set = (patch: Partial<Plan>) => onChange({ ...value, ...patch });
  const status = error ? ('error' as const) : undefined;
  return (
    <Flex vertical gap={8} className="plan-editor">
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={value.how}
        aria-label={`${labelPrefix}${t('p.plan.how')}`}
        onChange={(e) => {
          const how = e.target.value as Plan['how'];
          const all = [value.main, ...value.co, ...value.split].filter((x): x is string => Boolean(x));
          if (how === 'split') set({ how, split: [...new Set(all)] });
          else if (how === 'sole') set({ how, main: all[0] ?? null });
          else set({ how, main: all[0] ?? null, co: [...new Set(all.slice(1))] });
        }}
        options={[
          { value: 'sole', label: t('p.plan.sole') },
          { value: 'lead', label: t('p.plan.lead') },
          { value: 'split', label: t('p.plan.split') },
        ]}
      />
      {value.how === 'sole' && (
        <UnitSelect
          value={value.main}
          onChange={(v: string | null) => set({ main: v })}
          aria-label={`${labelPrefix}${t('p.plan.soleUnit')}`}
          placeholder={t('p.plan.soleUnit')}
          status={status}
        />
      )}
      {value.how === 'lead' && (
        <>
          <UnitSelect
            value={value.main}
            onChange={(v: string | null) => set({ main: v })}
            exclude={value.co}
            aria-label={`${labelPrefix}${t('p.plan.leadUnit')}`}
            placeholder={t('p.plan.leadUnit')}
            status={status}
          />
          <UnitSelect
            multiple
            value={value.co}
            onChange={(v: string[]) => set({ co: v })}
            exclude={value.main ? [value.main] : []}
            aria-label={`${labelPrefix}${t('p.plan.coUnits')}`}
            placeholder={t('p.plan.coUnits')}
            status={status}
          />
        </>
      )}
      {value.how === 'split' && (
        <UnitSelect
          multiple
          value={value.split}
          onChange={(v: string[]) => set({ split: v })}
          aria-label={`${labelPrefix}${t('p.plan.splitUnits')}`}
          placeholder={t('p.plan.splitUnits')}
          status={status}
        />
      )}
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </Flex>
  );
}
