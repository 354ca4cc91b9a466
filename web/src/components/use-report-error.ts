import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';

/**
 * Shows an API error the way a person can act on it: field problems next to the fields of the form
 * (when the server names them), the server's own message as a toast, and the request id for support.
 */
export function useReportError() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      if (form) {
        const known = new Set(Object.keys(form.getFieldsValue(true) as object));
        const fields = error.fieldIssues
          .map((issue) => ({ name: issue.path.split('.')[0] ?? issue.path, errors: [issue.message] }))
          .filter((f) => known.has(f.name));
        if (fields.length > 0) form.setFields(fields);
      }
      const suffix =
        error.status >= 500 && error.requestId ? `（${t('common.requestId', { id: error.requestId })}）` : '';
      message.error(`${error.message}${suffix}`);
    },
    [message, t],
  );
}
