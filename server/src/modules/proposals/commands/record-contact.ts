import type { z } from 'zod';
import type { contactInput } from '@tongxin/common/proposals/assignment-schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { currentTime } from '../clock.ts';
import { handlingContacts } from '../schema.ts';
import { loadAssignmentForAction } from './load-assignment.ts';

/** 办理沟通: the unit records a contact with the proposer before, during or after handling. */
export async function recordContact(
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof contactInput>,
  now: Date = currentTime(),
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const {
      assignment: a,
      proposal: p,
      today,
    } = await loadAssignmentForAction(tx, ctx.actor, id, 'record_contact', { now });
    if (input.contactedOn > today) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'contactedOn', message: '沟通日期不能晚于今天' }]);
    }
    const [row] = await tx
      .insert(handlingContacts)
      .values({
        committeeId: a.committeeId,
        assignmentId: id,
        stage: input.stage,
        method: input.method,
        contactedOn: input.contactedOn,
        participants: input.participants,
        notes: input.notes,
        recordedByUserId: ctx.actor.userId,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, auditSource(ctx), {
      action: 'assignment.contact_recorded',
      targetType: 'assignment',
      targetId: id,
      targetLabel: p.title,
      after: { contactId: row?.id, ...input },
    });
  });
}
