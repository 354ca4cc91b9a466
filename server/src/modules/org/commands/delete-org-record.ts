import { eq } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError, pgErrorCode } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import type { OrgResource } from '../resources/types.ts';
import { lockForWrite } from './update-org-record.ts';

/**
 * Removes a directory record. A record still referenced elsewhere (a sector with members, a unit with
 * proposals) is refused with 409 IN_USE by the foreign keys, and nothing changes.
 */
export async function deleteOrgRecord(
  ctx: RequestContext,
  resource: OrgResource,
  id: string,
  expectedVersion: number,
): Promise<void> {
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await lockForWrite(tx, ctx.actor, resource, id, expectedVersion);
      for (const link of resource.links) await tx.delete(link.joinTable).where(eq(link.ownerColumn, id));
      await tx.delete(resource.table).where(eq(resource.table.id, id));
      await recordAudit(tx, auditSource(ctx), {
        action: `${resource.targetType}.deleted`,
        targetType: resource.targetType,
        targetId: id,
        targetLabel: resource.describe(before),
        before,
      });
    });
  } catch (err) {
    if (pgErrorCode(err) === '23503') throw new AppError('IN_USE');
    throw err;
  }
}
