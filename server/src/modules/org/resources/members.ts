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
import { baseView, linksOf, namesOf, termNosOf, yesNo } from './present-helpers.ts';
import type { LinkSpec, OrgResource, View } from './types.ts';

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
  async present(db, actor, rows) {
    const [sectorNames, unitNames, termNames, links] = await Promise.all([
      namesOf(
        db,
        sectors,
        rows.map((r) => r.sectorId),
      ),
      namesOf(
        db,
        participatingUnits,
        rows.map((r) => r.participatingUnitId),
      ),
      termNosOf(db, rows),
      linksOf(db, committeesLink, rows),
    ]);
    const contact = canSeeMemberContact(actor);
    const abilities = orgRowAbilities(actor, 'members');
    return rows.map((r) => {
      const view: View = {
        ...baseView(r),
        termId: r.termId,
        termNo: termNames.get(r.termId as string) ?? null,
        name: r.name,
        gender: r.gender,
        ethnicity: r.ethnicity,
        politicalAffiliation: r.politicalAffiliation,
        sectorId: r.sectorId,
        sectorName: sectorNames.get(r.sectorId as string) ?? null,
        participatingUnitId: r.participatingUnitId,
        participatingUnitName: unitNames.get(r.participatingUnitId as string) ?? null,
        specialCommitteeIds: (links.get(r.id) ?? []).map((l) => l.id),
        specialCommittees: links.get(r.id) ?? [],
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
