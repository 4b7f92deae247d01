import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AppNotification } from '../../../../contracts/notifications';
import { markNotificationRead } from '../../../../contracts/notifications.endpoints';
import { callEndpoint } from '../../../lib/endpoint';
import { refreshUnread } from '../notificationStream';

/** Opening a notification marks it read and follows its link (a path inside the app). */
export function useOpenNotification(afterRead: () => void): (n: AppNotification) => Promise<void> {
  const navigate = useNavigate();
  return useCallback(
    async (n: AppNotification) => {
      if (!n.readAt) {
        try {
          await callEndpoint(markNotificationRead, { params: { id: n.id } });
        } catch {
          // not marked read; it stays in the count and the user can try again
        }
        refreshUnread();
        afterRead();
      }
      if (n.link?.startsWith('/')) void navigate(n.link);
    },
    [navigate, afterRead],
  );
}
