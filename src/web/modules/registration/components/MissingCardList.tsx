import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { missingKey } from '../missingKey';
import type { MissingEntry } from '../types';

/** Who has not reported in yet, on a phone: one card per member or unit. */
export function MissingCardList({ entries, loading }: { entries: MissingEntry[]; loading: boolean }) {
  const { t } = useI18n();
  if (!loading && entries.length === 0) return <Empty description={t('missing.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="missing-cards">
        {entries.map((e) => (
          <Card key={missingKey(e)} size="small" data-testid="missing-card">
            <Flex justify="space-between" align="center" gap="small">
              <Typography.Text strong style={{ fontSize: 16 }}>
                {e.kind === 'unit' ? e.unitName : e.memberName}
              </Typography.Text>
              {e.kind === 'member' && e.memberPhoneMasked && <span className="gj-masked">{e.memberPhoneMasked}</span>}
            </Flex>
            {e.kind === 'member' && e.unitName && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {e.unitName}
              </Typography.Text>
            )}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {[e.streetName, e.communityName].filter(Boolean).join(' · ') || t('missing.noCommunity')}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}
