import type { EChartsOption } from 'echarts';
import { baseTextStyle, formatMoneyShort, MUTED, PALETTE, valueAxisStyle } from './chart-style';

export interface AovSeries {
  /** Period labels: a day, a week start or a month. */
  periods: string[];
  /** null where the period had no orders (no AOV, not zero). */
  aov: (number | null)[];
  bucket: 'day' | 'week' | 'month';
  currency: string | null;
}

const BUCKET_LABEL = { day: 'per day', week: 'per week', month: 'per month' } as const;

/** AOV over time; periods without orders stay gaps so they are not read as an AOV of 0. */
export function aovOption(series: AovSeries): EChartsOption {
  return {
    animation: false,
    color: [PALETTE[1] ?? '#2563eb'],
    textStyle: baseTextStyle,
    title: { text: `Average order value ${BUCKET_LABEL[series.bucket]}${series.currency ? ` (${series.currency})` : ''}`, left: 0, top: 0, textStyle: { fontSize: 13 } },
    grid: { left: 48, right: 12, top: 36, bottom: 28 },
    xAxis: {
      type: 'category',
      data: series.periods,
      axisLabel: { color: MUTED, fontSize: 10, formatter: (p: string) => (series.bucket === 'month' ? p : p.slice(5)) },
      axisTick: { show: false },
    },
    yAxis: { type: 'value', scale: true, ...valueAxisStyle, axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => formatMoneyShort(v, null) } },
    series: [{ name: 'AOV', type: 'line', data: series.aov, connectNulls: false, symbolSize: 5, lineStyle: { width: 2 } }],
  };
}
