import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/connect.ts';
import { terms } from '../schema.ts';
import type { BusinessTable, LinkSpec, Row } from './types.ts';

/** id → name for the referenced rows, in one query. */
export async function namesOf(db: Db, table: BusinessTable & { name?: unknown }, ids: unknown[]) {
  const wanted = [...new Set(ids.filter((v): v is string => typeof v === 'string'))];
  const map = new Map<string, string>();
  if (wanted.length === 0) return map;
  const t = table as BusinessTable & { name: BusinessTable['id'] };
  const rows = await db.select({ id: t.id, name: t.name }).from(t).where(inArray(t.id, wanted));
  for (const r of rows) map.set(r.id as string, r.name as string);
  return map;
}

/** owner id → [{id, name}] of the linked rows, in one query. */
export async function linksOf(db: Db, link: LinkSpec, owners: Row[]) {
  const map = new Map<string, { id: string; name: string }[]>();
  if (owners.length === 0) return map;
  const target = link.targetTable as BusinessTable & { name: BusinessTable['id'] };
  const rows = await db
    .select({ owner: link.ownerColumn, id: target.id, name: target.name })
    .from(link.joinTable)
    .innerJoin(target, eq(target.id, link.targetColumn))
    .where(
      inArray(
        link.ownerColumn,
        owners.map((o) => o.id),
      ),
    );
  for (const r of rows) {
    const list = map.get(r.owner as string) ?? [];
    list.push({ id: r.id as string, name: r.name as string });
    map.set(r.owner as string, list);
  }
  return map;
}

export function iso(value: unknown): string | null {
  return value instanceof Date ? value.toISOString() : value == null ? null : String(value);
}

/** The common part of every view. */
export function baseView(row: Row) {
  return {
    id: row.id,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function yesNo(v: unknown): string {
  return v ? '是' : '否';
}

/** term id → term number (届次) for the rows' `termId`, in one query. */
export async function termNosOf(db: Db, rows: Row[]) {
  const ids = [...new Set(rows.map((r) => r.termId as string))];
  const map = new Map<string, number>();
  if (ids.length === 0) return map;
  for (const t of await db
    .select({ id: terms.id, termNo: terms.termNo })
    .from(terms)
    .where(inArray(terms.id, ids))) {
    map.set(t.id, t.termNo);
  }
  return map;
}
