import { BulbOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { NeedSuggestion, NeedSuggestions } from '../types';
import { CategoryTag } from './CategoryTag';
import { ScoreBreakdown } from './ScoreBreakdown';
import { SuggestionWhy } from './SuggestionWhy';

/**
 * On a resource's page: the published needs (of the communities its unit may see) it could serve,
 * best first, with the reasons of each score (GET /lists/resources/:id/suggestions).
 */
export function NeedSuggestionList({ resourceId }: { resourceId: string }) {
  const { t } = useI18n();
  const found = useApi<NeedSuggestions>(`/lists/resources/${encodeURIComponent(resourceId)}/suggestions`, { limit: 10 });
  const items = found.data?.items ?? [];
  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          <BulbOutlined style={{ color: '#d48806' }} />
          {t('lists.suggest.needsTitle')}
        </Flex>
      }
      extra={
        <Button size="small" type="link" onClick={found.reload}>
          {t('lists.suggest.refresh')}
        </Button>
      }
      data-testid="need-suggestions"
    >
      {found.error && <ErrorAlert error={found.error} onRetry={found.reload} />}
      <List<NeedSuggestion>
        loading={found.loading}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lists.suggest.noNeeds')} /> }}
        renderItem={(s, index) => (
          <List.Item key={s.needId} data-testid="suggestion" data-id={s.needId} style={{ display: 'block' }}>
            <Flex vertical gap={2}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text type="secondary">{index + 1}.</Typography.Text>
                <Link to={`/lists/needs/${encodeURIComponent(s.needId)}`} data-testid="suggestion-link">
                  <Typography.Text strong>{s.title}</Typography.Text>
                </Link>
                <CategoryTag category={s.category} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {s.communityName}
              </Typography.Text>
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
