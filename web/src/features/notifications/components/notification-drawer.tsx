import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Empty, Flex, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../../components/page-states.tsx';
import { useReportError } from '../../../components/use-report-error.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { type NotificationItem, useMarkRead, useNotificationList } from '../api.ts';
import { timeAgo } from '../time-ago.ts';
import '../notifications.css';

const pageSize = 20;

/** 通知中心: the signed-in user's notifications, newest first; a click marks read and follows the link. */
export function NotificationDrawer({
  open,
  phone,
  onClose,
}: {
  open: boolean;
  phone: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotificationList({ unread: unreadOnly, page, pageSize }, open);
  const { one, all } = useMarkRead();
  const unreadCount = list.data?.unreadCount ?? 0;

  const openItem = async (n: NotificationItem) => {
    if (!n.readAt) one.mutate(n.id, { onError: (e) => report(e) });
    if (n.link) {
      onClose();
      await navigate(n.link);
    }
  };
  const markAll = () =>
    all.mutate(undefined, {
      onSuccess: () => message.success(t('notifications.allRead')),
      onError: (e) => report(e),
    });

  return (
    <Drawer
      title={t('notifications.title')}
      placement="right"
      size={phone ? '100%' : 440}
      open={open}
      onClose={onClose}
      extra={
        <Button
          size="small"
          icon={<CheckOutlined />}
          disabled={unreadCount === 0}
          loading={all.isPending}
          onClick={markAll}
        >
          {t('notifications.markAllRead')}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Flex vertical style={{ minHeight: '100%' }}>
        <div style={{ padding: '12px 16px 4px' }}>
          <Segmented
            block
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('notifications.all') },
              {
                value: 'unread',
                label: `${t('notifications.unread')}${unreadCount ? ` (${unreadCount})` : ''}`,
              },
            ]}
          />
        </div>
        {list.isPending ? (
          <div style={{ padding: 16 }}>
            <Skeleton active paragraph={{ rows: 6 }} />
          </div>
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Empty
            style={{ marginTop: 48 }}
            description={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
          />
        ) : (
          <ul className="notification-list" aria-label={t('notifications.title')}>
            {list.data.items.map((n) => (
              <NotificationRow
                key={n.id}
                n={n}
                onOpen={() => void openItem(n)}
                onMarkRead={() => one.mutate(n.id, { onError: (e) => report(e) })}
              />
            ))}
          </ul>
        )}
        {list.data && list.data.total > pageSize && (
          <Flex justify="center" style={{ padding: 12 }}>
            <Pagination
              simple
              size="small"
              current={page}
              pageSize={pageSize}
              total={list.data.total}
              onChange={setPage}
            />
          </Flex>
        )}
      </Flex>
    </Drawer>
  );
}

function NotificationRow({
  n,
  onOpen,
  onMarkRead,
}: {
  n: NotificationItem;
  onOpen: () => void;
  onMarkRead: () => void;
}) {
  const { t } = useI18n();
  const unread = !n.readAt;
  return (
    <li className={unread ? 'notification-item unread' : 'notification-item'}>
      <button type="button" className="notification-main" onClick={onOpen}>
        <Flex align="baseline" gap={8}>
          {unread && <span className="notification-dot" role="img" aria-label={t('notifications.unread')} />}
          <Typography.Text strong={unread} className="notification-title">
            {n.title}
          </Typography.Text>
        </Flex>
        {n.body && <Typography.Paragraph className="notification-body">{n.body}</Typography.Paragraph>}
        <Typography.Text type="secondary" className="notification-time">
          <time dateTime={n.createdAt} title={new Date(n.createdAt).toLocaleString()}>
            {timeAgo(n.createdAt, t)}
          </time>
        </Typography.Text>
      </button>
      {unread && (
        <Button
          type="link"
          size="small"
          onClick={onMarkRead}
          aria-label={`${t('notifications.markRead')}：${n.title}`}
        >
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}
