import { and, eq } from 'drizzle-orm';
import type { FieldIssue } from '@tongxin/common/errors.ts';
import { type RoleGrant, roleCatalog } from '@tongxin/common/roles.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import {
  handlerUnits,
  members,
  participatingUnits,
  specialCommittees,
  supervisionOffices,
} from '../../org/schema.ts';

const scopeTables = {
  member: members,
  special_committee: specialCommittees,
  participating_unit: participatingUnits,
  handler_unit: handlerUnits,
  supervision_office: supervisionOffices,
} as const;

/** A scoped role needs a body of the right kind in the same committee; an unscoped role takes none. */
export async function checkGrants(db: Db, committeeId: string, grants: RoleGrant[]): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const [i, g] of grants.entries()) {
    const scope = roleCatalog[g.role].scope;
    if (!scope) {
      if (g.scopeId)
        issues.push({
          path: `roles.${i}.scopeId`,
          message: `角色“${roleCatalog[g.role].zh}”不需要选择所属单位`,
        });
      continue;
    }
    if (!g.scopeId) {
      issues.push({
        path: `roles.${i}.scopeId`,
        message: `角色“${roleCatalog[g.role].zh}”须选择所属单位或委员`,
      });
      continue;
    }
    const table = scopeTables[scope];
    const [found] = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, g.scopeId), eq(table.committeeId, committeeId)));
    if (!found)
      issues.push({ path: `roles.${i}.scopeId`, message: `角色“${roleCatalog[g.role].zh}”所选单位不存在` });
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
}
