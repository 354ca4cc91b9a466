import { Card } from 'antd';
import dayjs from 'dayjs';
import { memo } from 'react';
import { useT } from '../../../i18n/index.tsx';
import type { CalendarDay } from '../api.ts';
import { daysInMonth, isoDay, isWeekend, mondayIndex, runsOf } from '../dates.ts';

interface Props {
  year: number;
  month: number;
  /** The year's entries by ISO date. */
  entries: ReadonlyMap<string, CalendarDay>;
  today: string;
  /** Given only to those who may edit: days become buttons. */
  onPick?: (day: string) => void;
}

/** One month, Monday first: holidays in red (休), 调休 working days in blue (班), the names listed below. */
export const MonthGrid = memo(function MonthGrid({ year, month, entries, today, onPick }: Props) {
  const t = useT();
  const first = isoDay(year, month, 1);
  const count = daysInMonth(year, month);
  const heads = t('calendar.weekdayHeads').split(' ');
  const monthItems = [...entries.values()].filter((e) => e.day.startsWith(first.slice(0, 8)));
  const title = dayjs(first).format(t('calendar.monthFormat'));

  const cells = [];
  for (let i = 0; i < mondayIndex(first); i++) cells.push(<span key={`blank-${i}`} aria-hidden />);
  for (let d = 1; d <= count; d++) {
    const day = isoDay(year, month, d);
    const entry = entries.get(day);
    const className = [
      'cal-day',
      isWeekend(day) ? 'is-weekend' : '',
      entry ? `is-${entry.kind}` : '',
      day === today ? 'is-today' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const label = [
      dayjs(day).format(t('calendar.dateFormat')),
      entry ? `${t(`calendar.kind.${entry.kind}`)} ${entry.name}` : '',
    ]
      .filter(Boolean)
      .join('，');
    // The 休/班 mark is drawn by CSS from data-mark: the button's text stays the day number, which its
    // accessible name (the full date and the holiday) contains, as WCAG 2.5.3 asks.
    const mark = entry ? t(`calendar.mark.${entry.kind}`) : undefined;
    cells.push(
      onPick ? (
        <button
          key={day}
          type="button"
          className={className}
          data-mark={mark}
          aria-label={label}
          onClick={() => onPick(day)}
        >
          {d}
        </button>
      ) : (
        <span key={day} className={className} data-mark={mark} title={entry?.name}>
          {d}
        </span>
      ),
    );
  }

  return (
    <Card size="small" title={<h2 className="cal-month-title">{title}</h2>} className="cal-month">
      <div className="cal-grid" aria-hidden>
        {heads.map((h, i) => (
          <span key={h} className={i >= 5 ? 'cal-head is-weekend' : 'cal-head'}>
            {h}
          </span>
        ))}
      </div>
      {/* Read-only, the list below the grid says the same to a screen reader, once per break. */}
      <div className="cal-grid" aria-hidden={onPick ? undefined : true}>
        {cells}
      </div>
      {monthItems.length > 0 && (
        <ul className="cal-runs">
          {runsOf(monthItems).map((r) => (
            <li key={r.from} className={`is-${r.item.kind}`}>
              <span className="cal-dot" aria-hidden />
              {r.from === r.to
                ? t('calendar.dayOne', { d: r.from })
                : t('calendar.dayRange', { from: r.from, to: r.to })}{' '}
              {r.item.name}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
});
