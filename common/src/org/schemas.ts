import { z } from 'zod';
import { pageQuery } from '../pagination.ts';
import {
  genders,
  handlerUnitSystems,
  leadershipPositions,
  memberStatuses,
  participatingUnitKinds,
  platformKinds,
  platformOrgLevels,
  politicalAffiliations,
  sectorKinds,
  supervisionOfficeSystems,
} from './enums.ts';
import {
  bodyName,
  email,
  expectedVersion,
  id,
  isoDate,
  isoDateTime,
  mobile,
  personName,
  phone,
  text,
} from './fields.ts';

const bool = z.boolean({ error: '应为“是”或“否”' });
const listText = z.string().trim().max(100, '搜索词不超过 100 个字符').optional();
const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * Update = the create fields, each optional, plus the version the editor saw (optimistic concurrency).
 * Defaults are dropped: a field the request leaves out must stay as it is, not fall back to its default.
 */
function updateOf<S extends z.ZodObject>(create: S) {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(create.shape as Record<string, z.ZodType>)) {
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).optional();
  }
  return z.object(shape).extend({ expectedVersion }).strict();
}

// 届
export const termInput = z
  .object({
    termNo: z.number().int().min(1, '届次应为正整数').max(99, '届次不超过 99'),
    startDate: isoDate,
    endDate: isoDate,
  })
  .strict()
  .refine((t) => t.endDate > t.startDate, { message: '结束日期应晚于开始日期', path: ['endDate'] });
export const termUpdate = z
  .object({ termNo: z.number().int().min(1).max(99), startDate: isoDate, endDate: isoDate })
  .partial()
  .extend({ expectedVersion })
  .strict();

// 次会议
const sessionFields = z
  .object({
    termId: id,
    sessionNo: z.number().int().min(1, '会次应为正整数').max(20, '会次不超过 20'),
    openDate: isoDate,
    closeDate: isoDate,
    proposalDeadline: isoDateTime,
    expectedCount: z.number().int().min(0).max(100000).nullable().optional(),
    presentCount: z.number().int().min(0).max(100000).nullable().optional(),
  })
  .strict();
export const sessionInput = sessionFields.refine((s) => s.closeDate >= s.openDate, {
  message: '闭幕日期不能早于开幕日期',
  path: ['closeDate'],
});
export const sessionUpdate = updateOf(sessionFields);

// 界别
export const sectorInput = z
  .object({
    code: z
      .string()
      .trim()
      .max(20, '编码不超过 20 个字符')
      .regex(/^[A-Za-z0-9_-]*$/, '编码只能包含字母数字')
      .optional(),
    name: bodyName('界别名称', 30),
    kind: z.enum(sectorKinds, '界别类型不正确'),
    convenerIds: z.array(id).max(10, '召集人不超过 10 位').default([]),
    sortOrder: z.number().int().min(0).max(9999).default(0),
  })
  .strict();
export const sectorUpdate = updateOf(sectorInput);

// 参加单位
export const participatingUnitInput = z
  .object({
    name: bodyName('单位名称'),
    kind: z.enum(participatingUnitKinds, '单位类型不正确'),
    sealRequired: bool.default(true),
    sortOrder: z.number().int().min(0).max(9999).default(0),
  })
  .strict();
export const participatingUnitUpdate = updateOf(participatingUnitInput);

// 专委会
export const specialCommitteeInput = z
  .object({
    name: bodyName('专委会名称', 40),
    isProposalsCommittee: bool.default(false),
    directorId: id.nullable().optional(),
    supervisingLeaderId: id.nullable().optional(),
    sortOrder: z.number().int().min(0).max(9999).default(0),
  })
  .strict();
export const specialCommitteeUpdate = updateOf(specialCommitteeInput);

// 委员
export const memberInput = z
  .object({
    termId: id,
    name: personName,
    gender: z.enum(genders, '性别应为“男”或“女”'),
    ethnicity: text('民族', 20).default('汉族'),
    birthDate: isoDate.nullable().optional(),
    politicalAffiliation: z.enum(politicalAffiliations, '政治面貌不正确'),
    sectorId: id,
    participatingUnitId: id.nullable().optional(),
    specialCommitteeIds: z.array(id).max(5, '所属专委会不超过 5 个').default([]),
    isStandingMember: bool.default(false),
    leadershipPosition: z.enum(leadershipPositions, '领导职务不正确').nullable().optional(),
    workUnit: text('工作单位', 100).default(''),
    jobTitle: text('职务', 50).default(''),
    mobile: mobile.nullable().optional(),
    email: email.nullable().optional(),
    status: z.enum(memberStatuses, '委员状态不正确').default('active'),
    joinedAt: isoDate,
    leftAt: isoDate.nullable().optional(),
    reasonLeft: text('离任原因', 200).nullable().optional(),
  })
  .strict();
export const memberUpdate = updateOf(memberInput);
export const memberListQuery = pageQuery
  .extend({
    q: listText,
    termId: id.optional(),
    sectorId: id.optional(),
    participatingUnitId: id.optional(),
    specialCommitteeId: id.optional(),
    status: z.enum(memberStatuses).optional(),
    isStandingMember: boolParam.optional(),
  })
  .strict();

// 承办单位
export const handlerUnitInput = z
  .object({
    name: bodyName('单位名称'),
    shortName: text('简称', 20).nullable().optional(),
    system: z.enum(handlerUnitSystems, '所属系统不正确'),
    parentUnitId: id.nullable().optional(),
    leaderName: personName.nullable().optional(),
    leaderTitle: text('领导职务', 50).nullable().optional(),
    contactName: personName.nullable().optional(),
    contactPhone: phone.nullable().optional(),
    isActive: bool.default(true),
  })
  .strict();
export const handlerUnitUpdate = updateOf(handlerUnitInput);

// 督查室
export const supervisionOfficeInput = z
  .object({
    name: bodyName('督查室名称'),
    system: z.enum(supervisionOfficeSystems, '所属系统不正确'),
    contactName: personName.nullable().optional(),
    contactPhone: phone.nullable().optional(),
  })
  .strict();
export const supervisionOfficeUpdate = updateOf(supervisionOfficeInput);

// 联络组 / 委员工作室 / 协商平台
export const platformInput = z
  .object({
    kind: z.enum(platformKinds, '类型不正确'),
    name: bodyName('名称', 80),
    orgLevel: z.enum(platformOrgLevels, '层级不正确'),
    location: text('地点', 100).nullable().optional(),
    theme: text('主题', 100).nullable().optional(),
    managerName: personName.nullable().optional(),
    openedAt: isoDate.nullable().optional(),
    memberIds: z.array(id).max(200, '成员不超过 200 人').default([]),
    isActive: bool.default(true),
  })
  .strict();
export const platformUpdate = updateOf(platformInput);

/** Lists other than members share this query: a search box, common filters, paging. */
export const directoryListQuery = pageQuery
  .extend({
    q: listText,
    kind: z.string().max(40).optional(),
    termId: id.optional(),
    system: z.string().max(40).optional(),
    orgLevel: z.enum(platformOrgLevels).optional(),
    isActive: boolParam.optional(),
  })
  .strict();

export const importReport = z.object({
  dryRun: z.boolean(),
  total: z.number().int(),
  valid: z.number().int(),
  imported: z.number().int(),
  rows: z.array(z.object({ row: z.number().int(), name: z.string(), errors: z.array(z.string()) })),
});
export type ImportReport = z.infer<typeof importReport>;
