import { eq, sql } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { canOrg } from '../org.policy.ts';
import { getOrgRecord } from '../queries/list-org-records.ts';
import { visibleOrgRecords } from '../queries/visible-org-records.ts';
import type { OrgResource, Row, View } from '../resources/types.ts';
import { checkReferences, splitInput, writeLinks } from './check-references.ts';

/**
 * Locks the row the actor may see (404 otherwise), checks the manage policy (403) and the version the
 * editor saw (409), so two people saving at once cannot overwrite each other.
 */
export async function lockForWrite(
  tx: Db,
  actor: Actor,
  resource: OrgResource,
  id: string,
  expectedVersion: number,
): Promise<Row> {
  const [row] = (await tx
    .select()
    .from(resource.table)
    .where(visibleOrgRecords(actor, resource, [eq(resource.table.id, id)]))
    .for('update')) as Row[];
  if (!row) throw new AppError('NOT_FOUND');
  if (!canOrg(actor, resource.key, 'manage')) throw new AppError('FORBIDDEN');
  if (row.version !== expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { currentVersion: row.version, expectedVersion });
  }
  return row;
}

/** Changes a directory record; only the fields sent are changed. One audit row with before and after. */
export async function updateOrgRecord(
  ctx: RequestContext,
  resource: OrgResource,
  id: string,
  input: Record<string, unknown> & { expectedVersion: number },
): Promise<View> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockForWrite(tx, ctx.actor, resource, id, input.expectedVersion);
    await checkReferences(tx, ctx.actor.committeeId, resource, input);
    await resource.validate?.(tx, ctx.actor.committeeId, input, before);
    const { columns, links } = splitInput(resource, input);
    const [after] = (await tx
      .update(resource.table)
      .set({ ...columns, version: sql`${resource.table.version} + 1`, updatedAt: new Date() } as never)
      .where(eq(resource.table.id, id))
      .returning()) as Row[];
    await writeLinks(tx, resource, ctx.actor.committeeId, id, links);
    await recordAudit(tx, auditSource(ctx), {
      action: `${resource.targetType}.updated`,
      targetType: resource.targetType,
      targetId: id,
      targetLabel: resource.describe(after ?? before),
      before,
      after: { ...after, ...links },
    });
  });
  return getOrgRecord(ctx.db, ctx.actor, resource, id);
}
