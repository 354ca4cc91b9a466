import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Row, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAbility } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ErrorState } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { type CalendarDay, calendarKey, useCalendarDays } from '../api.ts';
import { DayEditor } from '../components/day-editor.tsx';
import { DuePreviewBox } from '../components/due-preview.tsx';
import { MonthGrid } from '../components/month-grid.tsx';
import '../calendar.css';

const months = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * 工作日历: the committee's holidays and 调休 working days, a year at a time, and the 期限试算 box.
 * Everyone signed in reads it; only `calendar.manage` may click a day to change it.
 */
export default function CalendarPage() {
  const t = useT();
  const canManage = useAbility('calendar.manage');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 2100 ? asked : thisYear;
  const days = useCalendarDays(year);
  const [editing, setEditing] = useState<string | null>(null);
  const today = dayjs().format('YYYY-MM-DD');

  const entries = useMemo(
    () => new Map<string, CalendarDay>((days.data?.items ?? []).map((d) => [d.day, d])),
    [days.data],
  );
  const counts = useMemo(() => {
    const items = days.data?.items ?? [];
    return {
      holidays: items.filter((d) => d.kind === 'holiday').length,
      workdays: items.filter((d) => d.kind === 'workday').length,
    };
  }, [days.data]);
  const goTo = (y: number) => setParams(y === thisYear ? {} : { year: String(y) }, { replace: true });
  const yearOptions = [...new Set([thisYear - 1, thisYear, thisYear + 1, year])]
    .sort()
    .map((y) => ({ value: y, label: t('calendar.yearLabel', { year: y }) }));
  const shown = days.data?.year === year;

  return (
    <>
      <PageHeader title={t('calendar.title')} description={t('calendar.desc')} />
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 7, order: 2 }}>
          <DuePreviewBox />
        </Col>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 17, order: 1 }}>
          <Flex wrap align="center" gap={8} style={{ marginBottom: 12 }}>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('calendar.prevYear')}
              onClick={() => goTo(year - 1)}
              disabled={year <= 1900}
            />
            <Select
              value={year}
              options={yearOptions}
              onChange={goTo}
              aria-label={t('calendar.year')}
              style={{ width: 120 }}
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t('calendar.nextYear')}
              onClick={() => goTo(year + 1)}
              disabled={year >= 2100}
            />
            <span className="cal-legend">
              <span className="cal-key is-holiday">{t('calendar.mark.holiday')}</span>
              {t('calendar.legend.holiday')}
              <span className="cal-key is-workday">{t('calendar.mark.workday')}</span>
              {t('calendar.legend.workday')}
            </span>
            {shown && (
              <span className="muted">
                {t('calendar.summary', { holidays: counts.holidays, workdays: counts.workdays })}
              </span>
            )}
          </Flex>
          <p className="muted">{t(canManage ? 'calendar.manageHint' : 'calendar.readHint')}</p>
          {days.isError && !days.data ? (
            <ErrorState error={days.error} onRetry={() => void days.refetch()} />
          ) : (
            <Spin spinning={days.isFetching && !shown}>
              {shown && days.data?.items.length === 0 && (
                <Alert
                  type="warning"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={t('calendar.emptyYear', { year })}
                />
              )}
              <Row gutter={[12, 12]}>
                {months.map((m) => (
                  <Col key={m} xs={24} sm={12} lg={8}>
                    <MonthGrid
                      year={year}
                      month={m}
                      entries={shown ? entries : new Map()}
                      today={today}
                      onPick={canManage ? setEditing : undefined}
                    />
                  </Col>
                ))}
              </Row>
            </Spin>
          )}
        </Col>
      </Row>
      {editing && (
        <DayEditor
          key={editing}
          day={editing}
          entry={entries.get(editing)}
          onClose={() => setEditing(null)}
          onChanged={() => queryClient.invalidateQueries({ queryKey: calendarKey })}
        />
      )}
    </>
  );
}
