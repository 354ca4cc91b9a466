import { eq, sql } from 'drizzle-orm';
import { enumLabels } from '@tongxin/common/org/enums.ts';
import {
  directoryListQuery,
  participatingUnitInput,
  participatingUnitUpdate,
  sectorInput,
  sectorUpdate,
  sessionInput,
  sessionUpdate,
  specialCommitteeInput,
  specialCommitteeUpdate,
  supervisionOfficeInput,
  supervisionOfficeUpdate,
  termInput,
  termUpdate,
} from '@tongxin/common/org/schemas.ts';
import { hasRole, scopeIds } from '../../../platform/authz/actor.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { orgRowAbilities } from '../org.policy.ts';
import {
  members,
  participatingUnits,
  plenarySessions,
  sectorConveners,
  sectors,
  specialCommittees,
  supervisionOffices,
  terms,
} from '../schema.ts';
import { baseView, iso, linksOf, namesOf, termNosOf, yesNo } from './present-helpers.ts';
import type { LinkSpec, OrgResource, Row } from './types.ts';

const labelOf = (dict: Record<string, string>, v: unknown) => (v ? (dict[String(v)] ?? '') : '');
const cn = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 14 → 十四, 4 → 四: how terms and sessions are named ("十四届四次会议"). */
export function chineseNumber(n: number): string {
  if (n < 10) return cn[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? cn[n % 10] : ''}`;
  if (n < 100) return `${cn[Math.floor(n / 10)]}十${n % 10 ? cn[n % 10] : ''}`;
  return String(n);
}

export const termResource: OrgResource = {
  key: 'terms',
  targetType: 'term',
  label: '届次',
  table: terms,
  createInput: termInput,
  updateInput: termUpdate,
  listQuery: directoryListQuery,
  refs: [],
  links: [],
  filters: () => [],
  searchColumns: [],
  orderBy: [sql`${terms.termNo} desc`],
  async present(_db, actor, rows) {
    const abilities = orgRowAbilities(actor, 'terms');
    return rows.map((r) => ({
      ...baseView(r),
      termNo: r.termNo,
      name: `第${chineseNumber(r.termNo as number)}届`,
      startDate: r.startDate,
      endDate: r.endDate,
      abilities,
    }));
  },
  describe: (r) => `第${chineseNumber(r.termNo as number)}届`,
  exportColumns: [
    { header: '届次', value: (v) => v.name as string },
    { header: '开始日期', value: (v) => v.startDate as string },
    { header: '结束日期', value: (v) => v.endDate as string },
  ],
};

export function sessionName(termNo: number, sessionNo: number): string {
  return `${chineseNumber(termNo)}届${chineseNumber(sessionNo)}次会议`;
}

export const sessionResource: OrgResource = {
  key: 'sessions',
  targetType: 'plenary_session',
  label: '会议',
  table: plenarySessions,
  createInput: sessionInput,
  updateInput: sessionUpdate,
  listQuery: directoryListQuery,
  refs: [{ field: 'termId', table: terms, label: '届次' }],
  links: [],
  filters: (q) => [q.termId ? eq(plenarySessions.termId, q.termId as string) : undefined],
  searchColumns: [],
  orderBy: [sql`${plenarySessions.openDate} desc`],
  async present(db, actor, rows) {
    const termNos = await termNosOf(db, rows);
    const abilities = orgRowAbilities(actor, 'sessions');
    return rows.map((r) => {
      const termNo = termNos.get(r.termId as string) ?? 0;
      return {
        ...baseView(r),
        termId: r.termId,
        termNo,
        sessionNo: r.sessionNo,
        name: sessionName(termNo, r.sessionNo as number),
        openDate: r.openDate,
        closeDate: r.closeDate,
        proposalDeadline: iso(r.proposalDeadline),
        expectedCount: r.expectedCount,
        presentCount: r.presentCount,
        abilities,
      };
    });
  },
  toColumns: (c) =>
    typeof c.proposalDeadline === 'string' ? { ...c, proposalDeadline: new Date(c.proposalDeadline) } : c,
  describe: (r) => `第${r.sessionNo}次会议`,
  exportColumns: [
    { header: '会议', width: 20, value: (v) => v.name as string },
    { header: '开幕日期', width: 12, value: (v) => v.openDate as string },
    { header: '闭幕日期', width: 12, value: (v) => v.closeDate as string },
    { header: '提案截止时间', width: 22, value: (v) => v.proposalDeadline as string },
    { header: '应到人数', value: (v) => v.expectedCount as number },
    { header: '实到人数', value: (v) => v.presentCount as number },
  ],
  async validate(db, committeeId, values, existing) {
    if (!values.termId) return;
    const [term] = await db
      .select()
      .from(terms)
      .where(eq(terms.id, values.termId as string));
    const open = (values.openDate ?? existing?.openDate) as string;
    if (term && term.committeeId === committeeId && (open < term.startDate || open > term.endDate)) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'openDate', message: '开幕日期应在所属届次的任期内' },
      ]);
    }
  },
};

const convenerLink: LinkSpec = {
  field: 'convenerIds',
  joinTable: sectorConveners,
  ownerColumn: sectorConveners.sectorId,
  targetColumn: sectorConveners.memberId,
  ownerKey: 'sectorId',
  targetKey: 'memberId',
  targetTable: members,
  label: '召集人',
};

export const sectorResource: OrgResource = {
  key: 'sectors',
  targetType: 'sector',
  label: '界别',
  table: sectors,
  createInput: sectorInput,
  updateInput: sectorUpdate,
  listQuery: directoryListQuery,
  refs: [],
  links: [convenerLink],
  filters: (q) => [q.kind ? eq(sectors.kind, q.kind as 'party') : undefined],
  searchColumns: [sectors.name, sectors.code],
  orderBy: [sectors.sortOrder, sectors.name],
  async present(db, actor, rows) {
    const links = await linksOf(db, convenerLink, rows);
    const abilities = orgRowAbilities(actor, 'sectors');
    return rows.map((r) => ({
      ...baseView(r),
      code: r.code,
      name: r.name,
      kind: r.kind,
      sortOrder: r.sortOrder,
      convenerIds: (links.get(r.id) ?? []).map((l) => l.id),
      conveners: links.get(r.id) ?? [],
      abilities,
    }));
  },
  describe: (r) => String(r.name),
  exportColumns: [
    { header: '编码', value: (v) => (v.code as string) ?? '' },
    { header: '界别名称', width: 24, value: (v) => v.name as string },
    { header: '类型', width: 14, value: (v) => labelOf(enumLabels.sectorKind, v.kind) },
    {
      header: '召集人',
      width: 20,
      value: (v) => (v.conveners as { name: string }[]).map((c) => c.name).join('、'),
    },
  ],
};

export const participatingUnitResource: OrgResource = {
  key: 'participating-units',
  targetType: 'participating_unit',
  label: '参加单位',
  table: participatingUnits,
  createInput: participatingUnitInput,
  updateInput: participatingUnitUpdate,
  listQuery: directoryListQuery,
  refs: [],
  links: [],
  filters: (q) => [q.kind ? eq(participatingUnits.kind, q.kind as 'cpc') : undefined],
  searchColumns: [participatingUnits.name],
  orderBy: [participatingUnits.sortOrder, participatingUnits.name],
  async present(_db, actor, rows) {
    const abilities = orgRowAbilities(actor, 'participating-units');
    return rows.map((r) => ({
      ...baseView(r),
      name: r.name,
      kind: r.kind,
      sealRequired: r.sealRequired,
      sortOrder: r.sortOrder,
      abilities,
    }));
  },
  describe: (r) => String(r.name),
  exportColumns: [
    { header: '单位名称', width: 30, value: (v) => v.name as string },
    { header: '类型', width: 14, value: (v) => labelOf(enumLabels.participatingUnitKind, v.kind) },
    { header: '集体提案须盖章', value: (v) => yesNo(v.sealRequired) },
  ],
};

export const specialCommitteeResource: OrgResource = {
  key: 'special-committees',
  targetType: 'special_committee',
  label: '专委会',
  table: specialCommittees,
  createInput: specialCommitteeInput,
  updateInput: specialCommitteeUpdate,
  listQuery: directoryListQuery,
  refs: [
    { field: 'directorId', table: members, label: '主任' },
    { field: 'supervisingLeaderId', table: members, label: '分管主席' },
  ],
  links: [],
  filters: () => [],
  searchColumns: [specialCommittees.name],
  orderBy: [specialCommittees.sortOrder, specialCommittees.name],
  async present(db, actor, rows) {
    const names = await namesOf(
      db,
      members,
      rows.flatMap((r) => [r.directorId, r.supervisingLeaderId]),
    );
    const abilities = orgRowAbilities(actor, 'special-committees');
    return rows.map((r) => ({
      ...baseView(r),
      name: r.name,
      isProposalsCommittee: r.isProposalsCommittee,
      directorId: r.directorId,
      directorName: names.get(r.directorId as string) ?? null,
      supervisingLeaderId: r.supervisingLeaderId,
      supervisingLeaderName: names.get(r.supervisingLeaderId as string) ?? null,
      sortOrder: r.sortOrder,
      abilities,
    }));
  },
  describe: (r) => String(r.name),
  exportColumns: [
    { header: '专委会名称', width: 30, value: (v) => v.name as string },
    { header: '提案委员会', value: (v) => yesNo(v.isProposalsCommittee) },
    { header: '主任', value: (v) => (v.directorName as string) ?? '' },
    { header: '分管主席', value: (v) => (v.supervisingLeaderName as string) ?? '' },
  ],
  async validate(db, committeeId, values, existing) {
    if (!values.isProposalsCommittee) return;
    const others = await db
      .select({ id: specialCommittees.id })
      .from(specialCommittees)
      .where(
        sql`${specialCommittees.committeeId} = ${committeeId} and ${specialCommittees.isProposalsCommittee}`,
      );
    if (others.some((o) => o.id !== existing?.id)) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'isProposalsCommittee', message: '已有一个提案委员会' },
      ]);
    }
  },
};

export const supervisionOfficeResource: OrgResource = {
  key: 'supervision-offices',
  targetType: 'supervision_office',
  label: '督查室',
  table: supervisionOffices,
  createInput: supervisionOfficeInput,
  updateInput: supervisionOfficeUpdate,
  listQuery: directoryListQuery,
  refs: [],
  links: [],
  rowScope(actor) {
    if (hasRole(actor, 'sysadmin', 'proposal_staff', 'chair_council', 'office_staff', 'liaison_staff'))
      return undefined;
    if (hasRole(actor, 'info_staff', 'committee_staff')) return undefined;
    const own = scopeIds(actor, 'supervision_office');
    return own.length ? sql`${supervisionOffices.id} in ${own}` : sql`false`;
  },
  filters: (q) => [q.system ? eq(supervisionOffices.system, q.system as 'party') : undefined],
  searchColumns: [supervisionOffices.name],
  orderBy: [supervisionOffices.name],
  async present(_db, actor, rows: Row[]) {
    const abilities = orgRowAbilities(actor, 'supervision-offices');
    return rows.map((r) => ({
      ...baseView(r),
      name: r.name,
      system: r.system,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      abilities,
    }));
  },
  describe: (r) => String(r.name),
  exportColumns: [
    { header: '名称', width: 30, value: (v) => v.name as string },
    { header: '所属系统', width: 14, value: (v) => labelOf(enumLabels.supervisionOfficeSystem, v.system) },
    { header: '联系人', value: (v) => (v.contactName as string) ?? '' },
    { header: '联系电话', width: 16, value: (v) => (v.contactPhone as string) ?? '' },
  ],
};
