import { Typography } from 'antd';
import type { AppNotification } from '../../../../contracts/notifications';
import { useI18n } from '../../../lib/i18n/useI18n';
import { renderNotification } from '../renderNotification';

/** One notification, worded in the reader's language; unread ones stand out. Clicking opens it. */
export function NotificationItem({ notification: n, onOpen }: { notification: AppNotification; onOpen: (n: AppNotification) => void }) {
  const { message, formatDateTime } = useI18n();
  const text = renderNotification(n, message);
  return (
    <button
      type="button"
      className={n.readAt ? 'gj-notification' : 'gj-notification gj-notification--unread'}
      onClick={() => onOpen(n)}
      data-testid="notification-item"
      data-kind={n.kind}
    >
      <Typography.Text strong={!n.readAt}>{text.title}</Typography.Text>
      {text.body && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {text.body}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(n.createdAt)}
      </Typography.Text>
    </button>
  );
}
