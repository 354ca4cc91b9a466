import { BulbOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Skeleton, Tooltip } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/index.tsx';
import { useUnitSuggestions } from '../../search/api.ts';
import type { Plan } from './plan-editor.tsx';
import { percent } from './similar-list.tsx';
import { ModeTag } from './tags.tsx';

/**
 * A unit accepted into a plan: the first unit handles alone; a second makes the first the lead and itself
 * co-handling; further units co-handle (or share a 分办 plan).
 */
export function addUnitToPlan(plan: Plan, unitId: string): Plan {
  if (plan.how === 'split') return { ...plan, split: [...new Set([...plan.split, unitId])] };
  if (!plan.main) return { ...plan, main: unitId };
  if (plan.main === unitId || plan.co.includes(unitId)) return plan;
  return { ...plan, how: 'lead', co: [...plan.co, unitId] };
}

/**
 * 承办单位建议 at assignment: the units that handled the most similar past proposals, ranked, each with the
 * proposals it handled. Staff accept one (it joins the plan) or ignore it; nothing is assigned from here.
 */
export function UnitSuggestions({
  proposalId,
  enabled,
  inPlan,
  onAccept,
}: {
  proposalId: string;
  enabled: boolean;
  inPlan: string[];
  onAccept: (unitId: string) => void;
}) {
  const t = useT();
  const suggestions = useUnitSuggestions(proposalId, enabled);
  const [ignored, setIgnored] = useState<string[]>([]);
  if (!enabled) return null;
  const items = (suggestions.data?.items ?? []).filter((u) => !ignored.includes(u.handlerUnitId));
  return (
    <Card
      size="small"
      title={
        <span>
          <BulbOutlined /> {t('sim.units.title')}
        </span>
      }
      style={{ marginBottom: 16, maxWidth: 720 }}
      className="unit-suggestions"
    >
      <p className="muted" style={{ marginTop: 0 }}>
        {t('sim.units.desc')}
      </p>
      {suggestions.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} title={false} />
      ) : suggestions.isError ? (
        <p>{suggestions.error.message}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('sim.units.none')}</p>
      ) : (
        <ul className="plain-list" aria-label={t('sim.units.title')}>
          {items.map((u) => {
            const taken = inPlan.includes(u.handlerUnitId);
            return (
              <li key={u.handlerUnitId}>
                <Flex justify="space-between" align="flex-start" gap={8} wrap>
                  <div style={{ minWidth: 0 }}>
                    <strong>{u.name}</strong>{' '}
                    <span className="muted">{t('sim.units.score', { score: u.score.toFixed(2) })}</span>
                    <div className="muted">{t('sim.units.evidence')}：</div>
                    <ul className="unit-evidence">
                      {u.evidence.map((e) => (
                        <li key={e.proposalId}>
                          <Link to={`/proposals/${e.proposalId}`}>{e.title}</Link> <ModeTag mode={e.mode} />{' '}
                          <Tooltip title={e.sessionName}>
                            <span className="muted">{t('sim.score', { pct: percent(e.score) })}</span>
                          </Tooltip>
                        </li>
                      ))}
                    </ul>
                  </div>
                  <Flex gap={6}>
                    <Button
                      type="primary"
                      size="small"
                      disabled={taken}
                      onClick={() => onAccept(u.handlerUnitId)}
                      aria-label={t('sim.units.acceptLabel', { name: u.name })}
                    >
                      {taken ? t('sim.units.inPlan') : t('sim.units.accept')}
                    </Button>
                    <Button size="small" onClick={() => setIgnored([...ignored, u.handlerUnitId])}>
                      {t('sim.units.ignore')}
                    </Button>
                  </Flex>
                </Flex>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
