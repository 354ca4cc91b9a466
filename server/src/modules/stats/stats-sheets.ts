import type { Rate } from '@tongxin/common/stats/proposal-stats.ts';
import type { ProposalSummary } from './queries/proposal-stats.ts';

const pct = (r: Rate) => (r.percent === null ? '—' : `${r.percent}%`);

/** The statistics as the sheets of an Excel file, ready for the work report's tables. */
export function statsSheets(s: ProposalSummary) {
  return [
    {
      name: '总体情况',
      rows: [
        ['指标', '数值', '口径'],
        ['收到提案（件）', s.received.value, s.definitions.received],
        ['立案（件）', s.filed.value, s.definitions.filed],
        ['并案（件）', s.merged.value, ''],
        ['不予立案（件）', s.notFiled.value, ''],
        ['转办（件）', s.converted.value, ''],
        ['审查中（件）', s.inReview.value, ''],
        ['立案率', pct(s.filingRate), s.filingRate.definition],
        ['办复率', pct(s.replyRate), s.replyRate.definition],
        ['按期办复率', pct(s.onTimeReplyRate), s.onTimeReplyRate.definition],
        ['满意率（按提案）', pct(s.satisfactionPerProposal), s.satisfactionPerProposal.definition],
        ['满意率（按评价）', pct(s.satisfactionPerRating), s.satisfactionPerRating.definition],
        ['满意率（以立案数为分母）', pct(s.satisfactionOverFiled), s.satisfactionOverFiled.definition],
        ['未评价办结（件）', s.notRated.value, ''],
        ['重点提案（件）', s.key.value, ''],
      ] as (string | number)[][],
    },
    {
      name: '提案人类型',
      rows: [
        ['类型', '收到（件）', '立案（件）'],
        ['委员提案', s.memberProposals.value, s.memberProposals.filed.value],
        ['集体提案', s.collectiveProposals.value, s.collectiveProposals.filed.value],
        ...s.byProposerKind.map((k) => [k.label, k.value, k.filed.value]),
        [],
        ['集体提案单位', '收到（件）', '立案（件）'],
        ...s.collectiveByUnit.map((u) => [u.name, u.value, u.filed.value]),
      ],
    },
    {
      name: '类别',
      rows: [
        ['类别', '收到（件）', '立案（件）'],
        ...s.byCategory.map((c) => [c.label, c.value, c.filed.value]),
      ],
    },
    {
      name: '办理结果',
      rows: [['类别', '说明', '件数'], ...s.resultClasses.map((r) => [r.code, r.label, r.value])],
    },
    {
      name: '承办单位',
      rows: [
        ['承办单位', '交办（件）', '已答复', '按期答复', '满意率（按提案）'],
        ...s.units.map((u) => [
          u.name,
          u.assigned.value,
          u.replied.value,
          u.onTime.value,
          pct(u.satisfaction),
        ]),
      ],
    },
  ];
}
