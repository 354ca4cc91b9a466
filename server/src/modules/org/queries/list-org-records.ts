import { count, eq } from 'drizzle-orm';
import type { Page } from '@tongxin/common/pagination.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { OrgResource, Row, View } from '../resources/types.ts';
import { searchCondition, visibleOrgRecords } from './visible-org-records.ts';

export const exportRowLimit = 50_000;

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
  const rows = (await db
    .select()
    .from(resource.table)
    .where(where)
    .orderBy(...resource.orderBy)
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as Row[];
  const total = opts.all
    ? rows.length
    : rows.length < pageSize && page === 1
      ? rows.length
      : ((await db.select({ n: count() }).from(resource.table).where(where))[0]?.n ?? 0);
  return { items: await resource.present(db, actor, rows), total, page, pageSize };
}

/** One record, or 404 when it does not exist or lies outside what the actor may see. */
export async function getOrgRecord(db: Db, actor: Actor, resource: OrgResource, id: string): Promise<View> {
  const [row] = (await db
    .select()
    .from(resource.table)
    .where(visibleOrgRecords(actor, resource, [eq(resource.table.id, id)]))) as Row[];
  if (!row) throw new AppError('NOT_FOUND');
  const [view] = await resource.present(db, actor, [row]);
  return view as View;
}
