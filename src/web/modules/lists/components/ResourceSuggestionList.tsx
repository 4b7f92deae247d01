import { BulbOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { ResourceSuggestion, ResourceSuggestions } from '../types';
import { CategoryTag } from './CategoryTag';
import { ScoreBreakdown } from './ScoreBreakdown';
import { SuggestionFeedbackButtons } from './SuggestionFeedbackButtons';
import { SuggestionWhy } from './SuggestionWhy';

/**
 * On a need's page: the resources (and their units) most likely to answer it, best first, each with
 * the reasons of its score (GET /lists/needs/:id/suggestions). `action` adds a button per resource.
 */
export function ResourceSuggestionList({ needId, action, canJudge = false }: { needId: string; action?: (s: ResourceSuggestion) => ReactNode; canJudge?: boolean }) {
  const { t } = useI18n();
  const found = useApi<ResourceSuggestions>(`/lists/needs/${encodeURIComponent(needId)}/suggestions`, { limit: 10 });
  const items = found.data?.items ?? [];
  const judged = useApi<{ items: Array<{ resourceId: string; useful: boolean }> }>(canJudge ? `/lists/needs/${encodeURIComponent(needId)}/suggestion-feedback` : null);
  const judgement = (resourceId: string) => judged.data?.items.find((f) => f.resourceId === resourceId)?.useful ?? null;
  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          <BulbOutlined style={{ color: '#d48806' }} />
          {t('lists.suggest.resourcesTitle')}
        </Flex>
      }
      extra={
        <Button size="small" type="link" onClick={found.reload}>
          {t('lists.suggest.refresh')}
        </Button>
      }
      data-testid="resource-suggestions"
    >
      {found.error && <ErrorAlert error={found.error} onRetry={found.reload} />}
      <List<ResourceSuggestion>
        loading={found.loading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lists.suggest.noResources')} /> }}
        renderItem={(s, index) => (
          <List.Item key={s.resourceId} data-testid="suggestion" data-id={s.resourceId} style={{ display: 'block' }}>
            <Flex justify="space-between" align="flex-start" gap={8} wrap>
              <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                  <Link to={`/lists/resources/${encodeURIComponent(s.resourceId)}`}>
                    <Typography.Text strong>{s.title}</Typography.Text>
                  </Link>
                  <Tag>{t(`lists.resourceKind.${s.kind}`)}</Tag>
                  <CategoryTag category={s.category} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {s.unitName}
                </Typography.Text>
              </Flex>
              <Flex gap={6} align="center">
                {canJudge && !judged.loading && <SuggestionFeedbackButtons needId={needId} resourceId={s.resourceId} initial={judgement(s.resourceId)} />}
                {action?.(s)}
              </Flex>
            </Flex>
            <div style={{ marginTop: 6 }}>
              <ScoreBreakdown score={s.score} parts={s.parts} sharedTerms={[]} paired={s.paired} />
              <SuggestionWhy explanation={s.explanation} />
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
