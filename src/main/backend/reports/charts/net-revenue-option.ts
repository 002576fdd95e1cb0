import type { EChartsOption } from 'echarts';
import { baseTextStyle, formatMoneyShort, MUTED, PALETTE, valueAxisStyle } from './chart-style';

export interface NetRevenueSeries {
  dates: string[];
  netSales: number[];
  movingAverage: number[];
  currency: string | null;
}

/** Daily net sales as bars with the 7-day average as a line: the trend without hiding the days. */
export function netRevenueOption(series: NetRevenueSeries): EChartsOption {
  return {
    animation: false,
    color: [PALETTE[0] ?? '#0f766e', PALETTE[2] ?? '#d97706'],
    textStyle: baseTextStyle,
    title: { text: `Net sales per day${series.currency ? ` (${series.currency})` : ''}`, left: 0, top: 0, textStyle: { fontSize: 13 } },
    legend: { data: ['Net sales', '7-day average'], left: 0, top: 20, itemWidth: 14, itemHeight: 8, textStyle: { color: MUTED, fontSize: 10 } },
    grid: { left: 48, right: 12, top: 48, bottom: 28 },
    xAxis: { type: 'category', data: series.dates, axisLabel: { color: MUTED, fontSize: 10, formatter: (d: string) => d.slice(5) }, axisTick: { show: false } },
    yAxis: { type: 'value', ...valueAxisStyle, axisLabel: { ...valueAxisStyle.axisLabel, formatter: (v: number) => formatMoneyShort(v, null) } },
    series: [
      { name: 'Net sales', type: 'bar', data: series.netSales, barMaxWidth: 14, itemStyle: { opacity: 0.75 } },
      { name: '7-day average', type: 'line', data: series.movingAverage, smooth: false, showSymbol: false, lineStyle: { width: 2 } },
    ],
  };
}

