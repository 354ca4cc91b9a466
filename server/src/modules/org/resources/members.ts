import { eq, sql } from 'drizzle-orm';
import { enumLabels } from '@tongxin/common/org/enums.ts';
import { memberInput, memberListQuery, memberUpdate } from '@tongxin/common/org/schemas.ts';
import { hasRole, scopeIds } from '../../../platform/authz/actor.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { canSeeMemberContact, orgRowAbilities } from '../org.policy.ts';
import {
  memberSpecialCommittees,
  members,
  participatingUnits,
  sectors,
  specialCommittees,
  terms,
} from '../schema.ts';
import { baseView, yesNo } from './present-helpers.ts';
import type { LinkSpec, OrgResource, Row, View } from './types.ts';

const committeesLink: LinkSpec = {
  field: 'specialCommitteeIds',
  joinTable: memberSpecialCommittees,
  ownerColumn: memberSpecialCommittees.memberId,
  targetColumn: memberSpecialCommittees.specialCommitteeId,
  ownerKey: 'memberId',
  targetKey: 'specialCommitteeId',
  targetTable: specialCommittees,
  label: '专委会',
};

const contactFields = ['mobile', 'email', 'birthDate'] as const;
type Named = { id: string; name: string };
/** The JSON list of special committees computed in the query (a string from drivers that do not parse json). */
const linked = (r: Row): Named[] =>
  typeof r.specialCommittees === 'string'
    ? JSON.parse(r.specialCommittees)
    : ((r.specialCommittees as Named[]) ?? []);
type L<K extends keyof typeof enumLabels> = Record<string, string> & (typeof enumLabels)[K];
const label = <K extends keyof typeof enumLabels>(k: K, v: unknown) =>
  v ? ((enumLabels[k] as L<K>)[String(v)] ?? '') : '';

/** 委员. Contact details only for those who may see them; a unit liaison sees only their unit's members. */
export const memberResource: OrgResource = {
  key: 'members',
  targetType: 'member',
  label: '委员',
  table: members,
  createInput: memberInput,
  updateInput: memberUpdate,
  listQuery: memberListQuery,
  refs: [
    { field: 'termId', table: terms, label: '届次' },
    { field: 'sectorId', table: sectors, label: '界别' },
    { field: 'participatingUnitId', table: participatingUnits, label: '参加单位' },
  ],
  links: [committeesLink],
  rowScope(actor) {
    const wide = hasRole(actor, 'sysadmin', 'proposal_staff', 'chair_council', 'office_staff', 'info_staff');
    if (wide || hasRole(actor, 'liaison_staff', 'committee_staff', 'member', 'standing_member'))
      return undefined;
    const units = scopeIds(actor, 'unit_liaison');
    if (units.length === 0) return sql`false`;
    return sql`${members.participatingUnitId} in ${units}`;
  },
  filters: (q) => [
    q.termId ? eq(members.termId, q.termId as string) : undefined,
    q.sectorId ? eq(members.sectorId, q.sectorId as string) : undefined,
    q.participatingUnitId ? eq(members.participatingUnitId, q.participatingUnitId as string) : undefined,
    q.status ? eq(members.status, q.status as 'active') : undefined,
    q.isStandingMember === undefined
      ? undefined
      : eq(members.isStandingMember, q.isStandingMember as boolean),
    q.specialCommitteeId
      ? sql`${members.id} in (select member_id from member_special_committees where special_committee_id = ${q.specialCommitteeId as string})`
      : undefined,
  ],
  searchColumns: [members.name, members.workUnit, members.jobTitle],
  orderBy: [members.name, members.id],
  // Columns are written qualified (members.x): drizzle renders ${column} unqualified, which inside a
  // subquery would bind to the subquery's own table.
  extraColumns: {
    sectorName: sql`(select s.name from ${sectors} s where s.id = members.sector_id)`,
    participatingUnitName: sql`(select u.name from ${participatingUnits} u where u.id = members.participating_unit_id)`,
    termNo: sql`(select t.term_no from ${terms} t where t.id = members.term_id)`,
    specialCommittees: sql`coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name) order by c.sort_order)
      from ${memberSpecialCommittees} l join ${specialCommittees} c on c.id = l.special_committee_id
      where l.member_id = members.id), '[]'::json)`,
  },
  async present(_db, actor, rows) {
    const contact = canSeeMemberContact(actor);
    const abilities = orgRowAbilities(actor, 'members');
    return rows.map((r) => {
      const view: View = {
        ...baseView(r),
        termId: r.termId,
        termNo: r.termNo ?? null,
        name: r.name,
        gender: r.gender,
        ethnicity: r.ethnicity,
        politicalAffiliation: r.politicalAffiliation,
        sectorId: r.sectorId,
        sectorName: r.sectorName ?? null,
        participatingUnitId: r.participatingUnitId,
        participatingUnitName: r.participatingUnitName ?? null,
        specialCommitteeIds: linked(r).map((l) => l.id),
        specialCommittees: linked(r),
        isStandingMember: r.isStandingMember,
        leadershipPosition: r.leadershipPosition,
        workUnit: r.workUnit,
        jobTitle: r.jobTitle,
        status: r.status,
        joinedAt: r.joinedAt,
        leftAt: r.leftAt,
        reasonLeft: r.reasonLeft,
        abilities,
      };
      if (contact) for (const f of contactFields) view[f] = r[f];
      return view;
    });
  },
  describe: (r) => String(r.name),
  exportColumns: [
    { header: '姓名', value: (v) => v.name as string },
    { header: '性别', value: (v) => label('gender', v.gender) },
    { header: '民族', value: (v) => v.ethnicity as string },
    { header: '出生日期', value: (v) => (v.birthDate as string) ?? '' },
    { header: '政治面貌', value: (v) => label('politicalAffiliation', v.politicalAffiliation) },
    { header: '界别', width: 18, value: (v) => v.sectorName as string },
    { header: '参加单位', width: 26, value: (v) => (v.participatingUnitName as string) ?? '' },
    {
      header: '专委会',
      width: 30,
      value: (v) => (v.specialCommittees as { name: string }[]).map((c) => c.name).join('、'),
    },
    { header: '是否常委', value: (v) => yesNo(v.isStandingMember) },
    { header: '领导职务', value: (v) => label('leadershipPosition', v.leadershipPosition) },
    { header: '工作单位', width: 30, value: (v) => v.workUnit as string },
    { header: '职务', width: 16, value: (v) => v.jobTitle as string },
    { header: '手机', width: 14, value: (v) => (v.mobile as string) ?? '' },
    { header: '电子邮箱', width: 22, value: (v) => (v.email as string) ?? '' },
    { header: '状态', value: (v) => label('memberStatus', v.status) },
    { header: '任职日期', width: 12, value: (v) => v.joinedAt as string },
    { header: '离任日期', width: 12, value: (v) => (v.leftAt as string) ?? '' },
  ],
  async validate(_db, _committeeId, values, existing) {
    const status = (values.status ?? existing?.status) as string;
    const leftAt = values.leftAt === undefined ? existing?.leftAt : values.leftAt;
    const joinedAt = (values.joinedAt ?? existing?.joinedAt) as string;
    if (status !== 'active' && !leftAt) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'leftAt', message: '非在任委员须填写离任日期' }]);
    }
    if (leftAt && joinedAt && String(leftAt) < joinedAt) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'leftAt', message: '离任日期不能早于任职日期' }]);
    }
  },
};
