import { and, eq } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../audit/record.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { canCalendar } from '../calendar.policy.ts';
import { calendarDays } from '../schema.ts';

/**
 * Clears one day of the committee's calendar, so it follows the plain Monday–Friday week again.
 * Sysadmin only (403); a day without an entry is 404; a stale `expectedVersion` is 409. One audit row.
 */
export async function deleteCalendarDay(
  ctx: RequestContext,
  day: string,
  expectedVersion?: number,
): Promise<void> {
  if (!canCalendar(ctx.actor, 'manage')) throw new AppError('FORBIDDEN');
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(calendarDays)
      .where(and(eq(calendarDays.committeeId, ctx.actor.committeeId), eq(calendarDays.day, day)))
      .for('update');
    if (!before) throw new AppError('NOT_FOUND');
    if (expectedVersion !== undefined && before.version !== expectedVersion) {
      throw new AppError('VERSION_CONFLICT', { currentVersion: before.version, expectedVersion });
    }
    await tx.delete(calendarDays).where(eq(calendarDays.id, before.id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'calendar_day.deleted',
      targetType: 'calendar_day',
      targetId: before.id,
      targetLabel: `${day} ${before.name}`,
      before,
    });
  });
}
