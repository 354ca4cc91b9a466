import { Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n/index.tsx';

/** Title (the page's h1), one-line description, and the page's main buttons. */
export function PageHeader({
  title,
  description,
  extra,
}: {
  title: string;
  description?: string;
  extra?: ReactNode;
}) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} - ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="page-header">
      <div>
        <Typography.Title level={1} style={{ marginBottom: 0, fontSize: '1.6em' }}>
          {title}
        </Typography.Title>
        {description && <p className="muted">{description}</p>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
