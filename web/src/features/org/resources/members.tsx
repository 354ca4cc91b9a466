import { memberInput } from '@tongxin/common/org/schemas.ts';
import dayjs from 'dayjs';
import { empty, joinNames, Pill, termName } from '../render.tsx';
import type { ResourceDef } from '../types.ts';

const statusTone = { active: 'green', resigned: 'gray', removed: 'red', deceased: 'gray' } as const;

/** 委员 */
export const membersResource: ResourceDef = {
  key: 'members',
  nameTitle: 'f.personName',
  searchPlaceholder: 'search.members',
  schema: memberInput,
  importable: true,
  fields: [
    { name: 'name', label: 'f.personName', type: 'text' },
    { name: 'gender', label: 'f.gender', type: 'enum', enumKind: 'gender' },
    { name: 'ethnicity', label: 'f.ethnicity', type: 'text' },
    { name: 'birthDate', label: 'f.birthDate', type: 'date' },
    {
      name: 'politicalAffiliation',
      label: 'f.politicalAffiliation',
      type: 'enum',
      enumKind: 'politicalAffiliation',
    },
    {
      name: 'termId',
      label: 'f.termId',
      type: 'ref',
      options: 'terms',
      render: (v, ctx) => termName(v.termNo, ctx),
    },
    { name: 'sectorId', label: 'f.sector', type: 'ref', options: 'sectors', labelFrom: 'sectorName' },
    {
      name: 'participatingUnitId',
      label: 'f.participatingUnit',
      type: 'ref',
      options: 'participatingUnits',
      labelFrom: 'participatingUnitName',
    },
    {
      name: 'specialCommitteeIds',
      label: 'f.specialCommittees',
      type: 'refs',
      options: 'specialCommittees',
      labelFrom: 'specialCommittees',
      wide: true,
    },
    { name: 'isStandingMember', label: 'f.isStandingMember', type: 'bool' },
    {
      name: 'leadershipPosition',
      label: 'f.leadershipPosition',
      type: 'enum',
      enumKind: 'leadershipPosition',
    },
    { name: 'workUnit', label: 'f.workUnit', type: 'text' },
    { name: 'jobTitle', label: 'f.jobTitle', type: 'text' },
    { name: 'mobile', label: 'f.mobile', type: 'text' },
    { name: 'email', label: 'f.email', type: 'text' },
    { name: 'status', label: 'f.memberStatus', type: 'enum', enumKind: 'memberStatus' },
    { name: 'joinedAt', label: 'f.joinedAt', type: 'date' },
    { name: 'leftAt', label: 'f.leftAt', type: 'date', help: 'hint.leftAt' },
    { name: 'reasonLeft', label: 'f.reasonLeft', type: 'textarea', wide: true },
  ],
  columns: [
    { key: 'gender', title: 'f.gender', width: 64, render: (v, ctx) => ctx.enumLabel('gender', v.gender) },
    { key: 'sectorName', title: 'f.sector', card: true, render: (v) => (v.sectorName as string) || empty },
    {
      key: 'participatingUnitName',
      title: 'f.participatingUnit',
      card: true,
      render: (v) => (v.participatingUnitName as string) || empty,
    },
    { key: 'specialCommittees', title: 'f.specialCommittees', render: (v) => joinNames(v.specialCommittees) },
    {
      key: 'workUnit',
      title: 'f.workUnitAndTitle',
      card: true,
      render: (v) => [v.workUnit, v.jobTitle].filter(Boolean).join(' ') || empty,
    },
    {
      key: 'status',
      title: 'f.memberStatus',
      width: 120,
      card: true,
      render: (v, ctx) => (
        <>
          <Pill tone={statusTone[v.status as keyof typeof statusTone] ?? 'gray'}>
            {ctx.enumLabel('memberStatus', v.status)}
          </Pill>
          {v.isStandingMember === true && <Pill tone="blue">{ctx.t('v.standing')}</Pill>}
        </>
      ),
    },
  ],
  filters: [
    { param: 'sectorId', label: 'f.sector', type: 'ref', options: 'sectors' },
    {
      param: 'participatingUnitId',
      label: 'f.participatingUnit',
      type: 'ref',
      options: 'participatingUnits',
    },
    { param: 'specialCommitteeId', label: 'f.specialCommittee', type: 'ref', options: 'specialCommittees' },
    { param: 'status', label: 'f.memberStatus', type: 'enum', enumKind: 'memberStatus' },
    { param: 'isStandingMember', label: 'f.isStandingMember', type: 'bool' },
    { param: 'termId', label: 'f.termId', type: 'ref', options: 'terms' },
  ],
  rowLabel: (v) => String(v.name ?? ''),
  defaults: (ctx, filters) => ({
    termId: filters.termId ?? ctx.options?.terms[0]?.id,
    sectorId: filters.sectorId,
    participatingUnitId: filters.participatingUnitId,
    ethnicity: '汉族',
    status: 'active',
    isStandingMember: false,
    specialCommitteeIds: filters.specialCommitteeId ? [filters.specialCommitteeId] : [],
    joinedAt: dayjs().format('YYYY-MM-DD'),
  }),
};
