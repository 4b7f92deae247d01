import { CheckOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Result, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import { filled } from '../forms';
import { CategoryTag } from '../components/CategoryTag';
import { NeedSuggestionList } from '../components/NeedSuggestionList';
import { ResourceFormDrawer } from '../components/ResourceFormDrawer';
import { StatusTag } from '../components/StatusTag';
import type { Resource } from '../types';

/**
 * /lists/resources/:id: one resource of a unit. Its unit edits, publishes or withdraws it; the
 * needs it could serve are suggested beside it, best first, with the reasons of each match.
 */
export function ResourceDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDate, formatDateTime } = useI18n();
  const feedback = useFeedback();
  const loaded = useApi<Resource>(`/lists/resources/${encodeURIComponent(id)}`);
  const [latest, setLatest] = useState<Resource | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);

  const resource = latest?.id === id ? latest : loaded.data?.id === id ? loaded.data : undefined;

  const act = async (action: 'publish' | 'withdraw') => {
    if (!resource) return;
    setBusy(true);
    try {
      const saved = await api.post<Resource>(`/lists/resources/${encodeURIComponent(resource.id)}/${action}`);
      setLatest(saved);
      feedback.ok(t(action === 'publish' ? 'lists.resource.published' : 'lists.resource.withdrawn'));
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (loaded.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/lists/resources">
            <Button>{t('lists.resource.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!resource) return loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : <PageSpinner />;

  const r = resource;
  return (
    <>
      <PageHeader
        crumbs={[{ title: t('lists.resource.listTitle'), to: '/lists/resources' }]}
        title={r.title}
        extra={
          r.canEdit && (
            <>
              {r.status !== 'withdrawn' && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="resource-edit">
                  {t('common.edit')}
                </Button>
              )}
              {r.status !== 'published' ? (
                <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void act('publish')} data-testid="resource-publish">
                  {t('lists.publish')}
                </Button>
              ) : (
                <Button icon={<RollbackOutlined />} loading={busy} onClick={() => void act('withdraw')} data-testid="resource-withdraw">
                  {t('lists.resource.withdraw')}
                </Button>
              )}
            </>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small">
            <Flex gap={6} wrap align="center" style={{ marginBottom: 12 }}>
              <span data-testid="resource-status" data-status={r.status}>
                <StatusTag of="resource" status={r.status} />
              </span>
              <Tag>{t(`lists.resourceKind.${r.kind}`)}</Tag>
              <CategoryTag category={r.category} />
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'unit', label: t('lists.unit'), children: r.unitName },
                { key: 'skills', label: t('lists.resource.skills'), children: r.skills.map((s) => <Tag key={s}>{s}</Tag>) },
                {
                  key: 'quantity',
                  label: r.kind === 'funds' ? t('lists.budgetYuan') : t('lists.resource.quantity'),
                  children: r.quantity === null ? '' : r.quantity.toLocaleString(),
                },
                {
                  key: 'available',
                  label: t('lists.resource.available'),
                  children: [
                    r.availableFrom || r.availableUntil ? t('lists.dateRange', { from: formatDate(r.availableFrom), to: formatDate(r.availableUntil) }) : null,
                    r.availabilityNote,
                  ]
                    .filter(Boolean)
                    .join(' · '),
                },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(r.updatedAt) },
              ].filter(filled)}
            />
            {r.description && (
              <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{r.description}</Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <NeedSuggestionList resourceId={r.id} />
        </Col>
      </Row>
      <ResourceFormDrawer
        open={editing}
        resource={r}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          setLatest(saved);
        }}
      />
    </>
  );
}
