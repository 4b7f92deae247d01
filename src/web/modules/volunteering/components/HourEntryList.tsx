import { EditOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Grid, List, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import { formatHours } from '../format';
import type { HourEntry } from '../types';
import { RecordMethodTag } from './RecordMethodTag';

/**
 * Ledger entries: a table on a desk, cards on a phone. Each shows what, when, how many hours, how
 * it was recorded and by whom; a corrected one offers its history; `onCorrect` asks for a correction.
 */
export function HourEntryList({
  entries,
  loading,
  onHistory,
  onCorrect,
  showMember = false,
  'data-testid': dataTestId,
}: {
  entries: HourEntry[];
  loading?: boolean;
  onHistory: (entry: HourEntry) => void;
  onCorrect?: (entry: HourEntry) => void;
  /** Staff's ledger: whose entry it is. */
  showMember?: boolean;
  'data-testid'?: string;
}) {
  const { t, formatDate } = useI18n();
  const screens = Grid.useBreakpoint();
  const clock = (e: HourEntry) => `${dayjs(e.startedAt).format('HH:mm')}–${dayjs(e.endedAt).format('HH:mm')}`;
  const actions = (e: HourEntry) => (
    <Flex gap={4} wrap>
      {e.version > 1 && (
        <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => onHistory(e)} style={{ paddingInline: 0 }}>
          {t('hours.history')}
        </Button>
      )}
      {onCorrect && (
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onCorrect(e)} style={{ paddingInline: 0 }} data-testid="entry-correct">
          {t('hours.correct')}
        </Button>
      )}
    </Flex>
  );

  if (!screens.md) {
    return (
      <List
        loading={loading}
        dataSource={entries}
        data-testid={dataTestId}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hours.empty')} /> }}
        renderItem={(e) => (
          <List.Item key={e.id} data-testid="hour-entry" data-method={e.method} data-activity-id={e.activityId ?? ''}>
            <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
              <Flex justify="space-between" gap={8} align="start">
                <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                  {showMember ? `${e.memberName} · ${e.content}` : e.content}
                </Typography.Text>
                <Typography.Text strong style={{ whiteSpace: 'nowrap', color: 'var(--gj-brand)' }} data-testid="hour-entry-hours">
                  {t('hours.unit', { hours: formatHours(e.hours) })}
                </Typography.Text>
              </Flex>
              <Flex gap={6} wrap align="center">
                <RecordMethodTag method={e.method} />
                {e.version > 1 && <Tag color="purple">{t('hours.corrected')}</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDate(e.serviceDate)} {clock(e)}
                </Typography.Text>
              </Flex>
              {(e.recordedByName || e.verifiedByName) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[e.recordedByName && t('hours.recordedByName', { name: e.recordedByName }), e.verifiedByName && t('hours.verifiedByName', { name: e.verifiedByName })]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              )}
              {actions(e)}
            </Flex>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<HourEntry> = [
    { title: t('hours.date'), dataIndex: 'serviceDate', width: 130, render: (v: string) => formatDate(v) },
    ...(showMember ? [{ title: t('review.member'), dataIndex: 'memberName', width: 100 }] : []),
    { title: t('hours.content'), dataIndex: 'content', className: 'gj-wrap' },
    { title: t('hours.time'), key: 'time', width: 110, render: (_, e) => clock(e) },
    {
      title: t('hours.hours'),
      dataIndex: 'hours',
      width: 80,
      align: 'right',
      render: (v: number) => <span data-testid="hour-entry-hours">{formatHours(v)}</span>,
    },
    {
      title: t('hours.method'),
      key: 'method',
      width: 130,
      render: (_, e) => (
        <Flex gap={4} wrap>
          <RecordMethodTag method={e.method} />
          {e.version > 1 && <Tag color="purple">{t('hours.corrected')}</Tag>}
        </Flex>
      ),
    },
    { title: t('hours.recordedBy'), dataIndex: 'recordedByName', width: 100, render: (v: string | null) => v ?? '' },
    { title: t('hours.verifiedBy'), dataIndex: 'verifiedByName', width: 100, render: (v: string | null) => v ?? '' },
    { title: t('common.actions'), key: 'actions', width: 150, render: (_, e) => actions(e) },
  ];
  return (
    <Table<HourEntry>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={entries}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid={dataTestId}
      onRow={(e) => ({ 'data-testid': 'hour-entry', 'data-method': e.method, 'data-activity-id': e.activityId ?? '' }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hours.empty')} /> }}
    />
  );
}
