import { Flex, Rate, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { formatHours } from '../format';

/** The star level (星级) by total verified hours, and how far the next star is. */
/** Without `total` it says the total the next star needs instead of what is left. */
export function StarLevel({ stars, nextAt, total }: { stars: number; nextAt: number | null; total?: number }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={2} data-testid="star-level" data-stars={stars}>
      <Rate disabled count={5} value={stars} style={{ fontSize: 20, color: '#d48806' }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {nextAt === null
          ? t('hours.starMax')
          : total === undefined
            ? t('hours.starNextAt', { hours: formatHours(nextAt), next: stars + 1 })
            : t('hours.starNext', { hours: formatHours(Math.max(0, nextAt - total)), next: stars + 1 })}
      </Typography.Text>
    </Flex>
  );
}
