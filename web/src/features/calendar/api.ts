import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type DayKind = 'holiday' | 'workday';
export type DurationUnit = 'wd' | 'nd' | 'mo';

export interface CalendarDay {
  day: string;
  kind: DayKind;
  name: string;
  version: number;
}

export interface DuePreview {
  start: string;
  due: string;
  workingDays: number;
  yearsWithoutCalendar: number[];
}

export interface DueQuery {
  start: string;
  amount: number;
  unit: DurationUnit;
}

export const calendarKey = ['calendar'] as const;

export function useCalendarDays(year: number) {
  return useQuery({
    queryKey: [...calendarKey, 'days', year],
    queryFn: ({ signal }) =>
      api<{ year: number; items: CalendarDay[] }>('/calendar/days', { query: { year }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The due preview of the submitted query; refreshed with the calendar when a day is edited. */
export function useDuePreview(query: DueQuery | null) {
  return useQuery({
    queryKey: [...calendarKey, 'due', query],
    queryFn: ({ signal }) => api<DuePreview>('/calendar/due', { query: { ...query }, signal }),
    enabled: query !== null,
  });
}

// The shared client lists the methods the older pages use; fetch itself sends PUT as it is.

export function setCalendarDay(day: string, body: { kind: DayKind; name: string; expectedVersion?: number }) {
  return api<CalendarDay>(`/calendar/days/${day}`, { method: 'PUT', body });
}

export function clearCalendarDay(day: string, expectedVersion: number) {
  return api<void>(`/calendar/days/${day}`, { method: 'DELETE', query: { expectedVersion } });
}
