import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../../i18n/index.tsx';
import type { SaveState } from './editor-values.ts';

/** The autosave's state above the form: saving, saved at, failed, or a version conflict with a reload. */
export function SaveStatus({
  state,
  savedAt,
  error,
  onReload,
}: {
  state: SaveState;
  savedAt: Date | null;
  error: string | null;
  onReload: () => void;
}) {
  const t = useT();
  if (state === 'conflict') {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 12 }}
        title={t('common.versionConflictTitle')}
        description={t('p.ed.conflictBody')}
        action={
          <Button type="primary" onClick={onReload}>
            {t('common.reload')}
          </Button>
        }
      />
    );
  }
  const text =
    state === 'saving'
      ? t('p.ed.saving')
      : state === 'dirty'
        ? t('p.ed.unsaved')
        : state === 'error'
          ? t('p.ed.saveFailed', { message: error ?? '' })
          : state === 'saved' && savedAt
            ? t('p.ed.savedAt', { time: dayjs(savedAt).format('HH:mm:ss') })
            : t('p.ed.notSavedYet');
  const icon =
    state === 'saved' ? (
      <CheckCircleOutlined />
    ) : state === 'error' ? (
      <ExclamationCircleOutlined />
    ) : (
      <CloudSyncOutlined />
    );
  return (
    <output className={`save-status is-${state}`} aria-live="polite">
      {icon} {text}
    </output>
  );
}
