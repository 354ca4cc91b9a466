import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import { type CalendarDay, clearCalendarDay, type DayKind, setCalendarDay } from '../api.ts';
import { isWeekend } from '../dates.ts';

interface Props {
  /** The day being edited; the page mounts one editor per day (key = day), so the form starts fresh. */
  day: string;
  entry: CalendarDay | undefined;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
}

interface Values {
  kind: DayKind;
  name: string;
}

/** Marks a day as 放假 or 调休上班, renames it, or clears it back to the plain week. */
export function DayEditor({ day, entry, onClose, onChanged }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const weekend = isWeekend(day);

  const date = dayjs(day).format(t('calendar.dateFormat'));
  const plainState = t(weekend ? 'calendar.state.rest' : 'calendar.state.working');

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      onClose();
    } catch (err) {
      reportError(err, form);
      // Someone else changed the day meanwhile: show what is there now.
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') onClose();
    } finally {
      setBusy(false);
      await onChanged();
    }
  };
  const save = (v: Values) =>
    run(
      () => setCalendarDay(day, { kind: v.kind, name: v.name.trim(), expectedVersion: entry?.version }),
      t('calendar.saved', { date }),
    );
  const clear = () => run(() => clearCalendarDay(day, entry?.version ?? 1), t('calendar.cleared', { date }));

  return (
    <Modal
      open
      title={t('calendar.editTitle', { date })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space wrap>
          {entry && (
            <Popconfirm
              title={t('calendar.clearConfirm', { state: plainState })}
              onConfirm={() => void clear()}
              okText={t('calendar.clear')}
              cancelText={t('common.cancel')}
            >
              <Button danger icon={<DeleteOutlined />} disabled={busy}>
                {t('calendar.clear')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <p className="muted">
        {entry
          ? t('calendar.currentEntry', { kind: t(`calendar.kind.${entry.kind}`), name: entry.name })
          : t('calendar.currentPlain', { state: plainState })}
      </p>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          entry ? { kind: entry.kind, name: entry.name } : { kind: weekend ? 'workday' : 'holiday', name: '' }
        }
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="kind"
          label={t('calendar.kind')}
          extra={weekend ? undefined : t('calendar.workdayWeekendOnly')}
          rules={[{ required: true, message: t('form.requiredSelect', { label: t('calendar.kind') }) }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'holiday', label: t('calendar.kind.holiday') },
              { value: 'workday', label: t('calendar.kind.workday'), disabled: !weekend },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.required', { label: t('calendar.name') }) },
            { max: 40, message: t('calendar.nameTooLong') },
          ]}
        >
          <Input placeholder={t('calendar.namePh')} maxLength={40} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
