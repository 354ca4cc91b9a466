/**
 * Deadline arithmetic on the Chinese working-day calendar. Pure functions over ISO dates (`YYYY-MM-DD`):
 * no database, no local time zone. Days are the calendar days of Asia/Shanghai (UTC+8 all year, no DST).
 *
 * Conventions (domain.md §3.3): `wd` working days, `nd` natural days, `mo` calendar months. Periods follow
 * 民法典 第二百零一条–第二百零三条: the start day is not counted; a month period ends on the corresponding day
 * of the due month (or its last day when there is none); a period whose last day is a 法定休假日 ends on the
 * first day after the holiday.
 */

export type DayKind = 'holiday' | 'workday';

/** ISO date → exception to the Monday–Friday week: a weekday `holiday` or a weekend `workday` (调休). */
export type CalendarExceptions = ReadonlyMap<string, DayKind>;

export type DurationUnit = 'wd' | 'nd' | 'mo';

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

const dayMs = 86_400_000;
const shanghaiOffsetMs = 8 * 3_600_000;
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
/** No period of this platform comes near it; a calendar marking a whole year as holiday is a data error. */
const maxScanDays = 366;

/** Whether `s` is a real calendar date written `YYYY-MM-DD` (2025-02-29 is not). */
export function isIsoDate(s: string): boolean {
  const m = isoPattern.exec(s);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === s;
}

/** Midnight UTC of the date, as a day number we can add to. */
function toUtc(day: string): number {
  if (!isIsoDate(day)) throw new RangeError(`not an ISO date: ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function assertCount(n: number, what: string) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number ≥ 0, not ${n}`);
}

/** The calendar date in Asia/Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid date');
  return fromUtc(t + shanghaiOffsetMs);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(toUtc(day)).getUTCDay();
}

export function isWeekend(day: string): boolean {
  const w = weekday(day);
  return w === 0 || w === 6;
}

/** Monday–Friday unless marked `holiday`; Saturday and Sunday only when marked `workday` (调休上班). */
export function isWorkingDay(day: string, ex: CalendarExceptions): boolean {
  const kind = ex.get(day);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return !isWeekend(day);
}

export function addCalendarDays(day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`days must be a whole number, not ${n}`);
  return fromUtc(toUtc(day) + n * dayMs);
}

/** The same day of the month `n` months later; clamped to the month's last day (01-31 + 1 mo → 02-28/29). */
export function addMonths(day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`months must be a whole number, not ${n}`);
  const d = new Date(toUtc(day));
  const monthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth() + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)));
}

/** The n-th working day after `day` (`day` itself not counted); n = 0 gives `day`. */
export function addWorkingDays(day: string, n: number, ex: CalendarExceptions): string {
  assertCount(n, 'working days');
  let t = toUtc(day);
  let gap = 0;
  for (let left = n; left > 0; ) {
    t += dayMs;
    if (isWorkingDay(fromUtc(t), ex)) {
      left--;
      gap = 0;
    } else if (++gap > maxScanDays) {
      throw new RangeError(`no working day within ${maxScanDays} days after ${fromUtc(t - gap * dayMs)}`);
    }
  }
  return fromUtc(t);
}

/** `day` if it is a working day, else the first working day after it. */
export function nextWorkingDayFrom(day: string, ex: CalendarExceptions): string {
  let t = toUtc(day);
  for (let i = 0; i <= maxScanDays; i++, t += dayMs) {
    if (isWorkingDay(fromUtc(t), ex)) return fromUtc(t);
  }
  throw new RangeError(`no working day within ${maxScanDays} days from ${day}`);
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, ex: CalendarExceptions): number {
  const a = toUtc(from);
  const b = toUtc(to);
  if (b < a) return -workingDaysBetween(to, from, ex);
  let count = 0;
  for (let t = a + dayMs; t <= b; t += dayMs) if (isWorkingDay(fromUtc(t), ex)) count++;
  return count;
}

/**
 * The last day of a period that starts on `start` (an instant is read as its Shanghai date). `wd`: the
 * amount-th working day after the start. `nd`/`mo`: the calendar end (民法典 第二百零一、二百零二条), moved to
 * the next working day when it falls on a holiday or a weekend (第二百零三条); a 调休 working Saturday stays.
 */
export function dueDate(start: Date | string, d: Duration, ex: CalendarExceptions): string {
  assertCount(d.amount, 'amount');
  const from = typeof start === 'string' ? fromUtc(toUtc(start)) : shanghaiDate(start);
  switch (d.unit) {
    case 'wd':
      return addWorkingDays(from, d.amount, ex);
    case 'nd':
      return nextWorkingDayFrom(addCalendarDays(from, d.amount), ex);
    case 'mo':
      return nextWorkingDayFrom(addMonths(from, d.amount), ex);
    default:
      throw new RangeError(`unknown duration unit: ${String((d as { unit: unknown }).unit)}`);
  }
}

/** The end of a due day: 23:59:59.999 in Shanghai (第二百零三条: the last day ends at 24:00), as a UTC instant. */
export function dueInstant(day: string): Date {
  return new Date(toUtc(day) + dayMs - 1 - shanghaiOffsetMs);
}

const unitLabels: Record<DurationUnit, (n: number) => string> = {
  wd: (n) => `${n} 个工作日`,
  nd: (n) => `${n} 日`,
  mo: (n) => `${n} 个月`,
};

/** '7 个工作日' / '30 日' / '3 个月', as Chinese rules write them. */
export function formatDuration(d: Duration): string {
  return unitLabels[d.unit](d.amount);
}
