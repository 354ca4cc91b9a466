import { CalculatorOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorState } from '../../../components/page-states.tsx';
import { useT } from '../../../i18n/index.tsx';
import { type DueQuery, type DurationUnit, useDuePreview } from '../api.ts';

interface Values {
  start: Dayjs;
  amount: number;
  unit: DurationUnit;
}

const units: DurationUnit[] = ['wd', 'nd', 'mo'];

/** 期限试算: start date + period → due date on this committee's calendar, as the server computes it. */
export function DuePreviewBox() {
  const t = useT();
  const [query, setQuery] = useState<DueQuery | null>(null);
  const result = useDuePreview(query);
  const data = result.data;
  const submit = (v: Values) =>
    setQuery({ start: v.start.format('YYYY-MM-DD'), amount: v.amount, unit: v.unit });

  return (
    <Card size="small" title={<h2 className="cal-month-title">{t('calendar.due.title')}</h2>}>
      <p className="muted" style={{ marginTop: 0 }}>
        {t('calendar.due.desc')}
      </p>
      <Form<Values>
        layout="vertical"
        initialValues={{ start: dayjs(), amount: 15, unit: 'wd' }}
        onFinish={submit}
      >
        <Form.Item
          name="start"
          label={t('calendar.due.start')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('calendar.due.start') }) }]}
        >
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item label={t('calendar.due.period')} required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="amount"
              noStyle
              rules={[{ required: true, message: t('form.required', { label: t('calendar.due.period') }) }]}
            >
              <InputNumber
                min={1}
                max={999}
                precision={0}
                style={{ width: '45%' }}
                aria-label={t('calendar.due.amount')}
              />
            </Form.Item>
            <Form.Item name="unit" noStyle>
              <Select
                style={{ width: '55%' }}
                aria-label={t('calendar.due.unit')}
                options={units.map((u) => ({ value: u, label: t(`calendar.due.unit.${u}`) }))}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={result.isFetching}>
          {t('calendar.due.submit')}
        </Button>
      </Form>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {result.isError && <ErrorState error={result.error} onRetry={() => void result.refetch()} />}
        {data && (
          <>
            <Alert
              type="success"
              title={t('calendar.due.result', { date: dayjs(data.due).format(t('calendar.dateFormat')) })}
              description={t('calendar.due.workingDays', { n: data.workingDays })}
            />
            {data.yearsWithoutCalendar.length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                title={t('calendar.due.uncovered', { years: data.yearsWithoutCalendar.join('、') })}
              />
            )}
          </>
        )}
      </div>
    </Card>
  );
}
