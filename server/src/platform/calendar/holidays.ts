import { addCalendarDays, type DayKind } from './working-days.ts';

export interface HolidayRow {
  day: string;
  kind: DayKind;
  name: string;
}

/**
 * One block of a State Council notice: the days off (`from`–`to`, weekends inside the block included, so an
 * administrator sees the whole break as the notice writes it: "放假调休，共 N 天") and the weekend days worked
 * instead (调休上班).
 */
interface NoticeBlock {
  name: string;
  from: string;
  to: string;
  workdays?: string[];
}

/**
 * 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）. The first year under the
 * 2024 revision of 《全国年节及纪念日放假办法》 (除夕 and 5月2日 added).
 */
const notice2025: NoticeBlock[] = [
  { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
  { name: '春节', from: '2025-01-28', to: '2025-02-04', workdays: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
  { name: '劳动节', from: '2025-05-01', to: '2025-05-05', workdays: ['2025-04-27'] },
  { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
  {
    name: '国庆节、中秋节',
    from: '2025-10-01',
    to: '2025-10-08',
    workdays: ['2025-09-28', '2025-10-11'],
  },
];

/**
 * 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社11月4日受权发布）. 中秋节 and 国庆节 are
 * separate breaks this year.
 */
const notice2026: NoticeBlock[] = [
  { name: '元旦', from: '2026-01-01', to: '2026-01-03', workdays: ['2026-01-04'] },
  { name: '春节', from: '2026-02-15', to: '2026-02-23', workdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05', workdays: ['2026-05-09'] },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
  { name: '国庆节', from: '2026-10-01', to: '2026-10-07', workdays: ['2026-09-20', '2026-10-10'] },
];

function rowsOf(blocks: NoticeBlock[]): HolidayRow[] {
  const rows: HolidayRow[] = [];
  for (const b of blocks) {
    for (let day = b.from; day <= b.to; day = addCalendarDays(day, 1)) {
      rows.push({ day, kind: 'holiday', name: b.name });
    }
    for (const day of b.workdays ?? []) rows.push({ day, kind: 'workday', name: `${b.name}调休上班` });
  }
  return rows.sort((a, b) => a.day.localeCompare(b.day));
}

/** Years whose official holiday notice is pre-filled for every new committee. */
export const officialHolidayYears = [2025, 2026] as const;

/**
 * The official holidays and 调休 working days of 2025 and 2026, one row per day: every day off of each break
 * (weekends included) as `holiday`, every weekend day worked as `workday`.
 */
export const officialHolidays: readonly HolidayRow[] = [...rowsOf(notice2025), ...rowsOf(notice2026)];
