import { Button, Card, Empty, Flex, Pagination, Segmented } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { NotificationReadFilter } from '../../../../contracts/notifications';
import { listNotifications, markAllNotificationsRead } from '../../../../contracts/notifications.endpoints';
import { callEndpoint, useEndpoint } from '../../../lib/endpoint';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf, positiveInt } from '../../../lib/params';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useFeedback } from '../../../ui/useFeedback';
import { NotificationItem } from '../components/NotificationItem';
import { useOpenNotification } from '../hooks/useOpenNotification';
import { refreshUnread, useNotificationStream } from '../notificationStream';

const FILTERS: readonly NotificationReadFilter[] = ['all', 'unread', 'read'];
const PAGE_SIZE = 20;

/** All the caller's notifications (all / unread / read, in pages), each linking to its object; new ones appear live. */
export function NotificationsPage() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [params, setParams] = useSearchParams();
  const status = oneOf(params.get('status'), FILTERS) ?? 'all';
  const page = positiveInt(params.get('page'), 1);
  const list = useEndpoint(listNotifications, { query: { status, page, pageSize: PAGE_SIZE } });
  const { reload } = list;
  const stream = useNotificationStream();
  const openItem = useOpenNotification(reload);
  const [marking, setMarking] = useState(false);

  useEffect(() => {
    if (stream.version > 0) reload();
  }, [stream.version, reload]);

  const go = (next: { status?: NotificationReadFilter; page?: number }) => {
    const s = next.status ?? status;
    const p = next.page ?? 1;
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (s === 'all') out.delete('status');
        else out.set('status', s);
        if (p === 1) out.delete('page');
        else out.set('page', String(p));
        return out;
      },
      { replace: true },
    );
  };

  const markAll = async () => {
    setMarking(true);
    try {
      const { marked } = await callEndpoint(markAllNotificationsRead);
      feedback.ok(t('notifications.markedAllRead', { n: marked }));
      refreshUnread();
      reload();
    } catch (e) {
      feedback.fail(e);
    } finally {
      setMarking(false);
    }
  };

  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={
          <Button onClick={() => void markAll()} loading={marking} disabled={(stream.unread ?? list.data?.unread ?? 0) === 0} data-testid="notifications-mark-all">
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card>
        <Flex vertical gap="middle">
          <Segmented<NotificationReadFilter>
            value={status}
            onChange={(value) => go({ status: value })}
            options={FILTERS.map((f) => ({ value: f, label: t(`notifications.${f}`) }))}
            data-testid="notifications-filter"
          />
          {list.error && <ErrorAlert error={list.error} onRetry={reload} />}
          {!list.loading && items.length === 0 && !list.error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
          ) : (
            <Flex vertical data-testid="notifications-page-list">
              {items.map((n) => (
                <NotificationItem key={n.id} notification={n} onOpen={(item) => void openItem(item)} />
              ))}
            </Flex>
          )}
          {(list.data?.total ?? 0) > PAGE_SIZE && (
            <Pagination align="end" current={page} pageSize={PAGE_SIZE} total={list.data?.total ?? 0} showSizeChanger={false} onChange={(p) => go({ page: p })} />
          )}
        </Flex>
      </Card>
    </>
  );
}
