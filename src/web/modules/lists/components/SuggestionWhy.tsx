import { Flex, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { SuggestionExplanation } from '../types';
import { CategoryTag } from './CategoryTag';

/**
 * Why a suggestion came up, in words: the words both texts use, the synonyms that met (the
 * need's words ≈ the resource's words, under the dictionary's concept), the shared categories
 * and how far the unit is from the need's community.
 */
export function SuggestionWhy({ explanation }: { explanation: SuggestionExplanation }) {
  const { t } = useI18n();
  const { sharedWords, synonyms, sharedCategories, distanceSteps } = explanation;
  const line = { fontSize: 12 } as const;
  return (
    <Flex vertical gap={2} data-testid="suggestion-why">
      {sharedWords.length > 0 && (
        <Typography.Text type="secondary" style={line} data-testid="suggestion-why-words">
          {t('lists.suggest.sharedTerms', { terms: sharedWords.slice(0, 8).join('、') })}
        </Typography.Text>
      )}
      {synonyms.length > 0 && (
        <Typography.Text type="secondary" style={line} data-testid="suggestion-why-synonyms">
          {t('lists.suggest.synonyms', {
            pairs: synonyms.map((s) => t('lists.suggest.synonymPair', { need: s.needWords.join('/'), resource: s.resourceWords.join('/'), concept: s.concept })).join('；'),
          })}
        </Typography.Text>
      )}
      <Flex gap={6} align="center" wrap>
        {sharedCategories.length > 0 && (
          <Typography.Text type="secondary" style={line}>
            {t('lists.suggest.sharedCategories')}
          </Typography.Text>
        )}
        {sharedCategories.map((c) => (
          <CategoryTag key={c} category={c} />
        ))}
        {distanceSteps !== null && (
          <Typography.Text type="secondary" style={line} data-testid="suggestion-why-distance">
            {distanceSteps === 0 ? t('lists.suggest.sameCommunity') : t('lists.suggest.steps', { steps: distanceSteps })}
          </Typography.Text>
        )}
      </Flex>
    </Flex>
  );
}
