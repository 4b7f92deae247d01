import { BellOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Grid, List, Pagination, Progress, Row, Select, Statistic, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf, positiveInt } from '../../../lib/params';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import { RegionSelect } from '../../../ui/RegionSelect';
import { useListParams } from '../../../lib/useListParams';
import { BehindChart } from '../components/BehindChart';
import { formatHours } from '../format';
import type { BehindEntry, BehindList, QuotaSummary } from '../types';
import '../volunteering.css';

const KINDS = ['members', 'units', 'team_members'] as const;
type BehindKind = (typeof KINDS)[number];
const SORT_FIELDS: readonly never[] = [];

/** This quarter and the three before it, newest first, as 'YYYY-Q'. */
function recentQuarters(): { year: number; quarter: number }[] {
  const now = dayjs();
  let year = now.year();
  let quarter = Math.floor(now.month() / 3) + 1;
  const out = [];
  for (let i = 0; i < 4; i++) {
    out.push({ year, quarter });
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return out;
}

/**
 * /volunteering/quota: where a unit or a community (the caller's own, or an area picked) stands
 * this quarter — members on track and behind, hours, the unit's concentrated activities — and the
 * lists of those behind (members, units, volunteer-team members), with a reminder for them.
 */
export function QuotaBoardPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const user = useCurrentUser();
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const { params, page, pageSize, update } = useListParams(SORT_FIELDS);
  const [reminding, setReminding] = useState(false);
  const quarters = recentQuarters();
  const year = positiveInt(params.get('year'), quarters[0]!.year);
  const quarter = positiveInt(params.get('quarter'), quarters[0]!.quarter);
  const kind = oneOf<BehindKind>(params.get('kind'), KINDS) ?? 'members';
  const regionId = params.get('regionId') ?? undefined;
  const unitRole = user.roles.find((r) => r.role === 'unit_admin' && r.scopeId);
  const period = { year, quarter };
  const summary = useApi<QuotaSummary>('/volunteering/quota/summary', { ...period, regionId });
  const behind = useApi<BehindList>('/volunteering/quota/behind', { ...period, kind, regionId, unitOrgId: unitRole?.scopeId ?? undefined, page, pageSize });
  const s = summary.data;

  const remind = async () => {
    setReminding(true);
    try {
      const { sent } = await api.post<{ sent: number }>('/volunteering/quota/reminders');
      feedback.ok(t('quotaBoard.reminded', { sent }));
    } catch (error) {
      feedback.fail(error);
    } finally {
      setReminding(false);
    }
  };

  const unitOfMeasure = kind === 'members' ? ' h' : '';
  const amount = (v: number) => `${formatHours(v)}${unitOfMeasure}`;
  const columns: TableColumnsType<BehindEntry> = [
    { title: t('quotaBoard.name'), dataIndex: 'name', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    ...(kind !== 'units'
      ? [
          { title: t('quotaBoard.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '' },
          { title: t('quotaBoard.community'), dataIndex: 'communityName', render: (v: string | null) => v ?? '' },
        ]
      : []),
    { title: t('quotaBoard.done'), dataIndex: 'done', align: 'right', render: (v: number) => amount(v) },
    { title: t('quotaBoard.required'), dataIndex: 'required', align: 'right', render: (v: number) => amount(v) },
    { title: t('quotaBoard.left'), dataIndex: 'left', align: 'right', render: (v: number) => <Typography.Text type="danger">{amount(v)}</Typography.Text> },
  ];
  const behindItems = behind.data?.items ?? [];
  const total = behind.data?.total ?? 0;
  const metPercent = s && s.members > 0 ? Math.round((s.membersMet / s.members) * 100) : 0;

  return (
    <div data-testid="quota-board">
      <PageHeader
        title={t('quotaBoard.title')}
        extra={
          <>
            <Select<string>
              value={`${year}-${quarter}`}
              onChange={(v) => {
                const [y, q] = v.split('-');
                const current = quarters[0]!;
                update({ year: Number(y) === current.year && Number(q) === current.quarter ? undefined : y, quarter: Number(y) === current.year && Number(q) === current.quarter ? undefined : q });
              }}
              options={quarters.map((q) => ({ value: `${q.year}-${q.quarter}`, label: t('quotaBoard.quarterOption', q) }))}
              style={{ width: phone ? '100%' : 170 }}
              aria-label={t('quotaBoard.period')}
              data-testid="quota-quarter"
            />
            {!unitRole && can('directory.region.read') && (
              <RegionSelect
                value={regionId}
                onChange={(id) => update({ regionId: id })}
                kinds={['city', 'district', 'street', 'community']}
                deepest="community"
                placeholder={t('dashboard.wholeReach')}
                style={{ width: phone ? '100%' : 200 }}
                data-testid="quota-region"
              />
            )}
            <Button icon={<BellOutlined />} loading={reminding} onClick={() => void remind()} data-testid="quota-remind">
              {t('quotaBoard.remind')}
            </Button>
          </>
        }
      />
      {summary.error && <ErrorAlert error={summary.error} onRetry={summary.reload} />}
      {!s && !summary.error ? (
        <PageSpinner />
      ) : (
        s && (
          <>
            <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 12 }}>
              {s.name} · {t('quota.quarter', { year: s.quarter.year, quarter: s.quarter.quarter, from: formatDate(s.quarter.from), to: formatDate(s.quarter.to) })} ·{' '}
              {s.quarter.daysRemaining > 0 ? t('quotaBoard.daysRemaining', { days: s.quarter.daysRemaining }) : t('quota.over')}
            </Typography.Text>
            <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
              <Col xs={24} md={8}>
                <Card size="small" style={{ height: '100%' }}>
                  <Flex align="center" gap={16}>
                    <Progress type="circle" size={phone ? 84 : 96} percent={metPercent} strokeColor="#389e0d" data-testid="quota-met-percent" />
                    <Flex vertical>
                      <Typography.Text type="secondary">{t('quotaBoard.chart')}</Typography.Text>
                      <Typography.Text strong style={{ fontSize: 18 }}>
                        {s.membersMet} / {s.members}
                      </Typography.Text>
                    </Flex>
                  </Flex>
                </Card>
              </Col>
              <Col xs={12} md={4}>
                <Card size="small" style={{ height: '100%' }} data-testid="quota-members-behind">
                  <Statistic title={t('quotaBoard.membersBehind')} value={s.membersBehind} styles={{ content: { color: s.membersBehind > 0 ? '#cf1322' : undefined } }} />
                </Card>
              </Col>
              <Col xs={12} md={4}>
                <Card size="small" style={{ height: '100%' }}>
                  <Statistic title={t('quotaBoard.totalHours')} value={formatHours(s.totalHours)} />
                </Card>
              </Col>
              {s.unitActivities && (
                <Col xs={24} md={8}>
                  <Card size="small" style={{ height: '100%' }}>
                    <Statistic title={t('quotaBoard.unitActivities')} value={s.unitActivities.done} suffix={`/ ${s.unitActivities.required}`} styles={{ content: { color: s.unitActivities.met ? '#389e0d' : '#cf1322' } }} />
                  </Card>
                </Col>
              )}
            </Row>
          </>
        )
      )}
      <Card size="small" styles={{ body: { padding: phone ? 12 : 16, paddingTop: 4 } }}>
        <Tabs
          activeKey={kind}
          onChange={(key) => update({ kind: key === 'members' ? undefined : key })}
          items={KINDS.map((k) => ({ key: k, label: t(k === 'members' ? 'quotaBoard.behindMembers' : k === 'units' ? 'quotaBoard.behindUnits' : 'quotaBoard.behindTeam') }))}
          data-testid="quota-behind-tabs"
        />
        {behind.error && <ErrorAlert error={behind.error} onRetry={behind.reload} />}
        {behindItems.length > 0 && kind !== 'units' && <BehindChart entries={behindItems} phone={phone} />}
        {phone ? (
          <List
            dataSource={behindItems}
            loading={behind.loading}
            data-testid="quota-behind"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quotaBoard.emptyBehind')} /> }}
            renderItem={(e) => (
              <List.Item key={e.id} data-testid="quota-behind-row" extra={<Typography.Text type="danger">{`${t('quotaBoard.left')} ${amount(e.left)}`}</Typography.Text>}>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Typography.Text strong>{e.name}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[e.unitName, e.communityName, `${amount(e.done)} / ${amount(e.required)}`].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<BehindEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={behindItems}
            loading={behind.loading}
            pagination={false}
            data-testid="quota-behind"
            onRow={() => ({ 'data-testid': 'quota-behind-row' }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quotaBoard.emptyBehind')} /> }}
          />
        )}
        {total > pageSize && (
          <Pagination
            simple={phone}
            current={page}
            pageSize={pageSize}
            total={total}
            showSizeChanger={false}
            onChange={(p) => update({ page: p === 1 ? undefined : p })}
            style={{ marginTop: 12, textAlign: 'center' }}
          />
        )}
      </Card>
    </div>
  );
}
