/** Calendar arithmetic for the month grids, on ISO dates (`YYYY-MM-DD`), free of the browser's time zone. */

export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday: Chinese calendars start the week on Monday. */
export function mondayIndex(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export function isWeekend(day: string): boolean {
  return mondayIndex(day) >= 5;
}

export interface Run<T> {
  from: number;
  to: number;
  item: T;
}

/** Consecutive days of a month with the same kind and name, e.g. 1–3 元旦. */
export function runsOf<T extends { day: string; kind: string; name: string }>(items: T[]): Run<T>[] {
  const runs: Run<T>[] = [];
  for (const item of items) {
    const d = Number(item.day.slice(8, 10));
    const last = runs.at(-1);
    if (last && last.to === d - 1 && last.item.kind === item.kind && last.item.name === item.name)
      last.to = d;
    else runs.push({ from: d, to: d, item });
  }
  return runs;
}
