import { Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { AuditEvent } from '../../../lib/types';
import { JsonBlock } from '../../../ui/JsonBlock';
import { changedKeys } from './changedKeys';

/** The expanded row of an audit event: request facts, then before and after side by side. */
export function AuditEventDetail({ event }: { event: AuditEvent }) {
  const { t, tName } = useI18n();
  const changed = changedKeys(event.before, event.after);
  const hasData = (event.before ?? null) !== null || (event.after ?? null) !== null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={`audit-detail-${event.id}`}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'requestId', label: t('audit.requestId'), children: event.requestId ?? '—' },
          { key: 'ip', label: t('audit.ip'), children: event.ip ?? '—' },
          { key: 'entity', label: t('audit.entity'), children: event.entityType ? `${tName('entity', event.entityType)} ${event.entityId ?? ''}` : '—' },
          { key: 'actor', label: t('audit.actor'), children: event.actorUserId ?? t('audit.anonymous') },
          {
            key: 'userAgent',
            label: t('audit.userAgent'),
            span: 'filled',
            children: <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>{event.userAgent ?? '—'}</Typography.Text>,
          },
        ]}
      />
      {changed.length > 0 && (
        <Space size={[4, 4]} wrap>
          {changed.map((k) => (
            <Tag key={k} color="gold">
              {k}
            </Tag>
          ))}
        </Space>
      )}
      {hasData && (
        <Row gutter={[16, 12]}>
          <Col xs={24} md={12}>
            <Typography.Text strong>{t('audit.before')}</Typography.Text>
            <JsonBlock value={event.before} data-testid="audit-before" />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text strong>{t('audit.after')}</Typography.Text>
            <JsonBlock value={event.after} data-testid="audit-after" />
          </Col>
        </Row>
      )}
    </Space>
  );
}
