import { Drawer, Empty, Grid, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ItemList } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageSpinner } from '../../../ui/PageSpinner';
import { formatHours, timeRange } from '../format';
import type { HourEntry } from '../types';
import { RecordMethodTag } from './RecordMethodTag';

/** Every version of one ledger entry (the ledger is never edited in place), newest first. */
export function EntryHistoryDrawer({ entryId, onClose }: { entryId: string | null; onClose: () => void }) {
  const { t, formatDateTime } = useI18n();
  const screens = Grid.useBreakpoint();
  const history = useApi<ItemList<HourEntry>>(entryId ? `/volunteering/hour-entries/${encodeURIComponent(entryId)}/history` : null);
  const items = [...(history.data?.items ?? [])].sort((a, b) => b.version - a.version);

  return (
    <Drawer open={entryId !== null} onClose={onClose} title={t('hours.historyTitle')} size={screens.sm ? 460 : '100%'} destroyOnHidden>
      {history.error && <ErrorAlert error={history.error} onRetry={history.reload} />}
      {!history.data && !history.error ? (
        <PageSpinner />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          data-testid="entry-history"
          items={items.map((e) => ({
            key: e.id,
            color: e.current ? 'green' : 'gray',
            content: (
              <div>
                <Typography.Text strong>{t('hours.version', { version: e.version })}</Typography.Text>{' '}
                {e.current && <Tag color="green">{t('hours.inForce')}</Tag>}
                <div>
                  {t('hours.unit', { hours: formatHours(e.hours) })} · <RecordMethodTag method={e.method} />
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {timeRange(e.startedAt, e.endedAt, formatDateTime)}
                </Typography.Text>
                {e.note && <div style={{ fontSize: 12 }}>{e.note}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                  {[e.recordedByName && t('hours.recordedByName', { name: e.recordedByName }), e.verifiedByName && t('hours.verifiedByName', { name: e.verifiedByName }), formatDateTime(e.createdAt)]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
