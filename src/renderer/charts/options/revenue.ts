import type { Columnar } from '../../../shared/contract/analytics';
import { numberColumn, stringColumn } from './columnar';
import { axisTooltip, dailyZoom, DATE_AXIS_GRID, GRID, LEGEND_TOP, type ValueFormatter } from './common';

/** Daily net sales with its 7-day average (metric net_sales_ma7); zoomable when the range is long. */
export function revenueTrendOption(series: Columnar, format: ValueFormatter) {
  const dates = stringColumn(series, 'date');
  const zoom = dailyZoom(dates.length);
  return {
    grid: { ...DATE_AXIS_GRID, bottom: zoom.gridBottom },
    legend: LEGEND_TOP,
    tooltip: axisTooltip(format),
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    dataZoom: zoom.dataZoom,
    series: [
      { name: 'Net sales', type: 'line', data: numberColumn(series, 'net_sales'), showSymbol: false, areaStyle: { opacity: 0.12 }, lineStyle: { width: 1 } },
      { name: '7-day average', type: 'line', data: numberColumn(series, 'net_sales_ma7'), showSymbol: false, smooth: true, lineStyle: { width: 2.5 } },
    ],
  };
}

/**
 * Gross and net by month (or by week, named by its first day) as bars, with the cumulative net on
 * its own axis.
 */
export function periodRevenueOption(series: Columnar, format: ValueFormatter, period: 'month' | 'week' = 'month') {
  const periods = stringColumn(series, period);
  // Past two years of weeks the bars are hairlines: zoom in on the latest year, the rest a drag away.
  const isLong = periods.length > 104;
  const latestYear = Math.max(0, Math.round((1 - 52 / Math.max(periods.length, 1)) * 100));
  return {
    grid: { ...DATE_AXIS_GRID, bottom: isLong ? 48 : GRID.bottom },
    legend: LEGEND_TOP,
    tooltip: axisTooltip(format),
    xAxis: { type: 'category', data: periods },
    dataZoom: isLong ? [{ type: 'inside', start: latestYear, end: 100 }, { type: 'slider', height: 20, bottom: 8, start: latestYear, end: 100 }] : [],
    yAxis: [
      { type: 'value', name: period === 'month' ? 'Month' : 'Week', axisLabel: { formatter: (v: number) => format(v) } },
      { type: 'value', name: 'Cumulative', splitLine: { show: false }, axisLabel: { formatter: (v: number) => format(v) } },
    ],
    series: [
      { name: 'Gross sales', type: 'bar', data: numberColumn(series, 'gross_sales'), barGap: '10%' },
      { name: 'Net sales', type: 'bar', data: numberColumn(series, 'net_sales') },
      { name: 'Cumulative net', type: 'line', yAxisIndex: 1, data: numberColumn(series, 'net_sales_cumulative'), showSymbol: false, smooth: true },
    ],
  };
}

/** Cumulative net sales by day, for the Sales page's daily view. */
export function cumulativeDailyOption(series: Columnar, format: ValueFormatter) {
  return {
    grid: DATE_AXIS_GRID,
    tooltip: axisTooltip(format),
    xAxis: { type: 'category', data: stringColumn(series, 'date'), boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: [{ name: 'Cumulative net sales', type: 'line', data: numberColumn(series, 'net_sales_cumulative'), showSymbol: false, areaStyle: { opacity: 0.15 } }],
  };
}
