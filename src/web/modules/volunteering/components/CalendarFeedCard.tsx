import { CalendarOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useFeedback } from '../../../ui/useFeedback';
import type { CalendarFeed } from '../types';

/**
 * The member's iCalendar feed of own sign-ups: create the secret address (shown once, to copy into
 * a calendar app), make a new one (the old stops working), or stop it.
 */
export function CalendarFeedCard() {
  const { t, formatDateTime } = useI18n();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const feed = useApi<CalendarFeed>('/volunteering/me/calendar');
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const active = url !== null || feed.data?.active === true;

  const create = async () => {
    setBusy(true);
    try {
      const created = await api.post<CalendarFeed>('/volunteering/me/calendar');
      setUrl(created.url);
      feed.reload();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const replace = () =>
    modal.confirm({
      title: t('calendarFeed.replace'),
      content: t('calendarFeed.replaceConfirm'),
      okText: t('calendarFeed.replace'),
      cancelText: t('common.cancel'),
      onOk: create,
    });

  const revoke = () =>
    modal.confirm({
      title: t('calendarFeed.revoke'),
      content: t('calendarFeed.revokeConfirm'),
      okText: t('calendarFeed.revoke'),
      okButtonProps: { danger: true, 'data-testid': 'calendar-feed-revoke-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.delete('/volunteering/me/calendar');
          setUrl(null);
          feedback.ok(t('calendarFeed.revoked'));
          feed.reload();
        } catch (error) {
          feedback.fail(error);
        }
      },
    });

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      feedback.ok(t('calendarFeed.copied'));
    } catch {
      // no clipboard (an http page): the address is selectable in the box
    }
  };

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          <CalendarOutlined />
          {t('calendarFeed.title')}
        </Flex>
      }
      data-testid="calendar-feed"
      data-active={active ? 'true' : 'false'}
    >
      <Flex vertical gap={10}>
        {feed.error && <ErrorAlert error={feed.error} onRetry={feed.reload} />}
        <Typography.Text type="secondary">{t('calendarFeed.intro')}</Typography.Text>
        {url ? (
          <>
            <Typography.Text>{t('calendarFeed.urlHelp')}</Typography.Text>
            <Flex gap={8}>
              <Input readOnly value={url} onFocus={(e) => e.target.select()} data-testid="calendar-feed-url" style={{ flex: 1, minWidth: 0 }} />
              <Button icon={<CopyOutlined />} onClick={() => void copy()} aria-label={t('common.copy')} />
            </Flex>
          </>
        ) : (
          feed.data?.active && <Typography.Text>{t('calendarFeed.active', { at: formatDateTime(feed.data.createdAt) })}</Typography.Text>
        )}
        <Flex gap={8} wrap>
          {active ? (
            <>
              <Button onClick={replace} loading={busy} data-testid="calendar-feed-replace">
                {t('calendarFeed.replace')}
              </Button>
              <Button danger onClick={revoke} data-testid="calendar-feed-revoke">
                {t('calendarFeed.revoke')}
              </Button>
            </>
          ) : (
            <Button type="primary" onClick={() => void create()} loading={busy} disabled={!feed.data} data-testid="calendar-feed-create">
              {t('calendarFeed.create')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
