import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { isExpiring } from '../expiring';
import type { Agreement } from '../types';
import { AgreementStatusTag } from './AgreementStatusTag';
import { ExpiryTag } from './ExpiryTag';

/** The agreements on a phone: one card each, those about to expire marked. */
export function AgreementCardList({ agreements, loading }: { agreements: Agreement[]; loading: boolean }) {
  const { t, formatDate } = useI18n();
  if (!loading && agreements.length === 0) return <Empty description={t('agreement.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="agreements-cards">
        {agreements.map((a) => (
          <Link key={a.id} to={`/registration/agreements/${encodeURIComponent(a.id)}`} style={{ color: 'inherit' }}>
            <Card
              size="small"
              hoverable
              data-testid="agreement-card"
              style={isExpiring(a) ? { borderColor: '#faad14', background: '#fffbe6' } : undefined}
            >
              <Flex justify="space-between" align="center" gap="small">
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{a.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('agreement.termRange', { from: formatDate(a.termStart), to: formatDate(a.termEnd) })}
                  </Typography.Text>
                  <Flex gap={4} wrap style={{ marginTop: 4 }}>
                    <AgreementStatusTag status={a.status} />
                    <ExpiryTag agreement={a} />
                  </Flex>
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
