import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { canOrg } from '../org.policy.ts';
import { getOrgRecord } from '../queries/list-org-records.ts';
import type { OrgResource, Row, View } from '../resources/types.ts';
import { checkReferences, splitInput, writeLinks } from './check-references.ts';

/**
 * Adds a record to a directory list in the actor's committee: policy, references, the resource's own
 * invariants, insert, link rows and one audit row — all in one transaction.
 */
export async function createOrgRecord(
  ctx: RequestContext,
  resource: OrgResource,
  input: Record<string, unknown>,
): Promise<View> {
  if (!canOrg(ctx.actor, resource.key, 'manage')) throw new AppError('FORBIDDEN');
  const committeeId = ctx.actor.committeeId;
  const id = await ctx.db.transaction(async (tx) => {
    await checkReferences(tx, committeeId, resource, input);
    await resource.validate?.(tx, committeeId, input);
    const { columns, links } = splitInput(resource, input);
    const [row] = (await tx
      .insert(resource.table)
      .values({ ...columns, committeeId } as never)
      .returning()) as Row[];
    if (!row) throw new AppError('INTERNAL');
    await writeLinks(tx, resource, committeeId, row.id, links);
    await recordAudit(tx, auditSource(ctx), {
      action: `${resource.targetType}.created`,
      targetType: resource.targetType,
      targetId: row.id,
      targetLabel: resource.describe(row),
      after: { ...row, ...links },
    });
    return row.id;
  });
  return getOrgRecord(ctx.db, ctx.actor, resource, id);
}
