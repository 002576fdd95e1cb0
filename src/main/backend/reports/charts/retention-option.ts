import type { EChartsOption } from 'echarts';
import { baseTextStyle, MUTED, PALETTE, valueAxisStyle } from './chart-style';

export interface RetentionCurves {
  offsets: number[];
  /** Share 0–1 per offset; null where the month is not over yet (drawn as a gap, never as 0). */
  cohorts: { cohortMonth: string; customers: number; retention: (number | null)[] }[];
}

/** Legend entries that fit one row of the report's half-width chart. */
const LEGEND_PER_ROW = 4;

/** One line per first-purchase cohort: the share still ordering N months later. */
export function retentionOption(curves: RetentionCurves): EChartsOption {
  // A static image cannot scroll its legend: the plot starts below however many rows it takes.
  const legendRows = Math.max(1, Math.ceil(curves.cohorts.length / LEGEND_PER_ROW));
  return {
    animation: false,
    color: PALETTE,
    textStyle: baseTextStyle,
    title: { text: 'Cohort retention by months since first order', left: 0, top: 0, textStyle: { fontSize: 13 } },
    legend: { type: 'plain', left: 0, right: 0, top: 20, textStyle: { color: MUTED, fontSize: 9 }, itemWidth: 12, itemHeight: 8 },
    grid: { left: 40, right: 40, top: 44 + 14 * legendRows, bottom: 28 },
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
