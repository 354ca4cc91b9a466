import { inArray } from 'drizzle-orm';
import { proposalLabels, proposerKinds, satisfactionLevels } from '@tongxin/common/proposals/enums.ts';
import { type Figure, type Rate, statDefinitions } from '@tongxin/common/stats/proposal-stats.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { handlerUnits, participatingUnits } from '../../org/schema.ts';
import { loadRules } from '../../proposals/settings/load-rules.ts';
import type { ProposalFacts } from './proposal-facts.ts';

type Predicate = (f: ProposalFacts) => boolean;
const memberKinds = ['member_individual', 'member_joint'];
const good = (r: string | null) => r === 'satisfied' || r === 'basically_satisfied';

const simple: Record<string, Predicate> = {
  received: () => true,
  filed: (f) => f.isFiled,
  merged: (f) => f.state === 'merged',
  not_filed: (f) => f.state === 'not_filed',
  converted: (f) => f.state === 'converted',
  in_review: (f) => ['submitted', 'under_review', 'returned_for_revision'].includes(f.state),
  replied: (f) => f.isFiled && f.replied,
  not_replied: (f) => f.isFiled && !f.replied,
  on_time: (f) => f.isFiled && f.onTime,
  evaluated: (f) => f.decisive !== null,
  satisfied: (f) => good(f.decisive),
  dissatisfied: (f) => f.decisive === 'dissatisfied',
  not_rated: (f) => f.notRated,
  key: (f) => f.isKey,
  member: (f) => memberKinds.includes(f.proposerKind),
  collective: (f) => !memberKinds.includes(f.proposerKind),
};

/**
 * The proposals behind a figure. Metric names: the keys above, `kind:<proposerKind>`, `category:<c>`,
 * `result:<class>`, `party:<participatingUnitId>`, `unit:<handlerUnitId>:<assigned|replied|on_time|satisfied>`.
 */
export function predicateFor(metric: string): Predicate {
  // `a+b` = both: e.g. `filed+kind:party`, the party proposals among the filed ones.
  if (metric.includes('+')) {
    const parts = metric.split('+').map(predicateFor);
    return (f) => parts.every((p) => p(f));
  }
  if (simple[metric]) return simple[metric];
  const [kind, a, b] = metric.split(':');
  if (kind === 'kind' && a) return (f) => f.proposerKind === a;
  if (kind === 'decisive' && a) return (f) => f.decisive === a;
  if (kind === 'category' && a) return (f) => f.category === a;
  if (kind === 'result' && a) return (f) => f.resultClasses.includes(a);
  if (kind === 'party' && a) return (f) => f.leadUnitId === a;
  if (kind === 'unit' && a) {
    const has = (f: ProposalFacts) => f.units.find((u) => u.handlerUnitId === a);
    if (b === 'assigned') return (f) => Boolean(has(f));
    if (b === 'replied') return (f) => Boolean(has(f)?.replied);
    if (b === 'on_time') return (f) => Boolean(has(f)?.onTime);
    if (b === 'satisfied') return (f) => Boolean(has(f)) && good(f.decisive);
    if (b === 'evaluated') return (f) => Boolean(has(f)) && f.decisive !== null;
  }
  throw new AppError('VALIDATION_FAILED', [{ path: 'metric', message: `未知的统计指标：${metric}` }]);
}

const fig = (facts: ProposalFacts[], metric: string): Figure => ({
  value: facts.filter(predicateFor(metric)).length,
  metric,
});
function rate(
  numerator: number,
  denominator: number,
  definition: string,
  metric: string,
  denominatorMetric: string,
): Rate {
  return {
    numerator,
    denominator,
    percent: denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10,
    definition,
    metric,
    denominatorMetric,
  };
}

/** A breakdown figure counted over received proposals, with the same count over filed ones beside it. */
const split = (facts: ProposalFacts[], metric: string) => ({
  ...fig(facts, metric),
  filed: fig(facts, `filed+${metric}`),
});

