import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Household } from '../types';
import { HouseholdTags } from './HouseholdTags';
import { LeadHouseholdTag } from './LeadHouseholdTag';
import { MaskedValue } from './MaskedValue';

/** The households list on a phone: a card per household, big enough to tap, with the tags at a glance. */
export function HouseholdCardList({
  households,
  loading,
  onReveal,
}: {
  households: Household[];
  loading: boolean;
  onReveal?: (household: Household) => void;
}) {
  const { t } = useI18n();
  if (!loading && households.length === 0) return <Empty description={t('household.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="households-cards">
        {households.map((h) => (
          <Card key={h.id} size="small" data-testid="household-card">
            <Link to={`/directory/households/${encodeURIComponent(h.id)}`} style={{ color: 'inherit' }}>
              <Flex justify="space-between" align="center" gap="small">
                <div style={{ minWidth: 0 }}>
                  <Space size={6} wrap>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {h.headName}
                    </Typography.Text>
                    <Typography.Text type="secondary">{t('household.people', { n: h.peopleCount })}</Typography.Text>
                    {h.isLeadHousehold && <LeadHouseholdTag />}
                  </Space>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {h.address}
                    </Typography.Text>
                  </div>
                </div>
                <RightOutlined style={{ color: 'rgba(0,0,0,0.35)', flex: 'none' }} />
              </Flex>
            </Link>
            <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 6 }}>
              <MaskedValue value={h.headPhoneMasked} onReveal={onReveal ? () => onReveal(h) : undefined} />
              <HouseholdTags tags={h.tags} />
            </Flex>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}
