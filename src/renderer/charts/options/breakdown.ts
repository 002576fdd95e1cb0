import type { Columnar } from '../../../shared/contract/analytics';
import { numberColumn, stringColumn } from './columnar';
import { GRID, truncatedLabel, type ValueFormatter } from './common';

/**
 * A ranked horizontal bar per key (category, channel, region…), biggest on top. Each bar keeps
 * its `key` so a click can cross-filter by the engine's value rather than the display label.
 * The selected key (an active cross-filter) is drawn in the accent colour, the rest muted.
 */
export function breakdownBarOption(series: Columnar, format: ValueFormatter, selectedKey: string | null = null, valueColumn = 'net_sales') {
  const keys = stringColumn(series, 'key');
  const labels = stringColumn(series, 'label');
  const values = numberColumn(series, valueColumn);
  const shares = series.columns.includes('share') ? numberColumn(series, 'share') : values.map(() => null);
  const order = keys.map((_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  return {
    grid: { ...GRID, top: 8, right: 24 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { name: string; value: number; dataIndex: number }) => {
        const share = shares[order[p.dataIndex] ?? 0];
        return `${p.name}<br/><b>${format(p.value)}</b>${share === null || share === undefined ? '' : ` · ${(share * 100).toFixed(1)} %`}`;
      },
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    yAxis: { type: 'category', data: order.map((i) => labels[i]), axisLabel: truncatedLabel(120) },
    series: [
      {
        type: 'bar',
        name: 'Net sales',
        cursor: 'pointer',
        data: order.map((i) => ({
          value: values[i],
          key: keys[i],
          ...(selectedKey !== null && keys[i] !== selectedKey ? { itemStyle: { opacity: 0.35 } } : {}),
        })),
      },
    ],
  };
}
