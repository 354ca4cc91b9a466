import { and, eq, inArray } from 'drizzle-orm';
import type { FieldIssue } from '@tongxin/common/errors.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { OrgResource } from '../resources/types.ts';

/**
 * Every id in the input must name a row of the same committee: a foreign key alone would accept another
 * committee's sector. Reports all bad fields at once.
 */
export async function checkReferences(
  db: Db,
  committeeId: string,
  resource: OrgResource,
  input: Record<string, unknown>,
) {
  const issues: FieldIssue[] = [];
  for (const ref of resource.refs) {
    const value = input[ref.field];
    if (typeof value !== 'string') continue;
    const [found] = await db
      .select({ id: ref.table.id })
      .from(ref.table)
      .where(and(eq(ref.table.id, value), eq(ref.table.committeeId, committeeId)));
    if (!found) issues.push({ path: ref.field, message: `所选${ref.label}不存在` });
  }
  for (const link of resource.links) {
    const ids = input[link.field];
    if (!Array.isArray(ids) || ids.length === 0) continue;
    const unique = [...new Set(ids as string[])];
    const found = await db
      .select({ id: link.targetTable.id })
      .from(link.targetTable)
      .where(and(inArray(link.targetTable.id, unique), eq(link.targetTable.committeeId, committeeId)));
    if (found.length !== unique.length)
      issues.push({ path: link.field, message: `所选${link.label}中有不存在的记录` });
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
}

/** Splits input into the row's own columns and the link lists kept in join tables. */
export function splitInput(resource: OrgResource, input: Record<string, unknown>) {
  const columns: Record<string, unknown> = {};
  const links: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'expectedVersion' || value === undefined) continue;
    if (resource.links.some((l) => l.field === key)) links[key] = [...new Set(value as string[])];
    else columns[key] = value;
  }
  return { columns: resource.toColumns ? resource.toColumns(columns) : columns, links };
}

/** Replaces the join-table rows of each given link list. */
export async function writeLinks(
  db: Db,
  resource: OrgResource,
  committeeId: string,
  ownerId: string,
  links: Record<string, string[]>,
) {
  for (const link of resource.links) {
    const ids = links[link.field];
    if (!ids) continue;
    await db.delete(link.joinTable).where(eq(link.ownerColumn, ownerId));
    if (ids.length === 0) continue;
    await db
      .insert(link.joinTable)
      .values(ids.map((id) => ({ committeeId, [link.ownerKey]: ownerId, [link.targetKey]: id })) as never);
  }
}
