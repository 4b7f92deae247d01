import { SwapOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Pairing } from '../types';
import { AgreementLink } from './AgreementLink';
import { PairingPeople } from './PairingPeople';
import { PairingStatusTag } from './PairingStatusTag';

/** The pairings on a phone: one card per pair, both sides with their people, agreement and actions. */
export function PairingCardList({
  pairings,
  loading,
  reportIn,
  actions,
}: {
  pairings: Pairing[];
  loading: boolean;
  /** The 单位报到 status or button of an active pairing. */
  reportIn: (pairing: Pairing) => ReactNode;
  actions: (pairing: Pairing) => ReactNode;
}) {
  const { t } = useI18n();
  if (!loading && pairings.length === 0) return <Empty description={t('pairing.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="pairings-cards">
        {pairings.map((p) => (
          <Card key={p.id} size="small" data-testid="pairing-card">
            <Flex justify="space-between" align="flex-start" gap="small">
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{p.unitName}</Typography.Text>
                <PairingPeople secretary={p.unitSecretary} liaison={p.unitLiaison} group={p.unitLeadingGroup} />
              </div>
              <PairingStatusTag status={p.status} />
            </Flex>
            <Flex align="center" gap={6} style={{ margin: '4px 0', color: 'rgba(0,0,0,0.35)' }}>
              <SwapOutlined rotate={90} />
            </Flex>
            <div>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>{p.communityName}</Typography.Text>
                {p.village && <Tag color="green">{t('kind.region.village')}</Tag>}
                {p.streetName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.streetName}
                  </Typography.Text>
                )}
              </Flex>
              <PairingPeople secretary={p.communitySecretary} liaison={p.communityLiaison} group={p.communityLeadingGroup} />
            </div>
            {p.status === 'active' && (
              <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 8 }}>
                <AgreementLink pairing={p} />
                {reportIn(p)}
              </Flex>
            )}
            {p.note && (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0', fontSize: 12 }}>
                {p.note}
              </Typography.Paragraph>
            )}
            {p.endReason && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('pairing.endReasonIs', { reason: p.endReason })}
              </Typography.Text>
            )}
            <div style={{ marginTop: 8 }}>{actions(p)}</div>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}
