import {
  participatingUnitInput,
  sectorInput,
  specialCommitteeInput,
  supervisionOfficeInput,
} from '@tongxin/common/org/schemas.ts';
import { empty, joinNames, Pill } from '../render.tsx';
import type { ResourceDef } from '../types.ts';

/** 界别 */
export const sectorsResource: ResourceDef = {
  key: 'sectors',
  nameTitle: 'f.sectorName',
  searchPlaceholder: 'search.name',
  schema: sectorInput,
  fields: [
    { name: 'name', label: 'f.sectorName', type: 'text' },
    { name: 'kind', label: 'f.sectorKind', type: 'enum', enumKind: 'sectorKind' },
    { name: 'code', label: 'f.code', type: 'text' },
    { name: 'sortOrder', label: 'f.sortOrder', type: 'int' },
    { name: 'convenerIds', label: 'f.conveners', type: 'members', labelFrom: 'conveners', wide: true },
  ],
  columns: [
    {
      key: 'kind',
      title: 'f.sectorKind',
      card: true,
      render: (v, ctx) => ctx.enumLabel('sectorKind', v.kind),
    },
    { key: 'conveners', title: 'f.conveners', card: true, render: (v) => joinNames(v.conveners) },
    { key: 'code', title: 'f.code', width: 100, render: (v) => (v.code as string) || empty },
  ],
  filters: [{ param: 'kind', label: 'f.sectorKind', type: 'enum', enumKind: 'sectorKind' }],
  rowLabel: (v) => String(v.name ?? ''),
  defaults: () => ({ sortOrder: 0, convenerIds: [] }),
};

/** 参加单位 */
export const participatingUnitsResource: ResourceDef = {
  key: 'participating-units',
  nameTitle: 'f.unitName',
  searchPlaceholder: 'search.name',
  schema: participatingUnitInput,
  fields: [
    { name: 'name', label: 'f.unitName', type: 'text', wide: true },
    { name: 'kind', label: 'f.unitKind', type: 'enum', enumKind: 'participatingUnitKind' },
    { name: 'sortOrder', label: 'f.sortOrder', type: 'int' },
    { name: 'sealRequired', label: 'f.sealRequired', type: 'bool' },
  ],
  columns: [
    {
      key: 'kind',
      title: 'f.unitKind',
      card: true,
      render: (v, ctx) => ctx.enumLabel('participatingUnitKind', v.kind),
    },
    {
      key: 'sealRequired',
      title: 'f.sealRequired',
      render: (v, ctx) => (v.sealRequired ? ctx.t('common.yes') : ctx.t('common.no')),
    },
  ],
  filters: [{ param: 'kind', label: 'f.unitKind', type: 'enum', enumKind: 'participatingUnitKind' }],
  rowLabel: (v) => String(v.name ?? ''),
  defaults: () => ({ sealRequired: true, sortOrder: 0 }),
};

/** 专委会 */
export const specialCommitteesResource: ResourceDef = {
  key: 'special-committees',
  nameTitle: 'f.committeeName',
  searchPlaceholder: 'search.name',
  schema: specialCommitteeInput,
  fields: [
    { name: 'name', label: 'f.committeeName', type: 'text', wide: true },
    { name: 'directorId', label: 'f.director', type: 'member', labelFrom: 'directorName' },
    {
      name: 'supervisingLeaderId',
      label: 'f.supervisingLeader',
      type: 'member',
      labelFrom: 'supervisingLeaderName',
    },
    { name: 'sortOrder', label: 'f.sortOrder', type: 'int' },
    { name: 'isProposalsCommittee', label: 'f.isProposalsCommittee', type: 'bool' },
  ],
  columns: [
    {
      key: 'directorName',
      title: 'f.director',
      card: true,
      render: (v) => (v.directorName as string) || empty,
    },
    {
      key: 'supervisingLeaderName',
      title: 'f.supervisingLeader',
      card: true,
      render: (v) => (v.supervisingLeaderName as string) || empty,
    },
    {
      key: 'isProposalsCommittee',
      title: 'f.isProposalsCommittee',
      render: (v, ctx) =>
        v.isProposalsCommittee ? <Pill tone="blue">{ctx.t('v.proposalsCommittee')}</Pill> : empty,
    },
  ],
  filters: [],
  rowLabel: (v) => String(v.name ?? ''),
  defaults: () => ({ isProposalsCommittee: false, sortOrder: 0 }),
};

/** 督查室 */
export const supervisionOfficesResource: ResourceDef = {
  key: 'supervision-offices',
  nameTitle: 'f.officeName',
  searchPlaceholder: 'search.name',
  schema: supervisionOfficeInput,
  fields: [
    { name: 'name', label: 'f.officeName', type: 'text', wide: true },
    { name: 'system', label: 'f.system', type: 'enum', enumKind: 'supervisionOfficeSystem' },
    { name: 'contactName', label: 'f.contactName', type: 'text' },
    { name: 'contactPhone', label: 'f.contactPhone', type: 'text' },
  ],
  columns: [
    {
      key: 'system',
      title: 'f.system',
      card: true,
      render: (v, ctx) => ctx.enumLabel('supervisionOfficeSystem', v.system),
    },
    {
      key: 'contactName',
      title: 'f.contactName',
      card: true,
      render: (v) => (v.contactName as string) || empty,
    },
    {
      key: 'contactPhone',
      title: 'f.contactPhone',
      card: true,
      render: (v) => (v.contactPhone as string) || empty,
    },
  ],
  filters: [{ param: 'system', label: 'f.system', type: 'enum', enumKind: 'supervisionOfficeSystem' }],
  rowLabel: (v) => String(v.name ?? ''),
};
