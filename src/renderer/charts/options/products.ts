import type { Columnar, ProductDetail } from '../../../shared/contract/analytics';
import { numberColumn, stringColumn } from './columnar';
import { axisTooltip, DATE_AXIS_GRID, GRID, LEGEND_TOP, truncatedLabel, type ValueFormatter } from './common';

/** Best sellers by net sales or units, biggest on top; bars keep their SKU for the drawer. */
export function bestSellersOption(series: Columnar, by: 'revenue' | 'units', format: ValueFormatter) {
  const skus = stringColumn(series, 'sku');
  const names = stringColumn(series, 'name');
  const values = numberColumn(series, by === 'revenue' ? 'net_sales' : 'units');
  const order = skus.map((_, i) => i).reverse();
  const show = by === 'revenue' ? format : (v: number | null) => `${v ?? 0} units`;
  return {
    grid: { ...GRID, top: 8, right: 24 },
    tooltip: { trigger: 'item', confine: true, formatter: (p: { name: string; value: number; data: { sku: string } }) => `${p.name} (${p.data.sku})<br/><b>${show(p.value)}</b>` },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => show(v) } },
    yAxis: { type: 'category', data: order.map((i) => names[i] || skus[i]), axisLabel: truncatedLabel(150) },
    series: [{ type: 'bar', name: by === 'revenue' ? 'Net sales' : 'Units', cursor: 'pointer', data: order.map((i) => ({ value: values[i], sku: skus[i] })) }],
  };
}

/** Sales vs rating: does a better-rated product sell more? Size shows review count. */
export function salesVsRatingOption(points: Columnar, format: ValueFormatter) {
  const skus = stringColumn(points, 'sku');
  const names = stringColumn(points, 'name');
  const sales = numberColumn(points, 'net_sales');
  const rating = numberColumn(points, 'avg_rating');
  const reviews = numberColumn(points, 'reviews');
  return {
    grid: { ...GRID, top: 28, bottom: 28 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data: { value: [number, number, number]; name: string; sku: string } }) =>
        `${p.data.name} (${p.data.sku})<br/>★ ${p.data.value[0].toFixed(2)} from ${p.data.value[2]} reviews<br/><b>${format(p.data.value[1])}</b>`,
    },
    xAxis: { type: 'value', name: 'Average rating', nameLocation: 'middle', nameGap: 24, min: 1, max: 5 },
    yAxis: { type: 'value', name: 'Net sales', axisLabel: { formatter: (v: number) => format(v) } },
    series: [
      {
        type: 'scatter',
        name: 'Products',
        cursor: 'pointer',
        data: skus
          .map((sku, i) => ({ value: [rating[i], sales[i] ?? 0, reviews[i] ?? 0], sku, name: names[i] || sku }))
          .filter((d): d is { value: [number, number, number]; sku: string; name: string } => d.value[0] !== null && d.value[0] !== undefined),
        symbolSize: (value: [number, number, number]) => Math.min(26, 5 + Math.sqrt(value[2]) * 2),
        itemStyle: { opacity: 0.6 },
      },
    ],
  };
}

/**
 * SCD-2 price history as a step line: each version holds its price until the next begins. The
 * current version runs on to `until` (the data's last day), so one version reads as a line at its
 * price rather than a lone dot, and a retired product's line ends at its valid_to.
 */
export function priceHistoryOption(versions: ProductDetail['versions'], format: ValueFormatter, until: string | null = null) {
  const last = versions.at(-1);
  const end = last?.validTo ?? (last && until && until > last.validFrom.slice(0, 10) ? until : null);
  const steps = (valueOf: (v: ProductDetail['versions'][number]) => number | null): [string, number | null][] => {
    const points: [string, number | null][] = versions.map((v) => [v.validFrom, valueOf(v)]);
    if (last && end) points.push([end, valueOf(last)]);
    return points;
  };
  return {
    grid: { ...GRID, top: 28 },
    legend: LEGEND_TOP,
    tooltip: axisTooltip(format),
    xAxis: { type: 'time' },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => format(v) } },
    series: [
      { name: 'List price', type: 'line', step: 'end', data: steps((v) => v.listPrice), symbolSize: 7 },
      { name: 'Unit cost', type: 'line', step: 'end', data: steps((v) => v.cost), symbolSize: 5, lineStyle: { type: 'dashed' } },
    ],
  };
}

/** Stock over the last 90 days against the reorder point, with allocated stock. */
export function stockHistoryOption(history: Columnar) {
  return {
    grid: { ...DATE_AXIS_GRID, top: 28 },
    legend: LEGEND_TOP,
    tooltip: axisTooltip((v) => (v === null ? '—' : String(v))),
    xAxis: { type: 'category', data: stringColumn(history, 'date'), boundaryGap: false },
    yAxis: { type: 'value' },
    series: [
      { name: 'On hand', type: 'line', data: numberColumn(history, 'on_hand'), showSymbol: false, areaStyle: { opacity: 0.12 } },
      { name: 'Allocated', type: 'line', data: numberColumn(history, 'allocated'), showSymbol: false },
      { name: 'Reorder point', type: 'line', data: numberColumn(history, 'reorder_point'), showSymbol: false, lineStyle: { type: 'dashed' } },
    ],
  };
}

/**
 * Category margin rate by month, one line per category. Margins sit in a narrow band far from
 * 0 %, so the axis fits the data: from zero every line would share one flat stripe.
 */
export function categoryMarginOption(series: Columnar) {
  const month = stringColumn(series, 'month');
  const category = stringColumn(series, 'category');
  const rate = numberColumn(series, 'margin_rate');
  const months = [...new Set(month)].sort();
  const categories = [...new Set(category)].sort();
  const rateAt = new Map(month.map((m, i) => [`${category[i]}\u0000${m}`, rate[i] ?? null]));
  return {
    grid: { ...GRID, top: 56 },
    legend: LEGEND_TOP,
    tooltip: axisTooltip((v) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`)),
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } },
    series: categories.map((c) => ({
      name: c,
      type: 'line',
      showSymbol: false,
      data: months.map((m) => rateAt.get(`${c}\u0000${m}`) ?? null),
    })),
  };
}
