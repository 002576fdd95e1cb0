import type { Columnar } from '../../../shared/contract/analytics';
import { numberColumn, stringColumn } from './columnar';
import { axisTooltip, dailyZoom, GRID, LEGEND_TOP } from './common';
import { PALETTE } from '../palette';

const [BLUE, GREEN, , RED] = PALETTE;

/**
 * SKUs at risk each day as a step line (the count holds until an alert opens or closes), with the
 * alerts raised and resolved that day as bars on the same count axis; zoomable past four months.
 */
export function inventoryRiskOption(series: Columnar) {
  const dates = stringColumn(series, 'date');
  const zoom = dailyZoom(dates.length);
  const count = (v: number | null) => (v === null ? '—' : String(v));
  return {
    grid: { ...GRID, top: 40, bottom: zoom.gridBottom },
    legend: LEGEND_TOP,
    tooltip: axisTooltip(count),
    xAxis: { type: 'category', data: dates },
    yAxis: { type: 'value', minInterval: 1 },
    dataZoom: zoom.dataZoom,
    series: [
      { name: 'SKUs at risk', type: 'line', step: 'end', data: numberColumn(series, 'at_risk_skus'), showSymbol: false, color: BLUE, areaStyle: { opacity: 0.12 } },
      { name: 'Alerts raised', type: 'bar', data: numberColumn(series, 'alerts_raised'), color: RED, barMaxWidth: 8 },
      { name: 'Alerts resolved', type: 'bar', data: numberColumn(series, 'alerts_resolved'), color: GREEN, barMaxWidth: 8 },
    ],
  };
}
