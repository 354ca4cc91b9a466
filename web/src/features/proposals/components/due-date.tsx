import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/index.tsx';
import { formatDay, todayInBeijing } from '../labels.ts';

interface Props {
  dueOn: string | null | undefined;
  extendedDueOn?: string | null;
  overdueWorkingDays?: number | null;
  /** A finished task is never overdue. */
  done?: boolean;
}

/** A deadline: the extended one when granted; red with the number of working days when overdue. */
export function DueDate({ dueOn, extendedDueOn, overdueWorkingDays, done = false }: Props) {
  const t = useT();
  const due = extendedDueOn ?? dueOn;
  if (!due) return <span>—</span>;
  const today = todayInBeijing();
  const overdue = !done && ((overdueWorkingDays ?? 0) > 0 || due < today);
  const soon = !done && !overdue && dayjs(due).diff(dayjs(today), 'day') <= 14;
  return (
    <span className={overdue ? 'due-overdue' : undefined}>
      {overdue ? <WarningOutlined aria-hidden /> : soon ? <ClockCircleOutlined aria-hidden /> : null}{' '}
      {formatDay(due)}
      {extendedDueOn && <Typography.Text type="secondary"> {t('a.extended')}</Typography.Text>}
      {overdue && (
        <strong>
          {' '}
          {overdueWorkingDays ? t('a.overdueDays', { n: overdueWorkingDays }) : t('a.overdue')}
        </strong>
      )}
    </span>
  );
}
