import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { withNotesSheet, writeSheet } from '../../../platform/excel/workbook.ts';
import type { ImportSpec } from '../import/import-spec.ts';

/** An .xlsx with the import's columns, one example row, and a sheet listing the allowed values. */
export async function importTemplate(db: Db, actor: Actor, spec: ImportSpec): Promise<Buffer> {
  const lookups = await spec.loadLookups(db, actor.committeeId);
  const sheet = await writeSheet(
    spec.sheetName,
    spec.columns.map((c) => ({
      header: c.header,
      width: Math.max(12, c.example.length * 2 + 4),
      value: () => c.example,
    })),
    [{}],
  );
  const notes = spec.columns.map((c) => [
    `${c.header}${c.required ? '（必填）' : ''}`,
    typeof c.note === 'function' ? c.note(lookups) : (c.note ?? ''),
  ]);
  return withNotesSheet(sheet, '填写说明', [['列', '说明'], ...notes]);
}
