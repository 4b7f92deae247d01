import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../lib/api';
import { useI18n } from '../lib/i18n/useI18n';
import type { AppNotification, NotificationList } from '../lib/types';
import { useApi } from '../lib/useApi';

const POLL_MS = 60_000;

/**
 * The bell in the header: the unread count of the user's in-app notifications (reminders to report
 * in…), the latest ones in a popover; opening one marks it read and follows its link. Read again
 * every minute and whenever the popover opens.
 */
export function NotificationBell() {
  const { t, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const notifications = useApi<NotificationList>('/notifications');
  const { reload } = notifications;

  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  // A server without notifications (or a role without them): no bell.
  if (!notifications.data && notifications.error && [403, 404].includes(notifications.error.status)) return null;

  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unread ?? 0;

  const openItem = async (n: AppNotification) => {
    setOpen(false);
    if (!n.readAt) {
      try {
        await api.post(`/notifications/${encodeURIComponent(n.id)}/read`);
      } catch {
        // not marked read; it stays in the count and the user can try again
      }
      reload();
    }
    if (n.link?.startsWith('/')) void navigate(n.link);
  };

  const content = (
    <div style={{ width: 320, maxWidth: 'calc(100vw - 32px)' }} data-testid="notifications-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <Flex vertical style={{ maxHeight: 420, overflow: 'auto' }}>
          {items.slice(0, 20).map((n) => (
            <button
              key={n.id}
              type="button"
              className={n.readAt ? 'gj-notification' : 'gj-notification gj-notification--unread'}
              onClick={() => void openItem(n)}
              data-testid="notification-item"
            >
              <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
              {n.body && (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {n.body}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(n.createdAt)}
              </Typography.Text>
            </button>
          ))}
        </Flex>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('notifications.title')}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) reload();
      }}
    >
      <Button type="text" aria-label={t('notifications.label', { n: unread })} data-testid="notifications-bell">
        <Badge count={unread} size="small" offset={[2, -2]} data-testid="notifications-unread">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
