import { eq, sql } from 'drizzle-orm';
import { enumLabels } from '@tongxin/common/org/enums.ts';
import {
  directoryListQuery,
  handlerUnitInput,
  handlerUnitUpdate,
  platformInput,
  platformUpdate,
} from '@tongxin/common/org/schemas.ts';
import { hasRole, isStaff, scopeIds } from '../../../platform/authz/actor.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { orgRowAbilities } from '../org.policy.ts';
import { handlerUnits, members, platformMembers, platforms } from '../schema.ts';
import { baseView, linksOf, namesOf, yesNo } from './present-helpers.ts';
import type { LinkSpec, OrgResource } from './types.ts';

const labelOf = (dict: Record<string, string>, v: unknown) => (v ? (dict[String(v)] ?? '') : '');

/** 承办单位. A handler unit's clerk or leader sees only their own unit; another unit is "not found". */
export const handlerUnitResource: OrgResource = {
  key: 'handler-units',
  targetType: 'handler_unit',
  label: '承办单位',
  table: handlerUnits,
  createInput: handlerUnitInput,
  updateInput: handlerUnitUpdate,
  listQuery: directoryListQuery,
  refs: [{ field: 'parentUnitId', table: handlerUnits, label: '上级单位' }],
  links: [],
  rowScope(actor) {
    if (isStaff(actor) || hasRole(actor, 'supervision_office')) return undefined;
    const own = scopeIds(actor, 'handler_clerk', 'handler_leader');
    return own.length ? sql`${handlerUnits.id} in ${own}` : sql`false`;
  },
  filters: (q) => [
    q.system ? eq(handlerUnits.system, q.system as 'party') : undefined,
    q.isActive === undefined ? undefined : eq(handlerUnits.isActive, q.isActive as boolean),
  ],
  searchColumns: [
    handlerUnits.name,
    handlerUnits.shortName,
    handlerUnits.contactName,
    handlerUnits.leaderName,
  ],
  orderBy: [handlerUnits.system, handlerUnits.name],
  async present(db, actor, rows) {
    const parents = await namesOf(
      db,
      handlerUnits,
      rows.map((r) => r.parentUnitId),
    );
    const abilities = orgRowAbilities(actor, 'handler-units');
    return rows.map((r) => ({
      ...baseView(r),
      name: r.name,
      shortName: r.shortName,
      system: r.system,
      parentUnitId: r.parentUnitId,
      parentUnitName: parents.get(r.parentUnitId as string) ?? null,
      leaderName: r.leaderName,
      leaderTitle: r.leaderTitle,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      isActive: r.isActive,
      abilities,
    }));
  },
  describe: (r) => String(r.name),
  exportColumns: [
    { header: '单位名称', width: 30, value: (v) => v.name as string },
    { header: '简称', value: (v) => (v.shortName as string) ?? '' },
    { header: '所属系统', width: 12, value: (v) => labelOf(enumLabels.handlerUnitSystem, v.system) },
    { header: '上级单位', width: 24, value: (v) => (v.parentUnitName as string) ?? '' },
    { header: '分管领导', value: (v) => (v.leaderName as string) ?? '' },
    { header: '领导职务', value: (v) => (v.leaderTitle as string) ?? '' },
    { header: '联系人', value: (v) => (v.contactName as string) ?? '' },
    { header: '联系电话', width: 16, value: (v) => (v.contactPhone as string) ?? '' },
    { header: '是否启用', value: (v) => yesNo(v.isActive) },
  ],
  async validate(_db, _committeeId, values, existing) {
    if (existing && values.parentUnitId && values.parentUnitId === existing.id) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'parentUnitId', message: '上级单位不能是本单位' }]);
    }
  },
};

const platformMembersLink: LinkSpec = {
  field: 'memberIds',
  joinTable: platformMembers,
  ownerColumn: platformMembers.platformId,
  targetColumn: platformMembers.memberId,
  ownerKey: 'platformId',
  targetKey: 'memberId',
  targetTable: members,
  label: '成员',
};

/** 政协联络组 / 委员工作室 / 协商平台, told apart by `kind`. */
export const platformResource: OrgResource = {
  key: 'platforms',
  targetType: 'platform',
  label: '联络组、委员工作室与协商平台',
  table: platforms,
  createInput: platformInput,
  updateInput: platformUpdate,
  listQuery: directoryListQuery,
  refs: [],
  links: [platformMembersLink],
  filters: (q) => [
    q.kind ? eq(platforms.kind, q.kind as 'member_studio') : undefined,
    q.orgLevel ? eq(platforms.orgLevel, q.orgLevel as 'county') : undefined,
    q.isActive === undefined ? undefined : eq(platforms.isActive, q.isActive as boolean),
  ],
  searchColumns: [platforms.name, platforms.location, platforms.theme, platforms.managerName],
  orderBy: [platforms.kind, platforms.orgLevel, platforms.name],
  async present(db, actor, rows) {
    const links = await linksOf(db, platformMembersLink, rows);
    const abilities = orgRowAbilities(actor, 'platforms');
    return rows.map((r) => ({
      ...baseView(r),
      kind: r.kind,
      name: r.name,
      orgLevel: r.orgLevel,
      location: r.location,
      theme: r.theme,
      managerName: r.managerName,
      openedAt: r.openedAt,
      isActive: r.isActive,
      memberIds: (links.get(r.id) ?? []).map((l) => l.id),
      members: links.get(r.id) ?? [],
      abilities,
    }));
  },
  describe: (r) => String(r.name),
  exportColumns: [
    { header: '类型', width: 14, value: (v) => labelOf(enumLabels.platformKind, v.kind) },
    { header: '名称', width: 34, value: (v) => v.name as string },
    { header: '层级', width: 16, value: (v) => labelOf(enumLabels.platformOrgLevel, v.orgLevel) },
    { header: '地点', width: 24, value: (v) => (v.location as string) ?? '' },
    { header: '主题', width: 24, value: (v) => (v.theme as string) ?? '' },
    { header: '负责人', value: (v) => (v.managerName as string) ?? '' },
    { header: '成立日期', width: 12, value: (v) => (v.openedAt as string) ?? '' },
    { header: '成员人数', value: (v) => (v.members as unknown[]).length },
    { header: '是否启用', value: (v) => yesNo(v.isActive) },
  ],
};
