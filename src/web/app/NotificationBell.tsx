import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { listNotifications } from '../../contracts/notifications.endpoints';
import { useI18n } from '../lib/i18n/useI18n';
import { useEndpoint } from '../lib/endpoint';
import { NotificationItem, useNotificationStream, useOpenNotification } from '../modules/notifications';

/**
 * The bell in the header: the unread count, kept live by the notifications stream (server-sent
 * events; polled when the stream is not available), and the latest notifications in a popover,
 * each worded in the reader's language. Opening one marks it read and follows its link.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const stream = useNotificationStream();
  const latest = useEndpoint(listNotifications, { query: { pageSize: 10 } });
  const { reload } = latest;
  const openItem = useOpenNotification(reload);

  // Something changed (a new notification, some read elsewhere): the list follows.
  useEffect(() => {
    if (stream.version > 0) reload();
  }, [stream.version, reload]);

  // A server without notifications (or a role without them): no bell.
  if (!latest.data && latest.error && [403, 404].includes(latest.error.status)) return null;

  const items = latest.data?.items ?? [];
  const unread = stream.unread ?? latest.data?.unread ?? 0;

  const content = (
    <div className="gj-notification-popover__body" data-testid="notifications-list">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <Flex vertical style={{ maxHeight: 420, overflow: 'auto' }}>
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              onOpen={(item) => {
                setOpen(false);
                void openItem(item);
              }}
            />
          ))}
        </Flex>
      )}
      <Link to="/notifications" className="gj-notification-popover__all" onClick={() => setOpen(false)} data-testid="notifications-view-all">
        {t('notifications.viewAll')}
      </Link>
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('notifications.title')}
      trigger="click"
      placement="bottomRight"
      classNames={{ root: 'gj-notification-popover' }}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) reload();
      }}
    >
      <Button type="text" aria-label={t('notifications.label', { n: unread })} data-testid="notifications-bell" data-live={stream.live ? 'true' : 'false'}>
        <Badge count={unread} size="small" offset={[2, -2]} data-testid="notifications-unread">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
