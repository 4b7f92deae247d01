import { Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { SCORE_PARTS } from '../constants';
import type { ScoreParts } from '../types';

/**
 * Why a suggestion came up: the overall match as a bar, then each part of the score (words in
 * common, category, distance in the region tree, availability, past success) and the shared words.
 */
export function ScoreBreakdown({ score, parts, sharedTerms, paired }: { score: number; parts: ScoreParts; sharedTerms: string[]; paired: boolean }) {
  const { t } = useI18n();
  const percent = Math.round(score * 100);
  // The matcher's concept tags (#tax…) are for scoring, not for reading.
  const words = sharedTerms.filter((w) => !w.startsWith('#'));
  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }}>
      <Flex align="center" gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('lists.suggest.match')}
        </Typography.Text>
        <Progress percent={percent} size="small" strokeColor="var(--gj-brand)" style={{ flex: 1, margin: 0, minWidth: 80 }} data-testid="suggestion-score" />
        {paired && <Tag color="red">{t('lists.suggest.paired')}</Tag>}
      </Flex>
      <Flex gap={4} wrap>
        {SCORE_PARTS.map((p) => (
          <Tooltip key={p} title={t(`lists.scorePart.${p}.help`)}>
            <Tag variant="filled" color={parts[p] >= 0.6 ? 'green' : parts[p] >= 0.3 ? 'blue' : 'default'} style={{ fontSize: 12 }}>
              {t(`lists.scorePart.${p}`)} {Math.round(parts[p] * 100)}%
            </Tag>
          </Tooltip>
        ))}
      </Flex>
      {words.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('lists.suggest.sharedTerms', { terms: words.slice(0, 8).join('、') })}
        </Typography.Text>
      )}
    </Flex>
  );
}
