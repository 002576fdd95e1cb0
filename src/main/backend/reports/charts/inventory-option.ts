import type { EChartsOption } from 'echarts';
import { ALERT, baseTextStyle, INK, MUTED, PALETTE, valueAxisStyle } from './chart-style';

export interface StockAtRisk {
  sku: string;
  name: string | null;
  available: number;
  reorderPoint: number;
}

/** SKUs at risk: available stock (bars) against the reorder point (markers) it fell below. */
export function inventoryAlertsOption(items: readonly StockAtRisk[]): EChartsOption {
  const labels = items.map((i) => (i.name ? `${i.sku} ${i.name}` : i.sku));
  return {
    animation: false,
    textStyle: baseTextStyle,
    title: { text: 'Stock at risk', left: 0, top: 0, textStyle: { fontSize: 13 } },
    legend: { data: ['Available (on hand − allocated)', 'Reorder point'], left: 0, top: 20, itemGap: 18, itemWidth: 14, itemHeight: 8, textStyle: { color: MUTED, fontSize: 10 } },
    // The labels' own width, cut with an ellipsis; 16 px spare because the server-side text measure
    // runs narrower than the fonts that draw it (a fixed 130 px margin cut the labels at the edge).
    grid: { left: 16, right: 16, top: 48, bottom: 24, containLabel: true },
    xAxis: { type: 'value', ...valueAxisStyle, minInterval: 1, max: (extent: { max: number }) => Math.ceil(extent.max * 1.15) },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { color: INK, fontSize: 10, width: 150, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      { name: 'Available (on hand − allocated)', type: 'bar', data: items.map((i) => i.available), barMaxWidth: 14, itemStyle: { color: ALERT, opacity: 0.8 } },
      {
        name: 'Reorder point',
        type: 'scatter',
        data: items.map((i) => i.reorderPoint),
        symbol: 'diamond',
        symbolSize: 11,
        itemStyle: { color: PALETTE[6] ?? '#475569' },
      },
    ],
  };
}
