import { and, eq, inArray } from 'drizzle-orm';
import type { FieldIssue } from '@tongxin/common/errors.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { handlerUnits, members } from '../../org/schema.ts';

/** Co-signers must be active members of the committee; suggested units must exist in it. */
export async function checkProposalRefs(
  tx: Db,
  committeeId: string,
  input: { cosignerIds?: string[]; suggestedHandlerUnitIds?: string[] },
  leadMemberId: string | null,
): Promise<void> {
  const issues: FieldIssue[] = [];
  const cosigners = [...new Set(input.cosignerIds ?? [])];
  if (leadMemberId && cosigners.includes(leadMemberId)) {
    issues.push({ path: 'cosignerIds', message: '提案人不能同时作为联名人' });
  }
  if (cosigners.length) {
    const found = await tx
      .select({ id: members.id })
      .from(members)
      .where(
        and(
          inArray(members.id, cosigners),
          eq(members.committeeId, committeeId),
          eq(members.status, 'active'),
        ),
      );
    if (found.length !== cosigners.length)
      issues.push({ path: 'cosignerIds', message: '联名人须为本届在任委员' });
  }
  const units = [...new Set(input.suggestedHandlerUnitIds ?? [])];
  if (units.length) {
    const found = await tx
      .select({ id: handlerUnits.id })
      .from(handlerUnits)
      .where(and(inArray(handlerUnits.id, units), eq(handlerUnits.committeeId, committeeId)));
    if (found.length !== units.length)
      issues.push({ path: 'suggestedHandlerUnitIds', message: '建议的承办单位不存在' });
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
}
