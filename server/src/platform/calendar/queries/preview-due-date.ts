import type { Actor } from '../../authz/actor.ts';
import type { Db } from '../../db/connect.ts';
import { type Duration, dueDate, workingDaysBetween } from '../working-days.ts';
import { loadCalendar } from './load-calendar.ts';

export interface DuePreview {
  start: string;
  due: string;
  /** Working days after the start up to and including the due day. */
  workingDays: number;
  /** Years the period touches for which the committee's calendar has no entry at all: holidays unknown. */
  yearsWithoutCalendar: number[];
}

/** The due day of a period starting on `start`, on the actor's committee calendar (期限试算). */
export async function previewDueDate(db: Db, actor: Actor, start: string, d: Duration): Promise<DuePreview> {
  const ex = await loadCalendar(db, actor.committeeId);
  const due = dueDate(start, d, ex);
  const covered = new Set([...ex.keys()].map((day) => Number(day.slice(0, 4))));
  const yearsWithoutCalendar: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(due.slice(0, 4)); y++) {
    if (!covered.has(y)) yearsWithoutCalendar.push(y);
  }
  return { start, due, workingDays: workingDaysBetween(start, due, ex), yearsWithoutCalendar };
}
