import type { Db } from '../../../platform/db/connect.ts';
import type { OrgResource } from '../resources/types.ts';

export type Converted = { value?: unknown; error?: string };
export type Lookups = Record<string, Map<string, string>>;

export interface ImportColumn {
  header: string;
  field: string;
  required?: boolean;
  /** Shown in the template's example row. */
  example: string;
  /** Text of the cell → value of the field; absent = the text itself (empty → omitted). */
  convert?: (text: string, lookups: Lookups) => Converted;
  /** Explanation of allowed values for the template's notes sheet. */
  note?: string | ((lookups: Lookups) => string);
}

/** How the rows of one Excel file become create inputs of one directory resource. */
export interface ImportSpec {
  resource: OrgResource;
  sheetName: string;
  columns: ImportColumn[];
  loadLookups: (db: Db, committeeId: string) => Promise<Lookups>;
  /** Fields whose values must be unique within the file and against existing rows; message names the field. */
  uniqueFields: {
    field: string;
    label: string;
    existing: (db: Db, committeeId: string) => Promise<Set<string>>;
  }[];
  /** Defaults for fields the sheet does not carry (e.g. the current term). */
  defaults?: (lookups: Lookups) => Record<string, unknown>;
}

const dateRe = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** 1975/3/2, 1975.03.02, 1975年3月2日 → 1975-03-02. */
export function toIsoDate(text: string): Converted {
  if (!text) return {};
  const m = dateRe.exec(text.replace(/\s/g, '').slice(0, 20)) ?? dateRe.exec(text.slice(0, 10));
  if (!m) return { error: `日期“${text}”格式不正确，应为 YYYY-MM-DD` };
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso)
    return { error: `日期“${text}”不存在` };
  return { value: iso };
}

export function toBool(text: string): Converted {
  if (!text) return {};
  if (['是', 'Y', 'y', '1', 'true', 'TRUE', '√'].includes(text)) return { value: true };
  if (['否', 'N', 'n', '0', 'false', 'FALSE', ''].includes(text)) return { value: false };
  return { error: `“${text}”应填“是”或“否”` };
}

export function byName(kind: string, label: string) {
  return (text: string, lookups: Lookups): Converted => {
    if (!text) return {};
    const id = lookups[kind]?.get(text);
    return id ? { value: id } : { error: `${label}“${text}”不存在` };
  };
}
