import { and, eq, isNotNull } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { codeForLabel, enumLabels } from '@tongxin/common/org/enums.ts';
import { chineseNumber } from '../resources/simple.ts';
import { memberResource } from '../resources/members.ts';
import { members, participatingUnits, sectors, specialCommittees, terms } from '../schema.ts';
import { byName, type Converted, type ImportSpec, type Lookups, toBool, toIsoDate } from './import-spec.ts';

function byLabel(kind: keyof typeof enumLabels, label: string) {
  return (text: string): Converted => {
    if (!text) return {};
    const code = codeForLabel(kind, text);
    return code ? { value: code } : { error: `${label}“${text}”不在可选范围内` };
  };
}

const listOf = (dict: Record<string, string>) => Object.values(dict).join('、');

/** 委员名册 import: one row per member, references written by name as people keep them in Excel. */
export const memberImport: ImportSpec = {
  resource: memberResource,
  sheetName: '委员名册',
  columns: [
    { header: '姓名', field: 'name', required: true, example: '王建国' },
    { header: '性别', field: 'gender', required: true, example: '男', convert: byLabel('gender', '性别') },
    { header: '民族', field: 'ethnicity', example: '汉族' },
    { header: '出生日期', field: 'birthDate', example: '1972-05-18', convert: toIsoDate },
    {
      header: '政治面貌',
      field: 'politicalAffiliation',
      required: true,
      example: '民盟盟员',
      convert: byLabel('politicalAffiliation', '政治面貌'),
      note: listOf(enumLabels.politicalAffiliation),
    },
    {
      header: '界别',
      field: 'sectorId',
      required: true,
      example: '教育界',
      convert: byName('sector', '界别'),
      note: (l) => [...(l.sector?.keys() ?? [])].join('、'),
    },
    {
      header: '参加单位',
      field: 'participatingUnitId',
      example: '',
      convert: byName('unit', '参加单位'),
      note: (l) => [...(l.unit?.keys() ?? [])].join('、'),
    },
    {
      header: '专委会',
      field: 'specialCommitteeIds',
      example: '教育科技卫生体育委员会',
      convert: (text, l) => {
        const names = text
          .split(/[、,，;；]/)
          .map((s) => s.trim())
          .filter(Boolean);
        const missing = names.filter((n) => !l.committee?.has(n));
        if (missing.length) return { error: `专委会“${missing.join('、')}”不存在` };
        return { value: names.map((n) => l.committee?.get(n)) };
      },
      note: '多个专委会用顿号“、”分隔',
    },
    { header: '是否常委', field: 'isStandingMember', example: '否', convert: toBool },
    {
      header: '领导职务',
      field: 'leadershipPosition',
      example: '',
      convert: byLabel('leadershipPosition', '领导职务'),
      note: listOf(enumLabels.leadershipPosition),
    },
    { header: '工作单位', field: 'workUnit', example: '同心市第一中学' },
    { header: '职务', field: 'jobTitle', example: '校长' },
    { header: '手机', field: 'mobile', example: '13900001111' },
    { header: '电子邮箱', field: 'email', example: '' },
    {
      header: '状态',
      field: 'status',
      example: '在任',
      convert: byLabel('memberStatus', '状态'),
      note: `${listOf(enumLabels.memberStatus)}；不填为在任`,
    },
    { header: '任职日期', field: 'joinedAt', required: true, example: '2022-01-10', convert: toIsoDate },
    { header: '离任日期', field: 'leftAt', example: '', convert: toIsoDate },
    { header: '离任原因', field: 'reasonLeft', example: '' },
    {
      header: '届次',
      field: 'termId',
      example: '14',
      convert: (text, l) => {
        if (!text) return {};
        const no = text.replace(/[第届]/g, '');
        const id = l.term?.get(no);
        return id ? { value: id } : { error: `届次“${text}”不存在` };
      },
      note: '填数字，如 14；不填为当前届次',
    },
  ],
  async loadLookups(db, committeeId) {
    const mine = (t: { committeeId: PgColumn }) => eq(t.committeeId, committeeId);
    const [s, u, c, t] = await Promise.all([
      db.select({ id: sectors.id, name: sectors.name }).from(sectors).where(mine(sectors)),
      db
        .select({ id: participatingUnits.id, name: participatingUnits.name })
        .from(participatingUnits)
        .where(mine(participatingUnits)),
      db
        .select({ id: specialCommittees.id, name: specialCommittees.name })
        .from(specialCommittees)
        .where(mine(specialCommittees)),
      db.select({ id: terms.id, termNo: terms.termNo }).from(terms).where(mine(terms)),
    ]);
    const termMap = new Map<string, string>();
    for (const x of t) {
      termMap.set(String(x.termNo), x.id);
      termMap.set(chineseNumber(x.termNo), x.id);
    }
    const latest = [...t].sort((a, b) => b.termNo - a.termNo)[0];
    const lookups: Lookups = {
      sector: new Map(s.map((x) => [x.name, x.id])),
      unit: new Map(u.map((x) => [x.name, x.id])),
      committee: new Map(c.map((x) => [x.name, x.id])),
      term: termMap,
      currentTerm: new Map(latest ? [['id', latest.id]] : []),
    };
    return lookups;
  },
  defaults: (l) => ({ termId: l.currentTerm?.get('id') }),
  uniqueFields: [
    {
      field: 'mobile',
      label: '手机号',
      async existing(db, committeeId) {
        const rows = await db
          .select({ v: members.mobile })
          .from(members)
          .where(and(eq(members.committeeId, committeeId), isNotNull(members.mobile)));
        return new Set(rows.map((r) => r.v as string));
      },
    },
  ],
};
