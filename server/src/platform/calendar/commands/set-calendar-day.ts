import { and, eq, sql } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../audit/record.ts';
import { AppError } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { canCalendar } from '../calendar.policy.ts';
import { type CalendarDayView, presentCalendarDay } from '../queries/list-calendar-days.ts';
import { calendarDays } from '../schema.ts';
import { type DayKind, isWeekend } from '../working-days.ts';

export interface SetCalendarDayInput {
  kind: DayKind;
  name: string;
  /** The version the editor saw; omitted when marking a day that had no entry. */
  expectedVersion?: number;
}

/**
 * Marks one day of the committee's calendar as a holiday or a 调休 working day (insert or change).
 * Sysadmin only (403). A weekday cannot be a make-up working day: it is one already (400). With
 * `expectedVersion`, a day changed or removed meanwhile is refused (409). One audit row with before/after;
 * saving what is already there writes nothing.
 */
export async function setCalendarDay(
  ctx: RequestContext,
  day: string,
  input: SetCalendarDayInput,
): Promise<CalendarDayView> {
  if (!canCalendar(ctx.actor, 'manage')) throw new AppError('FORBIDDEN');
  if (input.kind === 'workday' && !isWeekend(day)) {
    throw new AppError('VALIDATION_FAILED', [
      { path: 'kind', message: '周一至周五本来就是工作日，只有周六、周日可以设为调休上班' },
    ]);
  }
  const committeeId = ctx.actor.committeeId;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(calendarDays)
      .where(and(eq(calendarDays.committeeId, committeeId), eq(calendarDays.day, day)))
      .for('update');
    if (input.expectedVersion !== undefined && before?.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', {
        currentVersion: before?.version ?? null,
        expectedVersion: input.expectedVersion,
      });
    }
    if (before && before.kind === input.kind && before.name === input.name) return presentCalendarDay(before);
    // No row to lock when the day is new: the upsert makes a concurrent insert of the same day an update.
    const [after] = await tx
      .insert(calendarDays)
      .values({ committeeId, day, kind: input.kind, name: input.name })
      .onConflictDoUpdate({
        target: [calendarDays.committeeId, calendarDays.day],
        set: {
          kind: input.kind,
          name: input.name,
          version: sql`${calendarDays.version} + 1`,
          updatedAt: new Date(),
        },
      })
      .returning();
    await recordAudit(tx, auditSource(ctx), {
      action: 'calendar_day.set',
      targetType: 'calendar_day',
      targetId: after!.id,
      targetLabel: `${day} ${input.name}`,
      before: before ?? null,
      after,
    });
    return presentCalendarDay(after!);
  });
}
