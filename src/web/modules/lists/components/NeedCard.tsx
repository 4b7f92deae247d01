import { CalendarOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Flex } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { RowCard } from '../../../ui/RowCard';
import type { Need } from '../types';
import { CategoryTag } from './CategoryTag';
import { PriorityTag } from './PriorityTag';
import { StatusTag } from './StatusTag';

/** A need on a phone: a card linking to the need. */
export function NeedCard({ need: n }: { need: Need }) {
  const { t, formatDate } = useI18n();
  return (
    <RowCard to={`/lists/needs/${encodeURIComponent(n.id)}`} title={n.title} tag={<StatusTag of="need" status={n.status} />} testId="need-card" id={n.id}>
      <Flex gap={4} wrap style={{ marginTop: 6 }}>
        <CategoryTag category={n.category} />
        <PriorityTag priority={n.priority} />
      </Flex>
      <Flex vertical gap={2} style={{ marginTop: 6, fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>
        <span>
          <EnvironmentOutlined /> {n.communityName}
          {n.place ? ` · ${n.place}` : ''}
        </span>
        {n.beneficiaries && (
          <span>
            <TeamOutlined /> {n.beneficiaries}
          </span>
        )}
        {(n.startsOn || n.endsOn) && (
          <span>
            <CalendarOutlined /> {t('lists.dateRange', { from: formatDate(n.startsOn), to: formatDate(n.endsOn) })}
          </span>
        )}
      </Flex>
    </RowCard>
  );
}
