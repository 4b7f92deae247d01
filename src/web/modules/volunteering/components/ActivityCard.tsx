import { ClockCircleOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { phaseOf, timeRange } from '../format';
import { useNow } from '../hooks/useNow';
import type { Activity } from '../types';
import { ActivityKindTag } from './ActivityKindTag';
import { DistanceTag } from './DistanceTag';
import { SignupStatusTag } from './SignupStatusTag';

/** One activity in a list: kind, title, time, place, places left, and the caller's own sign-up. */
export function ActivityCard({ activity }: { activity: Activity }) {
  const { t, formatDateTime } = useI18n();
  const full = activity.confirmedCount >= activity.capacity;
  const now = useNow(60_000);
  const phase = phaseOf(activity.startsAt, activity.endsAt, now);
  return (
    <Link to={`/volunteering/activities/${activity.id}`} className="gj-vol-card" data-testid="activity-card" data-activity-id={activity.id}>
      <Card size="small" hoverable>
        <Flex vertical gap={6}>
          <Flex gap={6} wrap align="center">
            <ActivityKindTag kind={activity.kind} />
            {activity.status === 'cancelled' ? (
              <Tag color="default" style={{ marginInlineEnd: 0 }}>
                {t('activityStatus.cancelled')}
              </Tag>
            ) : (
              phase !== 'upcoming' && (
                <Tag color={phase === 'ongoing' ? 'processing' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {t(`activityPhase.${phase}`)}
                </Tag>
              )
            )}
            <DistanceTag distance={activity.distance} />
            {activity.mySignup && activity.mySignup.status !== 'cancelled' && (
              <SignupStatusTag status={activity.mySignup.status} position={activity.mySignup.position} />
            )}
          </Flex>
          <div className="gj-vol-card__title" data-testid="activity-card-title">
            {activity.title}
          </div>
          <div className="gj-vol-card__meta">
            <div>
              <ClockCircleOutlined /> {timeRange(activity.startsAt, activity.endsAt, formatDateTime)}
            </div>
            <div>
              <EnvironmentOutlined /> {activity.regionName} · {activity.place}
            </div>
            <Flex justify="space-between" gap={8} wrap>
              <span>
                <TeamOutlined /> {t('activities.places', { taken: activity.confirmedCount, capacity: activity.capacity })}
                {activity.waitlistCount > 0 && ` · ${t('activities.waitlist', { count: activity.waitlistCount })}`}
              </span>
              {full && activity.status !== 'cancelled' && <Typography.Text type="warning">{t('activities.full')}</Typography.Text>}
            </Flex>
          </div>
        </Flex>
      </Card>
    </Link>
  );
}
