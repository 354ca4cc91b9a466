import { and, desc, ne } from 'drizzle-orm';
import { proposalLabels } from '@tongxin/common/proposals/enums.ts';
import type { ProposalListQuery } from '@tongxin/common/proposals/schemas.ts';
import { type Actor, hasRole } from '../../../platform/authz/actor.ts';
import { overseerRoles } from '../assignments.policy.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { writeSheet } from '../../../platform/excel/workbook.ts';
import { handlerUnits } from '../../org/schema.ts';
import { presentProposals } from '../proposals.presenter.ts';
import { assignments, proposalConsultations, proposals } from '../schema.ts';
import { proposalFilters } from './list-proposals.ts';
import { eq } from 'drizzle-orm';
import { inIds } from '../../../platform/db/id-list.ts';

const exportLimit = 50_000;

const closeReasonLabels: Record<string, string> = {
  rated: '评价后办结',
  not_rated: '评价期满未评价',
  consulted: '协商办结',
  withdrawn: '撤回',
};

/** Any proposal list, with the same filters and scope as on screen, as an .xlsx. */
export async function exportProposals(db: Db, actor: Actor, q: ProposalListQuery): Promise<Buffer> {
  const rows = await db
    .select()
    .from(proposals)
    .where(proposalFilters(actor, q))
    .orderBy(desc(proposals.number), desc(proposals.submittedAt))
    .limit(exportLimit);
  const views = await presentProposals(db, actor, rows);
  const ids = rows.map((r) => r.id);
  const units = ids.length
    ? await db
        .select({ proposalId: assignments.proposalId, mode: assignments.mode, name: handlerUnits.name })
        .from(assignments)
        .innerJoin(handlerUnits, eq(handlerUnits.id, assignments.handlerUnitId))
        .where(and(inIds(assignments.proposalId, ids), ne(assignments.state, 'reassigned')))
    : [];
  // The consultation is for those involved (as on the detail page): in an export, the overseers'.
  const consultations =
    ids.length && hasRole(actor, ...overseerRoles)
      ? await db.select().from(proposalConsultations).where(inIds(proposalConsultations.proposalId, ids))
      : [];
  const consultationOf = (id: string) => consultations.find((c) => c.proposalId === id);
  const L = proposalLabels;
  return writeSheet(
    '提案',
    [
      { header: '编号', width: 24, value: (v) => v.numberLabel ?? '' },
      { header: '收文号', value: (v) => v.intakeNo ?? '' },
      { header: '案由', width: 40, value: (v) => v.title },
      { header: '提案人', width: 16, value: (v) => v.proposerName },
      {
        header: '联名人',
        width: 24,
        value: (v) =>
          v.signers
            .filter((s) => s.role === 'cosigner' && s.status === 'confirmed')
            .map((s) => s.name)
            .join('、'),
      },
      { header: '提案类型', width: 14, value: (v) => L.proposerKind[v.proposerKind] },
      { header: '类别', value: (v) => (v.category ? L.category[v.category] : '') },
      { header: '大会/平时', value: (v) => (v.timing ? L.timing[v.timing] : '') },
      { header: '状态', width: 12, value: (v) => L.state[v.state] },
      { header: '重点提案', value: (v) => (v.isKey ? '是' : '') },
      {
        header: '承办单位',
        width: 36,
        value: (v) =>
          units
            .filter((u) => u.proposalId === v.id)
            .map((u) => `${u.name}（${L.mode[u.mode]}）`)
            .join('、'),
      },
      { header: '提交时间', width: 20, value: (v) => v.submittedAt ?? '' },
      { header: '立案时间', width: 20, value: (v) => v.filedAt ?? '' },
      { header: '办结时间', width: 20, value: (v) => v.closedAt ?? '' },
      {
        header: '办结方式',
        width: 14,
        value: (v) => (v.closeReason ? closeReasonLabels[v.closeReason] : ''),
      },
      {
        // 协商办结: the consultation that closed it.
        header: '协商沟通情况',
        width: 48,
        value: (v) => {
          const c = consultationOf(v.id);
          return c
            ? `${c.heldOn} ${L.consultationForm[c.form]}；参加人员：${c.participants}；协商结果：${c.outcome}`
            : '';
        },
      },
    ],
    views,
  );
}
