import { Badge, Calendar, Drawer, Empty, Flex, Grid } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import { DATE_ONLY } from '../format';
import type { Activity } from '../types';
import { ActivityCard } from './ActivityCard';

/**
 * The month's activities on a calendar: on a desk the titles in each day, on a phone a dot with the
 * count. Picking a day shows that day's activities below (phone) or in a drawer (desk).
 */
export function ActivityCalendar({
  activities,
  month,
  onMonthChange,
}: {
  activities: Activity[];
  month: Dayjs;
  onMonthChange: (month: Dayjs) => void;
}) {
  const { t, formatDate } = useI18n();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [picked, setPicked] = useState<string | null>(null);

  const byDay = useMemo(() => {
    const map = new Map<string, Activity[]>();
    for (const a of activities) {
      const day = dayjs(a.startsAt).format(DATE_ONLY);
      map.set(day, [...(map.get(day) ?? []), a]);
    }
    return map;
  }, [activities]);

  const dayItems = picked ? (byDay.get(picked) ?? []) : [];
  const list = (
    <Flex vertical gap={8} data-testid="calendar-day-list">
      {dayItems.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.empty')} />
      ) : (
        dayItems.map((a) => <ActivityCard key={a.id} activity={a} />)
      )}
    </Flex>
  );

  return (
    <div data-testid="activity-calendar">
      <Calendar
        className="gj-vol-calendar"
        fullscreen={!phone}
        value={picked && dayjs(picked).isSame(month, 'month') ? dayjs(picked) : month.isSame(dayjs(), 'month') ? dayjs() : month}
        onPanelChange={(value) => onMonthChange(value.startOf('month'))}
        onSelect={(value, info) => {
          if (info.source === 'date') setPicked(value.format(DATE_ONLY));
          else onMonthChange(value.startOf('month'));
        }}
        cellRender={(current, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = byDay.get(current.format(DATE_ONLY)) ?? [];
          if (items.length === 0) return null;
          if (phone) {
            return (
              <Flex justify="center">
                <span className="gj-vol-day-dot" aria-label={t('activities.dayCount', { count: items.length })}>
                  {items.length}
                </span>
              </Flex>
            );
          }
          return (
            <ul className="gj-vol-day-list">
              {items.slice(0, 3).map((a) => (
                <li key={a.id}>
                  <Badge status={a.status === 'cancelled' ? 'default' : a.mySignup && a.mySignup.status !== 'cancelled' ? 'success' : 'processing'} text={a.title} />
                </li>
              ))}
              {items.length > 3 && <li>…</li>}
            </ul>
          );
        }}
      />
      {phone ? (
        picked && <div style={{ marginTop: 12 }}>{list}</div>
      ) : (
        <Drawer
          open={picked !== null}
          onClose={() => setPicked(null)}
          title={picked ? t('activities.dayTitle', { date: formatDate(picked) }) : ''}
          size={420}
        >
          {list}
        </Drawer>
      )}
    </div>
  );
}
