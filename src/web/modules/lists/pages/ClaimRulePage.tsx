import { SaveOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Grid, InputNumber, List, Pagination, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { positiveInt } from '../../../lib/params';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useFeedback } from '../../../ui/useFeedback';
import { useListParams } from '../../../lib/useListParams';
import { YearSelect } from '../components/YearSelect';
import { thisYear } from '../scopes';
import type { ClaimRuleProgress, SetClaimRuleBody, UnitClaimProgress } from '../types';

const SORT_FIELDS: readonly never[] = [];

/**
 * /lists/claim-rule[?year=]: the yearly rule "each unit claims at least N projects" (每个单位每年至少
 * 认领 N 个项目) — how many units meet it, and a progress bar per unit, fewest claims first. The
 * supervisor sets N for the year.
 */
export function ClaimRulePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, page, update } = list;
  const pageSize = 20;
  const year = positiveInt(params.get('year'), thisYear());
  const progress = useApi<ClaimRuleProgress>('/lists/claim-rule', { year, page, pageSize });
  const data = progress.data?.year === year ? progress.data : undefined;
  const [draft, setDraft] = useState<{ year: number; value: number | null } | null>(null);
  const [saving, setSaving] = useState(false);
  const min = data?.minProjects ?? 0;
  const value = draft?.year === year ? draft.value : min;

  const save = async () => {
    if (value === null) return;
    setSaving(true);
    try {
      const body: SetClaimRuleBody = { year, minProjects: value };
      await api.put('/lists/claim-rule', body);
      feedback.ok(t('lists.rule.saved', { year, n: value }));
      setDraft(null);
      progress.reload();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setSaving(false);
    }
  };

  const percentMet = data && data.unitsTotal > 0 ? Math.round((data.unitsMet / data.unitsTotal) * 100) : 0;

  const row = (u: UnitClaimProgress) => {
    const percent = min > 0 ? Math.min(100, Math.round((u.claimed / min) * 100)) : 100;
    return (
      <List.Item key={u.unitOrgId} data-testid="rule-unit" data-met={u.met ? 'true' : 'false'} style={{ display: 'block' }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong style={{ minWidth: 0 }}>
            {u.unitName}
          </Typography.Text>
          <Flex gap={6} align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('lists.rule.completed', { n: u.completed })}
            </Typography.Text>
            <Tag color={u.met ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
              {t(u.met ? 'lists.rule.met' : 'lists.rule.notMet')}
            </Tag>
          </Flex>
        </Flex>
        <Progress
          percent={percent}
          status={u.met ? 'success' : 'active'}
          strokeColor={u.met ? undefined : '#d48806'}
          format={() => t('lists.rule.claimedOf', { claimed: u.claimed, min })}
          style={{ margin: '4px 0 0' }}
        />
      </List.Item>
    );
  };

  return (
    <>
      <PageHeader
        title={t('lists.rule.title')}
        extra={<YearSelect value={year} onChange={(y) => update({ year: y === thisYear() ? undefined : y })} data-testid="rule-year" />}
      />
      {progress.error && <ErrorAlert error={progress.error} onRetry={progress.reload} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('lists.rule.minimum', { year })} value={min} suffix={t('lists.rule.perUnit')} data-testid="rule-min" />
            {can('lists.rule.manage') && (
              <Flex gap={8} align="center" style={{ marginTop: 8 }} wrap>
                <InputNumber
                  min={0}
                  max={50}
                  precision={0}
                  value={value}
                  onChange={(v) => setDraft({ year, value: v })}
                  style={{ width: 90 }}
                  data-testid="rule-input"
                />
                <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={value === null || value === min} onClick={() => void save()} data-testid="rule-save">
                  {t('common.save')}
                </Button>
              </Flex>
            )}
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card size="small" style={{ height: '100%' }}>
            <Flex gap={24} align="center" wrap>
              <Progress type="dashboard" percent={percentMet} size={phone ? 96 : 120} strokeColor="var(--gj-brand)" data-testid="rule-dashboard" />
              <Flex vertical gap={4}>
                <Statistic title={t('lists.rule.unitsMet')} value={data?.unitsMet ?? 0} suffix={`/ ${data?.unitsTotal ?? 0}`} />
                <Typography.Text type="secondary">{t('lists.rule.help', { n: min })}</Typography.Text>
              </Flex>
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('lists.rule.unitsTitle')}>
        <List<UnitClaimProgress>
          loading={progress.loading}
          dataSource={data?.items ?? []}
          renderItem={row}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lists.rule.noUnits')} /> }}
          data-testid="rule-units"
        />
        {(data?.total ?? 0) > pageSize && (
          <Pagination
            simple={phone}
            current={page}
            pageSize={pageSize}
            total={data?.total ?? 0}
            showSizeChanger={false}
            onChange={(p) => update({ page: p === 1 ? undefined : p })}
            style={{ marginTop: 12, textAlign: 'center' }}
          />
        )}
      </Card>
    </>
  );
}
