import { eq } from 'drizzle-orm';
import { codeForLabel, enumLabels } from '@tongxin/common/org/enums.ts';
import { handlerUnitResource } from '../resources/bodies.ts';
import { handlerUnits } from '../schema.ts';
import { byName, type ImportSpec, toBool } from './import-spec.ts';

const systemAliases: Record<string, string> = {
  党委: 'party',
  政府: 'government',
  法院: 'court_procuratorate',
  检察院: 'court_procuratorate',
};

/** 承办单位 import. */
export const handlerUnitImport: ImportSpec = {
  resource: handlerUnitResource,
  sheetName: '承办单位',
  columns: [
    { header: '单位名称', field: 'name', required: true, example: '同心市教育局' },
    { header: '简称', field: 'shortName', example: '市教育局' },
    {
      header: '所属系统',
      field: 'system',
      required: true,
      example: '政府系统',
      convert: (text) => {
        if (!text) return {};
        const code = codeForLabel('handlerUnitSystem', text) ?? systemAliases[text];
        return code ? { value: code } : { error: `所属系统“${text}”不在可选范围内` };
      },
      note: Object.values(enumLabels.handlerUnitSystem).join('、'),
    },
    {
      header: '上级单位',
      field: 'parentUnitId',
      example: '',
      convert: byName('unit', '上级单位'),
      note: '须为已有的承办单位',
    },
    { header: '分管领导', field: 'leaderName', example: '李明' },
    { header: '领导职务', field: 'leaderTitle', example: '副局长' },
    { header: '联系人', field: 'contactName', example: '赵敏' },
    { header: '联系电话', field: 'contactPhone', example: '0999-6012345' },
    { header: '是否启用', field: 'isActive', example: '是', convert: toBool },
  ],
  async loadLookups(db, committeeId) {
    const rows = await db
      .select({ id: handlerUnits.id, name: handlerUnits.name })
      .from(handlerUnits)
      .where(eq(handlerUnits.committeeId, committeeId));
    return { unit: new Map(rows.map((r) => [r.name, r.id])) };
  },
  uniqueFields: [
    {
      field: 'name',
      label: '单位名称',
      async existing(db, committeeId) {
        const rows = await db
          .select({ v: handlerUnits.name })
          .from(handlerUnits)
          .where(eq(handlerUnits.committeeId, committeeId));
        return new Set(rows.map((r) => r.v));
      },
    },
  ],
};
