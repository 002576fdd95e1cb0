import type { EChartsOption } from 'echarts';
import { baseTextStyle, MUTED, PALETTE, valueAxisStyle } from './chart-style';

export interface RetentionCurves {
  offsets: number[];
  /** Share 0–1 per offset; null where the month is not over yet (drawn as a gap, never as 0). */
  cohorts: { cohortMonth: string; customers: number; retention: (number | null)[] }[];
}

/** One line per first-purchase cohort: the share still ordering N months later. */
export function retentionOption(curves: RetentionCurves): EChartsOption {
  return {
    animation: false,
    color: PALETTE,
    textStyle: baseTextStyle,
    title: { text: 'Cohort retention by months since first order', left: 0, top: 0, textStyle: { fontSize: 13 } },
    legend: { type: 'plain', left: 0, right: 0, top: 20, textStyle: { color: MUTED, fontSize: 9 }, itemWidth: 12, itemHeight: 8 },
    grid: { left: 40, right: 40, top: 52, bottom: 28 },
    xAxis: {
      type: 'category',
      data: curves.offsets.map(String),
      name: 'months',
      nameLocation: 'end',
      nameTextStyle: { color: MUTED, fontSize: 10 },
      axisLabel: { color: MUTED, fontSize: 10 },
    },
    yAxis: { type: 'value', min: 0, max: 1, ...valueAxisStyle, axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => `${Math.round(v * 100)}%` } },
    series: curves.cohorts.map((cohort) => ({
      name: `${cohort.cohortMonth} (${cohort.customers})`,
      type: 'line' as const,
      data: cohort.retention,
      connectNulls: false,
      symbolSize: 4,
      lineStyle: { width: 1.5 },
    })),
  };
}
