import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ChartOption } from '../../../ui/chartOption';
import type { AreaStats, RegistrationKind } from '../types';
import { Chart } from '../../../ui/Chart';

/** A stacked bar per street (or community): reported in vs. not yet, for members or units. */
export function AreaStatsChart({ areas, kind, phone }: { areas: AreaStats[]; kind: RegistrationKind; phone: boolean }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const reported = areas.map((a) => (kind === 'unit' ? a.unitsReported : a.membersReported));
    const missing = areas.map((a, i) => Math.max(0, (kind === 'unit' ? a.unitsExpected : a.membersExpected) - (reported[i] ?? 0)));
    const names = areas.map((a) => a.name);
    const crowded = names.length > (phone ? 4 : 8);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { interval: 0, rotate: crowded ? 40 : 0, width: crowded ? 90 : undefined, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('dashboard.reported'), type: 'bar', stack: 'all', data: reported, itemStyle: { color: '#c0282d' }, barMaxWidth: 36 },
        { name: t('dashboard.notReported'), type: 'bar', stack: 'all', data: missing, itemStyle: { color: '#d9d9d9' }, barMaxWidth: 36 },
      ],
    };
  }, [areas, kind, phone, t]);
  return <Chart option={option} height={phone ? 280 : 340} data-testid="dashboard-area-chart" />;
}
