import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Grid, Input, Pagination, Row, Segmented, Select, Spin, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { ListFilters } from '../../../ui/ListFilters';
import { useListParams } from '../../../lib/useListParams';
import { ActivityCalendar } from '../components/ActivityCalendar';
import { ActivityCard } from '../components/ActivityCard';
import { ActivityFormDrawer } from '../components/ActivityFormDrawer';
import { ACTIVITY_KINDS, DISTANCES } from '../constants';
import { DATE_ONLY } from '../format';
import type { Activity, ActivityKind } from '../types';
import '../volunteering.css';

const TABS = ['joinable', 'all', 'managed'] as const;
type Tab = (typeof TABS)[number];
const VIEWS = ['list', 'calendar'] as const;
type View = (typeof VIEWS)[number];
const SORT_FIELDS: readonly never[] = [];
const DISTANCE_VALUES = DISTANCES.map(String);

/**
 * /volunteering/activities: what a member can join (nearest first), every activity in reach, or
 * those the caller organises; as cards (a phone's list) or on a month calendar; by kind, dates and
 * distance in the region tree. Organisers publish from here.
 */
export function ActivitiesPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, q, page, update } = list;
  const [publishing, setPublishing] = useState(false);

  const canSignUp = can('volunteering.signup');
  const canManage = can('volunteering.activity.manage');
  // A plain member organises only as a volunteer team's leader: offer publishing on the "I organise" tab.
  const staff = user.roles.some((r) => r.role !== 'member' && r.role !== 'resident');
  const tabs = TABS.filter((tab) => (tab === 'joinable' ? canSignUp : tab === 'managed' ? canManage : true));
  const defaultTab: Tab = canSignUp ? 'joinable' : canManage && !can('volunteering.quota.read') ? 'managed' : 'all';
  const tab = oneOf(params.get('tab'), tabs) ?? defaultTab;
  const view: View = oneOf(params.get('view'), VIEWS) ?? 'list';
  const kind = oneOf<ActivityKind>(params.get('kind'), ACTIVITY_KINDS);
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const maxDistance = oneOf(params.get('maxDistance'), DISTANCE_VALUES);
  const monthParam = params.get('month');
  const month = monthParam && dayjs(`${monthParam}-01`).isValid() ? dayjs(`${monthParam}-01`) : dayjs().startOf('month');
  const pageSize = 20;

  const range =
    view === 'calendar'
      ? { from: month.format(DATE_ONLY), to: month.endOf('month').format(DATE_ONLY) }
      : { from: from ?? (tab === 'managed' ? undefined : dayjs().format(DATE_ONLY)), to };
  const activities = useApi<Page<Activity>>('/volunteering/activities', {
    ...range,
    kind,
    q,
    joinable: tab === 'joinable' ? true : undefined,
    managed: tab === 'managed' ? true : undefined,
    maxDistance: canSignUp && tab !== 'managed' ? maxDistance : undefined,
    page: view === 'calendar' ? 1 : page,
    pageSize: view === 'calendar' ? 200 : pageSize,
  });
  const items = activities.data?.items ?? [];
  const total = activities.data?.total ?? 0;
  const activeFilters = [kind, from || to ? 'dates' : undefined, maxDistance].filter(Boolean).length;

  return (
    <>
      <PageHeader
        title={t('activities.title')}
        extra={
          canManage &&
          (staff || tab === 'managed') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)} data-testid="activity-publish">
              {t('activities.publish')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16, paddingTop: 4 } }}>
        {tabs.length > 1 && (
          <Tabs
            activeKey={tab}
            onChange={(key) => update({ tab: key === defaultTab ? undefined : key })}
            items={tabs.map((k) => ({ key: k, label: t(`activities.tab.${k}`) }))}
            data-testid="activities-tabs"
          />
        )}
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={q || activeFilters ? () => update({ q: undefined, kind: undefined, from: undefined, to: undefined, maxDistance: undefined }) : undefined}
          search={
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              enterKeyHint="search"
              placeholder={t('activities.search')}
              onSearch={(value) => update({ q: value.trim() })}
              style={{ width: phone ? '100%' : 240 }}
              data-testid="activities-search"
            />
          }
        >
          <Segmented<View>
            value={view}
            onChange={(v) => update({ view: v === 'list' ? undefined : v })}
            options={VIEWS.map((v) => ({ value: v, label: t(`activities.view.${v}`) }))}
            data-testid="activities-view"
          />
          <Select<ActivityKind | 'all'>
            value={kind ?? 'all'}
            onChange={(v) => update({ kind: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('activities.allKinds') }, ...ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKind.${k}`) }))]}
            style={{ width: phone ? '100%' : 150 }}
            aria-label={t('activities.kind')}
            data-testid="activities-kind"
          />
          {view === 'list' && (
            <DatePicker.RangePicker
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              allowEmpty={[true, true]}
              onChange={(values) =>
                update({ from: values?.[0]?.format(DATE_ONLY), to: values?.[1]?.format(DATE_ONLY) })
              }
              inputReadOnly={phone}
              style={{ width: phone ? '100%' : 260 }}
              aria-label={t('activities.dates')}
              data-testid="activities-dates"
            />
          )}
          {canSignUp && tab !== 'managed' && (
            <Select<string>
              value={maxDistance ?? 'any'}
              onChange={(v) => update({ maxDistance: v === 'any' ? undefined : v })}
              options={[
                { value: 'any', label: t('activities.distance.any') },
                ...DISTANCE_VALUES.map((d) => ({ value: d, label: t(`activities.distance.${d as '0' | '1' | '2'}`) })),
              ]}
              style={{ width: phone ? '100%' : 130 }}
              aria-label={t('activities.distance')}
              data-testid="activities-distance"
            />
          )}
        </ListFilters>
        {activities.error && <ErrorAlert error={activities.error} onRetry={activities.reload} />}
        {view === 'calendar' ? (
          <Spin spinning={activities.loading}>
            <ActivityCalendar
              activities={items}
              month={month}
              onMonthChange={(m: Dayjs) => update({ month: m.isSame(dayjs(), 'month') ? undefined : m.format('YYYY-MM') })}
            />
          </Spin>
        ) : (
          <Spin spinning={activities.loading && items.length > 0}>
            {items.length === 0 ? (
              activities.loading ? (
                <div style={{ minHeight: 120 }} />
              ) : (
                <Empty description={t('activities.empty')} data-testid="activities-empty" />
              )
            ) : (
              <Row gutter={[12, 12]} data-testid="activities-list">
                {items.map((a) => (
                  <Col key={a.id} xs={24} md={12} xl={8}>
                    <ActivityCard activity={a} />
                  </Col>
                ))}
              </Row>
            )}
            {total > pageSize && (
              <Pagination
                simple={phone}
                current={page}
                pageSize={pageSize}
                total={total}
                showSizeChanger={false}
                onChange={(p) => update({ page: p === 1 ? undefined : p })}
                style={{ marginTop: 16, textAlign: 'center' }}
              />
            )}
            {total > 0 && !phone && (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
          </Spin>
        )}
      </Card>
      <ActivityFormDrawer
        open={publishing}
        onClose={() => setPublishing(false)}
        onSaved={(saved) => {
          setPublishing(false);
          if (saved.length === 1) void navigate(`/volunteering/activities/${saved[0]!.id}`);
          else {
            update({ tab: 'managed' });
            activities.reload();
          }
        }}
      />
    </>
  );
}
