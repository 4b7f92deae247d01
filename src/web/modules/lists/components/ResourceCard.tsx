import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { RowCard } from '../../../ui/RowCard';
import type { Resource } from '../types';
import { CategoryTag } from './CategoryTag';
import { StatusTag } from './StatusTag';

/** A resource on a phone: a card linking to the resource. */
export function ResourceCard({ resource: r }: { resource: Resource }) {
  const { t } = useI18n();
  return (
    <RowCard to={`/lists/resources/${encodeURIComponent(r.id)}`} title={r.title} tag={<StatusTag of="resource" status={r.status} />} testId="resource-card" id={r.id}>
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
    </RowCard>
  );
}