/** The proposal figures of a work report, each with its definition and the metric to drill into. */
export async function summarizeProposals(db: Db, actor: Actor, facts: ProposalFacts[]) {
  const rules = await loadRules(db, actor.committeeId);
  const count = (metric: string) => facts.filter(predicateFor(metric)).length;
  const filed = count('filed');
  const partyIds = [...new Set(facts.filter((f) => f.leadUnitId).map((f) => f.leadUnitId as string))];
  const unitIds = [...new Set(facts.flatMap((f) => f.units.map((u) => u.handlerUnitId)))];
  const [parties, units] = await Promise.all([
    partyIds.length
      ? db
          .select({ id: participatingUnits.id, name: participatingUnits.name, kind: participatingUnits.kind })
          .from(participatingUnits)
          .where(inArray(participatingUnits.id, partyIds))
      : [],
    unitIds.length
      ? db
          .select({ id: handlerUnits.id, name: handlerUnits.name })
          .from(handlerUnits)
          .where(inArray(handlerUnits.id, unitIds))
      : [],
  ]);
  const ratings = facts.flatMap((f) => f.ratings);
  const evaluated = count('evaluated');
  return {
    received: fig(facts, 'received'),
    filed: fig(facts, 'filed'),
    merged: fig(facts, 'merged'),
    notFiled: fig(facts, 'not_filed'),
    converted: fig(facts, 'converted'),
    inReview: fig(facts, 'in_review'),
    key: fig(facts, 'key'),
    notRated: fig(facts, 'not_rated'),
    // Shares (委员提案 / 集体提案, kinds, parties, spheres) over received, each with its count over filed.
    memberProposals: split(facts, 'member'),
    collectiveProposals: split(facts, 'collective'),
    byProposerKind: proposerKinds.map((k) => ({
      kind: k,
      label: proposalLabels.proposerKind[k],
      ...split(facts, `kind:${k}`),
    })),
    collectiveByUnit: parties
      .map((p) => ({ unitId: p.id, name: p.name, unitKind: p.kind, ...split(facts, `party:${p.id}`) }))
      .sort((a, b) => b.value - a.value),
    byCategory: Object.entries(proposalLabels.category).map(([c, label]) => ({
      category: c,
      label,
      ...split(facts, `category:${c}`),
    })),
    filingRate: rate(filed, count('received'), statDefinitions.filingRate, 'filed', 'received'),
    replyRate: rate(count('replied'), filed, statDefinitions.replyRate, 'replied', 'filed'),
    onTimeReplyRate: rate(count('on_time'), filed, statDefinitions.onTimeReplyRate, 'on_time', 'filed'),
    resultClasses: rules.resultClasses.map((r) => ({
      code: r.code,
      label: r.label,
      ...fig(facts, `result:${r.code}`),
    })),
    satisfactionPerProposal: rate(
      count('satisfied'),
      evaluated,
      statDefinitions.satisfactionPerProposal,
      'satisfied',
      'evaluated',
    ),
    satisfactionPerRating: rate(
      ratings.filter(good).length,
      ratings.length,
      statDefinitions.satisfactionPerRating,
      'satisfied',
      'evaluated',
    ),
    satisfactionOverFiled: rate(
      count('satisfied'),
      filed,
      statDefinitions.satisfactionOverFiled,
      'satisfied',
      'filed',
    ),
    /** Ratings counted per rating; `proposals` = the proposals whose deciding rating has that level. */
    ratings: satisfactionLevels.map((level) => ({
      level,
      label: proposalLabels.satisfaction[level],
      ratings: ratings.filter((r) => r === level).length,
      proposals: fig(facts, `decisive:${level}`),
    })),
    units: units
      .map((u) => {
        const mine = facts.filter((f) => f.units.some((x) => x.handlerUnitId === u.id));
        return {
          handlerUnitId: u.id,
          name: u.name,
          assigned: fig(facts, `unit:${u.id}:assigned`),
          replied: fig(facts, `unit:${u.id}:replied`),
          onTime: fig(facts, `unit:${u.id}:on_time`),
          satisfaction: rate(
            mine.filter((f) => good(f.decisive)).length,
            mine.filter((f) => f.decisive !== null).length,
            statDefinitions.satisfactionPerProposal,
            `unit:${u.id}:satisfied`,
            `unit:${u.id}:evaluated`,
          ),
        };
      })
      .sort((a, b) => b.assigned.value - a.assigned.value),
    definitions: statDefinitions,
  };
}
export type ProposalSummary = Awaited<ReturnType<typeof summarizeProposals>>;
