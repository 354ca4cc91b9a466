import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/index.tsx';

/**
 * A figure that opens the proposals behind it. A real button (keyboard, screen reader), styled as a link;
 * the accessible name says what it opens.
 */
export function FigureLink({
  children,
  label,
  onClick,
  big = false,
}: {
  children: ReactNode;
  /** What the figure counts ("立案 56 件"), for the button's name. */
  label: string;
  onClick: () => void;
  big?: boolean;
}) {
  const t = useT();
  return (
    <button
      type="button"
      className={big ? 'stat-link stat-big' : 'stat-link'}
      onClick={onClick}
      aria-label={t('stats.openList', { what: label })}
      title={t('stats.openList', { what: label })}
    >
      {children}
    </button>
  );
}

/** A headline card: its name, the figure, the figures it is computed from, and its definition. */
export function StatCard({
  title,
  definition,
  children,
  accent,
}: {
  title: string;
  definition: string;
  children: ReactNode;
  /** A coloured top edge for the rate cards. */
  accent?: string;
}) {
  return (
    <Card
      size="small"
      className="stat-card"
      style={accent ? { borderTop: `3px solid ${accent}` } : undefined}
      title={
        <span className="stat-card-title">
          {title}
          <Tooltip title={definition}>
            <InfoCircleOutlined className="stat-def-icon" aria-hidden />
          </Tooltip>
        </span>
      }
    >
      {children}
      <p className="stat-def">{definition}</p>
    </Card>
  );
}
