import { handlerUnitInput, platformInput } from '@tongxin/common/org/schemas.ts';
import { activeTag, empty, joinNames } from '../render.tsx';
import type { ResourceDef } from '../types.ts';

/** 承办单位 */
export const handlerUnitsResource: ResourceDef = {
  key: 'handler-units',
  nameTitle: 'f.unitName',
  searchPlaceholder: 'search.handler-units',
  schema: handlerUnitInput,
  importable: true,
  fields: [
    { name: 'name', label: 'f.unitName', type: 'text', wide: true },
    { name: 'shortName', label: 'f.shortName', type: 'text' },
    { name: 'system', label: 'f.system', type: 'enum', enumKind: 'handlerUnitSystem' },
    {
      name: 'parentUnitId',
      label: 'f.parentUnit',
      type: 'ref',
      options: 'handlerUnits',
      labelFrom: 'parentUnitName',
    },
    { name: 'isActive', label: 'f.isActive', type: 'bool', render: (v, ctx) => activeTag(v.isActive, ctx) },
    { name: 'leaderName', label: 'f.leaderName', type: 'text' },
    { name: 'leaderTitle', label: 'f.leaderTitle', type: 'text' },
    { name: 'contactName', label: 'f.contactName', type: 'text' },
    { name: 'contactPhone', label: 'f.contactPhone', type: 'text' },
  ],
  columns: [
    { key: 'shortName', title: 'f.shortName', render: (v) => (v.shortName as string) || empty },
    {
      key: 'system',
      title: 'f.system',
      card: true,
      render: (v, ctx) => ctx.enumLabel('handlerUnitSystem', v.system),
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
    { key: 'isActive', title: 'f.isActive', width: 96, render: (v, ctx) => activeTag(v.isActive, ctx) },
  ],
  filters: [
    { param: 'system', label: 'f.system', type: 'enum', enumKind: 'handlerUnitSystem' },
    { param: 'isActive', label: 'f.isActive', type: 'bool', boolLabels: ['v.active', 'v.inactive'] },
  ],
  rowLabel: (v) => String(v.name ?? ''),
  defaults: () => ({ isActive: true }),
};

/** 政协联络组 / 委员工作室 / 协商平台 */
export const platformsResource: ResourceDef = {
  key: 'platforms',
  nameTitle: 'f.platformName',
  searchPlaceholder: 'search.name',
  schema: platformInput,
  tabs: { param: 'kind', enumKind: 'platformKind' },
  fields: [
    { name: 'kind', label: 'f.platformKind', type: 'enum', enumKind: 'platformKind' },
    { name: 'orgLevel', label: 'f.orgLevel', type: 'enum', enumKind: 'platformOrgLevel' },
    { name: 'name', label: 'f.platformName', type: 'text', wide: true },
    { name: 'theme', label: 'f.theme', type: 'text', wide: true },
    { name: 'location', label: 'f.location', type: 'text', wide: true },
    { name: 'managerName', label: 'f.managerName', type: 'text' },
    { name: 'openedAt', label: 'f.openedAt', type: 'date' },
    { name: 'isActive', label: 'f.isActive', type: 'bool', render: (v, ctx) => activeTag(v.isActive, ctx) },
    { name: 'memberIds', label: 'f.platformMembers', type: 'members', labelFrom: 'members', wide: true },
  ],
  columns: [
    {
      key: 'kind',
      title: 'f.platformKind',
      card: true,
      render: (v, ctx) => ctx.enumLabel('platformKind', v.kind),
    },
    {
      key: 'orgLevel',
      title: 'f.orgLevel',
      card: true,
      render: (v, ctx) => ctx.enumLabel('platformOrgLevel', v.orgLevel),
    },
    { key: 'managerName', title: 'f.managerName', render: (v) => (v.managerName as string) || empty },
    {
      key: 'members',
      title: 'f.platformMembers',
      render: (v, ctx) =>
        Array.isArray(v.members) && v.members.length > 3
          ? ctx.t('v.persons', { count: v.members.length })
          : joinNames(v.members),
    },
    { key: 'isActive', title: 'f.isActive', width: 96, render: (v, ctx) => activeTag(v.isActive, ctx) },
  ],
  filters: [
    { param: 'orgLevel', label: 'f.orgLevel', type: 'enum', enumKind: 'platformOrgLevel' },
    { param: 'isActive', label: 'f.isActive', type: 'bool', boolLabels: ['v.active', 'v.inactive'] },
  ],
  rowLabel: (v) => String(v.name ?? ''),
  defaults: (_ctx, filters) => ({ kind: filters.kind, orgLevel: 'municipal', isActive: true, memberIds: [] }),
};
