import { count, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Page } from '@tongxin/common/pagination.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { OrgResource, Row, View } from '../resources/types.ts';
import { searchCondition, visibleOrgRecords } from './visible-org-records.ts';

export const exportRowLimit = 50_000;

/** The row's columns plus the resource's computed ones. */
export function selectionOf(resource: OrgResource): Record<string, unknown> {
  return { ...getTableColumns(resource.table), ...(resource.extraColumns ?? {}) };
}

/** One page of a directory list, as the actor may see it, with filters and search. */
export async function listOrgRecords(
  db: Db,
  actor: Actor,
  resource: OrgResource,
  query: Record<string, unknown> & { page?: number; pageSize?: number },
  opts: { all?: boolean } = {},
): Promise<Page<View>> {
  const where = visibleOrgRecords(actor, resource, [
    ...resource.filters(query),
    searchCondition(resource, query.q),
  ]);
  const page = opts.all ? 1 : (query.page ?? 1);
  const pageSize = opts.all ? exportRowLimit : (query.pageSize ?? 20);
  // The total rides along as a window count, so a page costs one statement; an empty page past the end
  // still needs its own count.
  const rows = (await db
    .select({ ...selectionOf(resource), _total: sql<number>`count(*) over ()`.mapWith(Number) } as Record<
      string,
      SQL
    >)
    .from(resource.table)
    .where(where)
    .orderBy(...resource.orderBy)
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as (Row & { _total: number })[];
  const total =
    rows[0]?._total ??
    (page === 1 ? 0 : ((await db.select({ n: count() }).from(resource.table).where(where))[0]?.n ?? 0));
  for (const r of rows) delete (r as Partial<typeof r>)._total;
  return { items: await resource.present(db, actor, rows), total, page, pageSize };
}

/** One record, or 404 when it does not exist or lies outside what the actor may see. */
export async function getOrgRecord(db: Db, actor: Actor, resource: OrgResource, id: string): Promise<View> {
  const [row] = (await db
    .select(selectionOf(resource) as Record<string, SQL>)
    .from(resource.table)
    .where(visibleOrgRecords(actor, resource, [eq(resource.table.id, id)]))) as Row[];
  if (!row) throw new AppError('NOT_FOUND');
  const [view] = await resource.present(db, actor, [row]);
  return view as View;
}
