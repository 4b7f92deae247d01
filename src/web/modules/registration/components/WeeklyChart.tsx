import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ChartOption } from '../../../ui/chartOption';
import type { RegistrationStats } from '../types';
import { Chart } from '../../../ui/Chart';

/** `2026-03-02` → `3/2`; a week named otherwise (2026-W10) stays as it is. */
function weekLabel(week: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(week) ? dayjs(week).format('M/D') : week;
}

/** Confirmations per week of the cycle, units and members as two lines. */
export function WeeklyChart({ weekly, phone }: { weekly: RegistrationStats['weekly']; phone: boolean }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: weekly.map((w) => weekLabel(w.week)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('registrationKind.member'), type: 'line', showSymbol: weekly.length <= 12, data: weekly.map((w) => w.members), itemStyle: { color: '#c0282d' }, areaStyle: { opacity: 0.08 } },
        { name: t('registrationKind.unit'), type: 'line', showSymbol: weekly.length <= 12, data: weekly.map((w) => w.units), itemStyle: { color: '#1f5fbf' } },
      ],
    }),
    [weekly, t],
  );
  return <Chart option={option} height={phone ? 240 : 300} data-testid="dashboard-weekly-chart" />;
}
