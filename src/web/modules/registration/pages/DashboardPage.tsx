import { CalendarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Grid, Row, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { RegionSelect } from '../../../ui/RegionSelect';
import { AreaStatsChart } from '../components/AreaStatsChart';
import { CycleSelect } from '../components/CycleSelect';
import { CyclesDrawer } from '../components/CyclesDrawer';
import { StatTile } from '../components/StatTile';
import { WeeklyChart } from '../components/WeeklyChart';
import { EXPIRING_DAYS, REGISTRATION_KINDS } from '../constants';
import type { RegistrationKind, RegistrationStats } from '../types';

/**
 * /registration/dashboard: how reporting in goes in the caller's reach — units and members
 * reported vs. expected, what waits for confirmation, agreements in force, expiring and missing —
 * with a bar per street (or community) and the weekly confirmations.
 */
export function DashboardPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [params, setParams] = useSearchParams();
  const [managing, setManaging] = useState(false);
  // Bumped when a cycle is created, so the cycle picker reads the list again.
  const [cyclesVersion, setCyclesVersion] = useState(0);
  const cycleId = params.get('cycleId') ?? undefined;
  const regionId = params.get('regionId') ?? undefined;
  const kind = oneOf<RegistrationKind>(params.get('kind'), REGISTRATION_KINDS) ?? 'member';
  const stats = useApi<RegistrationStats>('/registration-stats', { cycleId, regionId });
  const data = stats.data;

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const totals = data?.totals;
  const areaKind = data?.areas[0]?.kind;

  return (
    <div data-testid="registration-dashboard">
      <PageHeader
        title={t('dashboard.title')}
        extra={
          <>
            <CycleSelect key={cyclesVersion} value={cycleId} onChange={(v) => set('cycleId', v)} placeholder={t('cycle.currentCycle')} style={{ width: phone ? '100%' : 200 }} data-testid="dashboard-cycle" />
            {can('directory.region.read') && (
              <RegionSelect
                value={regionId}
                onChange={(id) => set('regionId', id)}
                kinds={['city', 'district', 'street', 'community']}
                deepest="community"
                placeholder={t('dashboard.wholeReach')}
                style={{ width: phone ? '100%' : 200 }}
                data-testid="dashboard-region"
              />
            )}
            {can('registration.cycle.manage') && (
              <Button icon={<CalendarOutlined />} onClick={() => setManaging(true)} data-testid="dashboard-cycles">
                {t('cycle.title')}
              </Button>
            )}
          </>
        }
      />
      {stats.error && <ErrorAlert error={stats.error} onRetry={stats.reload} />}
      {!data || !totals ? (
        !stats.error && <PageSpinner />
      ) : (
        <Flex vertical gap="middle">
          {data.cycle ? (
            <Typography.Text type="secondary" data-testid="dashboard-cycle-name">
              {t('myRegistration.cycle', { name: data.cycle.name, from: formatDate(data.cycle.startsOn), to: formatDate(data.cycle.endsOn) })}
            </Typography.Text>
          ) : (
            <Alert type="info" showIcon title={t('myRegistration.noCycle')} />
          )}
          <Row gutter={[12, 12]}>
            <Col xs={12} md={8} xl={4}>
              <StatTile title={t('dashboard.units')} value={totals.unitsReported} expected={totals.unitsExpected} data-testid="stat-units" />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <StatTile title={t('dashboard.members')} value={totals.membersReported} expected={totals.membersExpected} data-testid="stat-members" />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <StatTile
                title={t('dashboard.pending')}
                value={totals.pending}
                tone={totals.pending > 0 ? 'warning' : undefined}
                to={can('registration.decide') ? '/registration/queue' : undefined}
                data-testid="stat-pending"
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <StatTile title={t('dashboard.inForce')} value={data.agreements.inForce} tone="success" to="/registration/agreements?status=in_force" data-testid="stat-in-force" />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <StatTile
                title={t('dashboard.expiring', { n: EXPIRING_DAYS })}
                value={data.agreements.expiringIn30Days}
                tone={data.agreements.expiringIn30Days > 0 ? 'warning' : undefined}
                to="/registration/agreements?expiring=true"
                data-testid="stat-expiring"
              />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <StatTile
                title={t('dashboard.pairsWithout')}
                value={data.agreements.pairsWithout}
                tone={data.agreements.pairsWithout > 0 ? 'danger' : undefined}
                to="/registration/pairings?withoutAgreement=true"
                data-testid="stat-pairs-without"
              />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={14}>
              <Card
                size="small"
                title={t(areaKind === 'community' ? 'dashboard.byCommunity' : 'dashboard.byStreet')}
                extra={
                  <Segmented<RegistrationKind>
                    size="small"
                    value={kind}
                    onChange={(v) => set('kind', v === 'member' ? undefined : v)}
                    options={REGISTRATION_KINDS.map((k) => ({ value: k, label: t(`registrationKind.${k}`) }))}
                    data-testid="dashboard-kind"
                  />
                }
              >
                {data.areas.length > 0 ? <AreaStatsChart areas={data.areas} kind={kind} phone={phone} /> : <Empty description={t('dashboard.noAreas')} />}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('dashboard.weekly')}>
                {data.weekly.length > 0 ? <WeeklyChart weekly={data.weekly} phone={phone} /> : <Empty description={t('dashboard.noWeekly')} />}
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
      <CyclesDrawer open={managing} onClose={() => setManaging(false)} onCreated={() => {
          setCyclesVersion((v) => v + 1);
          stats.reload();
        }}
      />
    </div>
  );
}
