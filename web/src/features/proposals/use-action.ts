import { App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useReportError } from '../../components/use-report-error.ts';
import { useT } from '../../i18n/index.tsx';
import { useInvalidateProposals } from './api.ts';

interface RunOptions<T> {
  /** Shown as a toast when the call succeeds. */
  success?: string;
  /** Field problems the server names land on this form. */
  form?: FormInstance;
  onDone?: (result: T) => void | Promise<void>;
}

/**
 * Runs one workflow action (submit, review, receive, sign off …): one button busy at a time, the server's
 * message on failure (on the form's fields when it names them), and every list and detail refreshed after.
 * When someone else moved the record first (409), the person is told so and the page reloads what is there now.
 */
export function useAction() {
  const { message, modal } = App.useApp();
  const reportError = useReportError();
  const invalidate = useInvalidateProposals();
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);

  const run = useCallback(
    async <T>(name: string, call: () => Promise<T>, opts: RunOptions<T> = {}): Promise<T | undefined> => {
      setBusy(name);
      try {
        const result = await call();
        // Refresh first: the toast says "done" only once the page holds the new version, so an action taken
        // right after it (save, then submit) does not send the old one.
        await invalidate();
        if (opts.success) message.success(opts.success);
        await opts.onDone?.(result);
        return result;
      } catch (err) {
        if (err instanceof ApiError && (err.code === 'VERSION_CONFLICT' || err.code === 'WRONG_STATE')) {
          modal.warning({
            title: t('p.conflictTitle'),
            content: err.message,
            okText: t('common.reload'),
            onOk: () => void invalidate(),
          });
        } else {
          reportError(err, opts.form);
        }
        return undefined;
      } finally {
        setBusy(null);
      }
    },
    [invalidate, message, modal, reportError, t],
  );
  return { run, busy };
}
