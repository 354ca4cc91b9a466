import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/index.tsx';
import { useUnreadCount } from '../api.ts';
import { useRecentActivity } from '../use-recent-activity.ts';
import { NotificationDrawer } from './notification-drawer.tsx';

const onRed = { color: '#fff' } as const;
/** Polling stops after this long without a click or key press (the session's idle timeout can then run). */
const activeWindowMs = 5 * 60_000;

/** The header bell: unread count (polled every minute while in use), opens the notification centre. */
export function NotificationBell({ phone }: { phone: boolean }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const active = useRecentActivity(activeWindowMs);
  const unread = useUnreadCount(active);
  const count = unread.data ?? 0;

  // Back from a pause: refresh at once instead of waiting for the next tick.
  const wasActive = useRef(active);
  const refetch = unread.refetch;
  useEffect(() => {
    if (active && !wasActive.current) void refetch();
    wasActive.current = active;
  }, [active, refetch]);

  const label = count > 0 ? t('notifications.openWithCount', { n: count }) : t('notifications.open');
  return (
    <>
      <Tooltip title={phone ? undefined : t('notifications.title')}>
        <Button
          type="text"
          style={onRed}
          aria-label={label}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={() => setOpen(true)}
          icon={
            <Badge
              count={count}
              size="small"
              overflowCount={99}
              offset={[4, -2]}
              style={{ backgroundColor: '#fff', color: '#9b1c1c', boxShadow: 'none', fontWeight: 600 }}
            >
              <BellOutlined style={{ ...onRed, fontSize: 18 }} />
            </Badge>
          }
        />
      </Tooltip>
      <NotificationDrawer open={open} phone={phone} onClose={() => setOpen(false)} />
    </>
  );
}
