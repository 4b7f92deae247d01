import { RightOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Organization } from '../types';

/** The organisations list on a phone: one card each, with kind, sector and member count. */
export function OrganizationCardList({ organizations, loading }: { organizations: Organization[]; loading: boolean }) {
  const { t } = useI18n();
  if (!loading && organizations.length === 0) return <Empty description={t('organization.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="organizations-cards">
        {organizations.map((o) => (
          <Link key={o.id} to={`/directory/organizations/${encodeURIComponent(o.id)}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable data-testid="organization-card">
              <Flex justify="space-between" align="center" gap="small">
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{o.name}</Typography.Text>
                  <div>
                    <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                      <Tag style={{ marginInlineEnd: 0 }}>{t(`kind.organization.${o.kind}`)}</Tag>
                      {o.sector && <Tag style={{ marginInlineEnd: 0 }}>{t(`sector.${o.sector}`)}</Tag>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        <TeamOutlined /> {o.memberCount}
                      </Typography.Text>
                    </Space>
                  </div>
                  {(o.regionName ?? o.secretaryName) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[o.regionName, o.secretaryName ? t('organization.secretaryIs', { name: o.secretaryName }) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  )}
                </div>
                <RightOutlined style={{ color: 'rgba(0,0,0,0.35)', flex: 'none' }} />
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
    </Spin>
  );
}
