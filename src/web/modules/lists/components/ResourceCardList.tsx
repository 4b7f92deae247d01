import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Resource } from '../types';
import { CategoryTag } from './CategoryTag';
import { StatusTag } from './StatusTag';

/** The resources on a phone: one card each, the title a link to the resource. */
export function ResourceCardList({ resources, loading }: { resources: Resource[]; loading: boolean }) {
  const { t } = useI18n();
  if (!loading && resources.length === 0) return <Empty description={t('lists.resource.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="resources-cards">
        {resources.map((r) => (
          <Link key={r.id} to={`/lists/resources/${encodeURIComponent(r.id)}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable data-testid="resource-card" data-id={r.id}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Typography.Text strong style={{ minWidth: 0 }}>
                  {r.title}
                </Typography.Text>
                <StatusTag of="resource" status={r.status} />
              </Flex>
              <Flex gap={4} wrap style={{ marginTop: 6 }}>
                <Tag>{t(`lists.resourceKind.${r.kind}`)}</Tag>
                <CategoryTag category={r.category} />
              </Flex>
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6, fontSize: 13 }}>
                {r.unitName}
                {r.availabilityNote ? ` · ${r.availabilityNote}` : ''}
              </Typography.Text>
              {r.skills.length > 0 && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.skills.join('、')}
                </Typography.Text>
              )}
            </Card>
          </Link>
        ))}
      </Flex>
    </Spin>
  );
}
