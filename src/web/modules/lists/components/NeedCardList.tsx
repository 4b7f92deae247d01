import { CalendarOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Need } from '../types';
import { CategoryTag } from './CategoryTag';
import { PriorityTag } from './PriorityTag';
import { StatusTag } from './StatusTag';

/** The needs on a phone: one card each, the title a link to the need. */
export function NeedCardList({ needs, loading }: { needs: Need[]; loading: boolean }) {
  const { t, formatDate } = useI18n();
  if (!loading && needs.length === 0) return <Empty description={t('lists.need.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="needs-cards">
        {needs.map((n) => (
          <Link key={n.id} to={`/lists/needs/${encodeURIComponent(n.id)}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable data-testid="need-card" data-id={n.id}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Typography.Text strong style={{ minWidth: 0 }}>
                  {n.title}
                </Typography.Text>
                <StatusTag of="need" status={n.status} />
              </Flex>
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
            </Card>
          </Link>
        ))}
      </Flex>
    </Spin>
  );
}
