import { Button, Result, Spin } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';

/** Centered spinner for a page or route chunk being loaded. */
export function PageLoading() {
  const t = useT();
  return (
    <div className="page-loading" role="status">
      <Spin size="large" />
      <span className="sr-only">{t('app.loading')}</span>
    </div>
  );
}

export function NotFoundState() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      subTitle={t('common.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenState() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t('common.forbidden')}
      subTitle={t('common.forbiddenHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A failed load, with the server's message and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <Result
      status="warning"
      title={t('common.loadFailed')}
      subTitle={
        <>
          {message}
          {requestId && <div className="muted">{t('common.requestId', { id: requestId })}</div>}
        </>
      }
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
