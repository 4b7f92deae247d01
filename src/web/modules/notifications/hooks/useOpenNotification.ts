import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AppNotification } from '../../../../contracts/notifications';
import { api } from '../../../lib/api';
import { refreshUnread } from '../notificationStream';

/** Opening a notification marks it read and follows its link (a path inside the app). */
export function useOpenNotification(afterRead: () => void): (n: AppNotification) => Promise<void> {
  const navigate = useNavigate();
  return useCallback(
    async (n: AppNotification) => {
      if (!n.readAt) {
        try {
          await api.post(`/notifications/${encodeURIComponent(n.id)}/read`);
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
