import type { ForecastDto } from '../../../shared/contract/models';
import { numberColumn, stringColumn } from './columnar';
import { axisTooltip, DATE_AXIS_GRID, LEGEND_TOP, type ValueFormatter } from './common';

/**
 * History and forecast with 80 % and 95 % intervals. Bands are drawn as stacked areas (the lower
 * bound invisible, the band width on top of it), the usual ECharts way to shade an interval.
 */
export function forecastOption(series: ForecastDto['series'], format: ValueFormatter) {
  const dates = stringColumn(series, 'date');
  const actual = numberColumn(series, 'actual');
  const forecast = numberColumn(series, 'forecast');
  const lo80 = numberColumn(series, 'lo80');
  const hi80 = numberColumn(series, 'hi80');
  const lo95 = numberColumn(series, 'lo95');
  const hi95 = numberColumn(series, 'hi95');
  const width = (lo: (number | null)[], hi: (number | null)[]) => lo.map((l, i) => (l === null || hi[i] === null ? null : (hi[i] as number) - l));
  const band = (name: string, stack: string, lo: (number | null)[], hi: (number | null)[], opacity: number) => [
    { name: `${name} low`, type: 'line', stack, data: lo, lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
    {
      name,
      type: 'line',
      stack,
      data: width(lo, hi),
      lineStyle: { opacity: 0 },
      symbol: 'none',
      // The legend takes its swatch from itemStyle, so it matches the shaded band.
      itemStyle: { color: `rgba(79, 107, 237, ${opacity * 2})` },
      areaStyle: { opacity, color: '#4f6bed' },
      tooltip: { show: false },
      silent: true,
    },
  ];
  return {
    grid: { ...DATE_AXIS_GRID, top: 40 },
    legend: { ...LEGEND_TOP, data: ['Actual', 'Forecast', '80 % interval', '95 % interval'] },
    tooltip: axisTooltip(format),
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: [
      ...band('95 % interval', 'b95', lo95, hi95, 0.12),
      ...band('80 % interval', 'b80', lo80, hi80, 0.2),
      { name: 'Actual', type: 'line', data: actual, showSymbol: false, lineStyle: { width: 1.5 }, color: '#64748b' },
      { name: 'Forecast', type: 'line', data: forecast, showSymbol: false, lineStyle: { width: 2.5 }, color: '#4f6bed' },
    ],
  };
}
