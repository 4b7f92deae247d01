import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ChartOption } from '../../../ui/chartOption';
import { Chart } from '../../../ui/Chart';
import type { BehindEntry } from '../types';

/** Those furthest behind as horizontal bars: what is done (red) and what is left (grey), stacked to the quota. */
export function BehindChart({ entries, phone }: { entries: BehindEntry[]; phone: boolean }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const top = [...entries].sort((a, b) => b.left - a.left).slice(0, phone ? 8 : 12).reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: top.map((e) => e.name), axisLabel: { width: phone ? 70 : 120, overflow: 'truncate' } },
      series: [
        { name: t('quotaBoard.done'), type: 'bar', stack: 'all', data: top.map((e) => e.done), itemStyle: { color: '#c0282d' }, barMaxWidth: 20 },
        { name: t('quotaBoard.left'), type: 'bar', stack: 'all', data: top.map((e) => e.left), itemStyle: { color: '#d9d9d9' }, barMaxWidth: 20 },
      ],
    };
  }, [entries, phone, t]);
  const rows = Math.min(entries.length, phone ? 8 : 12);
  return <Chart option={option} height={Math.max(160, 60 + rows * 28)} data-testid="quota-behind-chart" />;
}
