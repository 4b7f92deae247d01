import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Member } from '../types';
import { MaskedValue } from './MaskedValue';
import { MemberStatusTag } from './MemberStatusTag';

/** The members list on a phone: one card per member instead of the wide table. */
export function MemberCardList({
  members,
  loading,
  onReveal,
}: {
  members: Member[];
  loading: boolean;
  /** Given with the reveal permission. */
  onReveal?: (member: Member) => void;
}) {
  const { t } = useI18n();
  if (!loading && members.length === 0) return <Empty description={t('member.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="members-cards">
        {members.map((m) => {
          const residence = [m.residenceName, m.gridName, m.buildingName].filter(Boolean).join(' · ');
          return (
            <Card key={m.id} size="small" data-testid="member-card">
              <Link to={`/directory/members/${encodeURIComponent(m.id)}`} style={{ color: 'inherit' }}>
                <Flex justify="space-between" align="center" gap="small">
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>
                      {m.name}
                    </Typography.Text>{' '}
                    {m.gender && <Typography.Text type="secondary">{t(`gender.${m.gender}`)}</Typography.Text>}
                    {m.employerName && (
                      <div>
                        <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
                          {m.employerName}
                        </Typography.Text>
                      </div>
                    )}
                    {residence && (
                      <div>
                        <Typography.Text type="secondary" ellipsis style={{ fontSize: 13 }}>
                          {residence}
                        </Typography.Text>
                      </div>
                    )}
                  </div>
                  <Space>
                    <MemberStatusTag status={m.status} />
                    <RightOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
                  </Space>
                </Flex>
              </Link>
              <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 6 }}>
                <MaskedValue value={m.phoneMasked} onReveal={onReveal ? () => onReveal(m) : undefined} />
                {m.skills.length > 0 && (
                  <Space size={[4, 4]} wrap>
                    {m.skills.slice(0, 3).map((s) => (
                      <Tag key={s} style={{ marginInlineEnd: 0 }}>
                        {s}
                      </Tag>
                    ))}
                  </Space>
                )}
              </Flex>
            </Card>
          );
        })}
      </Flex>
    </Spin>
  );
}
