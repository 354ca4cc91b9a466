import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { officialHolidays } from './holidays.ts';
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  type CalendarExceptions,
  dueDate,
  dueInstant,
  formatDuration,
  isIsoDate,
  isWorkingDay,
  nextWorkingDayFrom,
  shanghaiDate,
  weekday,
  workingDaysBetween,
} from './working-days.ts';

// Expectations below are counted by hand on a paper calendar of 2025–2026, not computed by the code.
const official: CalendarExceptions = new Map(officialHolidays.map((h) => [h.day, h.kind]));
const plain: CalendarExceptions = new Map();

describe('official holiday data (国务院办公厅 notices for 2025 and 2026)', () => {
  const rows = (year: string, kind: 'holiday' | 'workday') =>
    officialHolidays.filter((h) => h.day.startsWith(year) && h.kind === kind).map((h) => h.day);

  it('has every day off of each break and every 调休 working day, once', () => {
    assert.equal(rows('2025', 'holiday').length, 1 + 8 + 3 + 5 + 3 + 8);
    assert.equal(rows('2026', 'holiday').length, 3 + 9 + 3 + 5 + 3 + 3 + 7);
    assert.deepEqual(rows('2025', 'workday'), [
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    assert.deepEqual(rows('2026', 'workday'), [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    const days = officialHolidays.map((h) => h.day);
    assert.equal(new Set(days).size, days.length);
    assert.deepEqual(days, [...days].sort());
  });

  it('agrees with the weekdays the notices print next to each date', () => {
    // 0 = 周日 … 6 = 周六, as written in the notices: "1月28日（农历除夕、周二）" …
    const printed: [string, number][] = [
      ['2025-01-01', 3],
      ['2025-01-28', 2],
      ['2025-02-04', 2],
      ['2025-01-26', 0],
      ['2025-02-08', 6],
      ['2025-04-04', 5],
      ['2025-05-01', 4],
      ['2025-05-05', 1],
      ['2025-04-27', 0],
      ['2025-05-31', 6],
      ['2025-10-01', 3],
      ['2025-10-08', 3],
      ['2025-09-28', 0],
      ['2025-10-11', 6],
      ['2026-01-01', 4],
      ['2026-01-03', 6],
      ['2026-01-04', 0],
      ['2026-02-15', 0],
      ['2026-02-23', 1],
      ['2026-02-14', 6],
      ['2026-02-28', 6],
      ['2026-04-04', 6],
      ['2026-04-06', 1],
      ['2026-05-01', 5],
      ['2026-05-05', 2],
      ['2026-05-09', 6],
      ['2026-06-19', 5],
      ['2026-09-25', 5],
      ['2026-10-01', 4],
      ['2026-10-07', 3],
      ['2026-09-20', 0],
      ['2026-10-10', 6],
    ];
    for (const [day, w] of printed) assert.equal(weekday(day), w, day);
    for (const h of officialHolidays.filter((x) => x.kind === 'workday')) {
      assert.ok([0, 6].includes(weekday(h.day)), `${h.day} 调休上班 must be a weekend day`);
    }
  });

  it('gives 248 working days in 2025 and in 2026', () => {
    // 261 weekdays each year; 2025: 18 weekday holidays, 5 make-up days; 2026: 19 and 6.
    assert.equal(workingDaysBetween('2024-12-31', '2025-12-31', official), 248);
    assert.equal(workingDaysBetween('2025-12-31', '2026-12-31', official), 248);
    assert.equal(workingDaysBetween('2025-12-31', '2026-12-31', plain), 261);
  });
});

describe('working days', () => {
  it('knows weekends, holidays and 调休 working days', () => {
    assert.equal(isWorkingDay('2026-02-13', official), true); // Friday before 春节
    assert.equal(isWorkingDay('2026-02-14', official), true); // Saturday, 调休上班
    assert.equal(isWorkingDay('2026-02-16', official), false); // Monday in 春节
    assert.equal(isWorkingDay('2026-03-07', official), false); // plain Saturday
    assert.equal(isWorkingDay('2026-03-09', official), true); // plain Monday
    assert.equal(isWorkingDay('2026-02-16', plain), true);
  });

  it('7 working days from Friday 2025-09-26 skip 10-1…10-8 and count Sunday 9-28 and Saturday 10-11', () => {
    // 9-28 (1) 9-29 (2) 9-30 (3) | 10-1…10-8 off | 10-9 (4) 10-10 (5) 10-11 (6) | 10-12 Sun | 10-13 (7)
    assert.equal(addWorkingDays('2025-09-26', 7, official), '2025-10-13');
    assert.equal(addWorkingDays('2025-09-26', 7, plain), '2025-10-07');
    assert.equal(workingDaysBetween('2025-09-26', '2025-10-13', official), 7);
    assert.equal(workingDaysBetween('2025-10-13', '2025-09-26', official), -7);
    assert.equal(workingDaysBetween('2025-10-13', '2025-10-13', official), 0);
  });

  it('15 working days from Tuesday 2026-02-10 run across 春节 2026 and both make-up Saturdays', () => {
    // 2-11 (1) 2-12 (2) 2-13 (3) 2-14 Sat (4) | 2-15…2-23 off | 2-24 (5) … 2-27 (8) 2-28 Sat (9)
    // | 3-2 (10) … 3-6 (14) | 3-9 (15)
    assert.equal(addWorkingDays('2026-02-10', 15, official), '2026-03-09');
    assert.equal(dueDate('2026-02-10', { amount: 15, unit: 'wd' }, official), '2026-03-09');
    assert.equal(workingDaysBetween('2026-02-13', '2026-02-24', official), 2);
  });

  it('crosses 劳动节 2025 and 元旦 2026', () => {
    // 4-27 Sun (1) 4-28 (2) 4-29 (3) 4-30 (4) | 5-1…5-5 off | 5-6 (5) 5-7 (6) 5-8 (7)
    assert.equal(addWorkingDays('2025-04-25', 7, official), '2025-05-08');
    // 12-31 (1) | 1-1…1-3 off | 1-4 Sun (2) 1-5 (3) 1-6 (4) 1-7 (5)
    assert.equal(addWorkingDays('2025-12-30', 5, official), '2026-01-07');
  });

  it('0 working days is the day itself; negative counts and bad dates are refused', () => {
    assert.equal(addWorkingDays('2026-02-16', 0, official), '2026-02-16');
    assert.throws(() => addWorkingDays('2026-02-16', -1, official), RangeError);
    assert.throws(() => addWorkingDays('2026-02-30', 1, official), RangeError);
    assert.throws(() => dueDate('2026-01-05', { amount: 1.5, unit: 'wd' }, official), RangeError);
  });

  it('finds the next working day from a day, and gives up on a calendar with no working day', () => {
    assert.equal(nextWorkingDayFrom('2026-02-15', official), '2026-02-24');
    assert.equal(nextWorkingDayFrom('2026-02-14', official), '2026-02-14');
    const allOff = new Map<string, 'holiday'>();
    for (let d = '2030-01-01'; d <= '2031-12-31'; d = addCalendarDays(d, 1)) allOff.set(d, 'holiday');
    assert.throws(() => nextWorkingDayFrom('2030-01-01', allOff), RangeError);
    assert.throws(() => addWorkingDays('2030-01-01', 1, allOff), RangeError);
  });
});

describe('calendar days and months', () => {
  it('adds calendar days across month and year ends', () => {
    assert.equal(addCalendarDays('2025-12-25', 10), '2026-01-04');
    assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addCalendarDays('2025-03-01', -1), '2025-02-28');
  });

  it('clamps months to the last day of the due month (民法典 第二百零二条)', () => {
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addMonths('2025-08-31', 1), '2025-09-30');
    assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
    assert.equal(addMonths('2025-12-15', 14), '2027-02-15');
    assert.equal(addMonths('2025-03-31', -1), '2025-02-28');
    assert.equal(addMonths('2025-05-20', 0), '2025-05-20');
  });

  it('checks ISO dates strictly', () => {
    assert.equal(isIsoDate('2026-02-28'), true);
    assert.equal(isIsoDate('2024-02-29'), true);
    for (const bad of [
      '2025-02-29',
      '2026-13-01',
      '2026-2-1',
      '2026/02/01',
      '20260201',
      '',
      '2026-02-28T00:00',
    ])
      assert.equal(isIsoDate(bad), false, bad);
  });
});

describe('due dates', () => {
  it('a 30-day period ending on a holiday ends on the next working day (民法典 第二百零三条)', () => {
    // 2025-09-01 + 30 = 10-01 国庆 → 10-01…10-08 off → Thursday 10-09.
    assert.equal(dueDate('2025-09-01', { amount: 30, unit: 'nd' }, official), '2025-10-09');
    assert.equal(dueDate('2025-09-01', { amount: 30, unit: 'nd' }, plain), '2025-10-01');
  });

  it('a natural-day period ending on a weekend moves to Monday, unless the weekend day is worked', () => {
    assert.equal(dueDate('2025-03-01', { amount: 8, unit: 'nd' }, official), '2025-03-10'); // Sun 3-9
    assert.equal(dueDate('2025-09-18', { amount: 10, unit: 'nd' }, official), '2025-09-28'); // 调休 Sunday
  });

  it('3 months from 2025-11-30 end on Saturday 2026-02-28, a 调休 working day, so it stays', () => {
    assert.equal(dueDate('2025-11-30', { amount: 3, unit: 'mo' }, official), '2026-02-28');
    // With no 调休 data the same Saturday moves to Monday.
    assert.equal(dueDate('2025-11-30', { amount: 3, unit: 'mo' }, plain), '2026-03-02');
  });

  it('3 months from 2025-11-15 end on 春节 2026-02-15 and move past the break to 2-24', () => {
    assert.equal(dueDate('2025-11-15', { amount: 3, unit: 'mo' }, official), '2026-02-24');
  });

  it('a month period from a month end is clamped first, then moved off a holiday', () => {
    // 2026-01-31 + 1 mo → 02-28 (Saturday, 调休 working day); 2025-01-31 + 1 mo → 02-28 (Friday).
    assert.equal(dueDate('2026-01-31', { amount: 1, unit: 'mo' }, official), '2026-02-28');
    assert.equal(dueDate('2025-01-31', { amount: 1, unit: 'mo' }, official), '2025-02-28');
    // 2025-04-30 + 1 mo → 05-30 Friday; 2025-05-02 + 1 mo → 06-02 端午 → 06-03.
    assert.equal(dueDate('2025-04-30', { amount: 1, unit: 'mo' }, official), '2025-05-30');
    assert.equal(dueDate('2025-05-02', { amount: 1, unit: 'mo' }, official), '2025-06-03');
  });

  it('counts from the Shanghai date of an instant', () => {
    // 2025-09-25 16:30 UTC is 2025-09-26 00:30 in Shanghai.
    const lateEvening = new Date('2025-09-25T16:30:00Z');
    assert.equal(dueDate(lateEvening, { amount: 7, unit: 'wd' }, official), '2025-10-13');
    // One second earlier it is still Thursday 9-25: 9-26 (1) 9-28 (2) 9-29 (3) 9-30 (4) 10-9 (5) 10-10 (6) 10-11 (7).
    assert.equal(
      dueDate(new Date('2025-09-25T15:59:59Z'), { amount: 7, unit: 'wd' }, official),
      '2025-10-11',
    );
  });
});

describe('Shanghai time', () => {
  it('23:30 UTC is already the next day in Shanghai', () => {
    assert.equal(shanghaiDate(new Date('2025-12-31T23:30:00Z')), '2026-01-01');
    assert.equal(shanghaiDate(new Date('2026-02-14T15:59:59.999Z')), '2026-02-14');
    assert.equal(shanghaiDate(new Date('2026-02-14T16:00:00Z')), '2026-02-15');
    assert.throws(() => shanghaiDate(new Date('nonsense')), RangeError);
  });

  it('a due day ends at 23:59:59.999 Shanghai time', () => {
    assert.equal(dueInstant('2026-02-24').toISOString(), '2026-02-24T15:59:59.999Z');
    assert.equal(shanghaiDate(dueInstant('2026-02-24')), '2026-02-24');
    assert.equal(shanghaiDate(new Date(dueInstant('2026-02-24').getTime() + 1)), '2026-02-25');
  });
});

describe('formatDuration', () => {
  it('writes periods as Chinese rules do', () => {
    assert.equal(formatDuration({ amount: 7, unit: 'wd' }), '7 个工作日');
    assert.equal(formatDuration({ amount: 30, unit: 'nd' }), '30 日');
    assert.equal(formatDuration({ amount: 3, unit: 'mo' }), '3 个月');
  });
});
