import type { CohortRetentionResult, Columnar, LtvTier, RfmResult } from '../../../shared/contract/analytics';
import { paletteColour } from '../palette';
import { numberColumn, stringColumn } from './columnar';
import { axisTooltip, GRID, LEGEND_TOP, type ValueFormatter } from './common';

/** Point sizes by orders placed (1, 2–4, 5 and more): the scatter's third dimension. */
const FREQUENCY_BANDS = [
  { maxOrders: 1, size: 6 },
  { maxOrders: 4, size: 10 },
  { maxOrders: Number.POSITIVE_INFINITY, size: 15 },
] as const;

interface RfmPointSeries {
  name: string;
  type: 'scatter';
  large: true;
  largeThreshold: number;
  symbolSize: number;
  cursor: string;
  itemStyle: { color: string; opacity: number };
  /** [recency days, monetary (≥ 1 for the log axis), orders] */
  data: [number, number, number][];
  customerIds: string[];
  customerNames: string[];
}

/**
 * RFM scatter: recency (days, lower is better) against monetary, coloured by segment, sized by
 * orders placed.
 *
 * Drawing cost decides the shape: a symbol per point (2,000 of them, each sized by a callback)
 * made this chart cost more than the rest of the Customers page together. So each segment is
 * split into three frequency bands, each a `large` series (one batched path, one size); the
 * bands of a segment share its name and colour, so the legend still shows and toggles segments.
 * Points are plain arrays; each series carries its customers' ids and names by point index, for
 * the tooltip and for `rfmCustomerAt` (the click that opens the drawer).
 */
export function rfmScatterOption(customers: Columnar, format: ValueFormatter) {
  const ids = stringColumn(customers, 'customer_id');
  const names = stringColumn(customers, 'name');
  const recency = numberColumn(customers, 'recency_days');
  const frequency = numberColumn(customers, 'frequency');
  const monetary = numberColumn(customers, 'monetary');
  const segment = stringColumn(customers, 'segment');
  const segments = [...new Set(segment)];
  const series: RfmPointSeries[] = [];
  const seriesFor = new Map<string, RfmPointSeries>();
  ids.forEach((id, i) => {
    const name = segment[i] ?? '';
    const orders = frequency[i] ?? 0;
    const band = FREQUENCY_BANDS.findIndex((b) => orders <= b.maxOrders);
    const key = `${name}\u0000${band}`;
    let target = seriesFor.get(key);
    if (!target) {
      target = {
        name,
        type: 'scatter',
        large: true,
        largeThreshold: 0,
        symbolSize: FREQUENCY_BANDS[band]?.size ?? 6,
        cursor: 'pointer',
        itemStyle: { color: paletteColour(segments.indexOf(name)), opacity: 0.65 },
        data: [],
        customerIds: [],
        customerNames: [],
      };
      seriesFor.set(key, target);
      series.push(target);
    }
    // log axes cannot place 0 or negative totals (a full refund); they sit on the lowest tick.
    target.data.push([recency[i] ?? 0, Math.max(monetary[i] ?? 0, 1), orders]);
    target.customerIds.push(id);
    target.customerNames.push(names[i] || id);
  });
  return {
    grid: { ...GRID, top: 56, bottom: 28 },
    legend: { ...LEGEND_TOP, data: segments },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { seriesIndex: number; dataIndex: number; seriesName: string; value: [number, number, number] }) =>
        `${series[p.seriesIndex]?.customerNames[p.dataIndex] ?? ''} · ${p.seriesName}<br/>Recency ${p.value[0]} d · ${p.value[2]} orders<br/><b>${format(p.value[1])}</b>`,
    },
    xAxis: { type: 'value', name: 'Recency (days)', nameLocation: 'middle', nameGap: 24, inverse: false },
    yAxis: { type: 'log', name: 'Monetary', logBase: 10, axisLabel: { formatter: (v: number) => format(v) } },
    series,
  };
}

/** The customer behind a clicked scatter point. */
export function rfmCustomerAt(option: ReturnType<typeof rfmScatterOption>, seriesIndex: number, dataIndex: number): string | null {
  return option.series[seriesIndex]?.customerIds[dataIndex] ?? null;
}

/** Customers and net revenue per RFM segment, as paired bars. */
export function rfmSegmentsOption(segments: RfmResult['segments'], format: ValueFormatter) {
  const sorted = [...segments].sort((a, b) => a.netRevenue - b.netRevenue);
  return {
    grid: { ...GRID, top: 28 },
    legend: LEGEND_TOP,
    tooltip: { trigger: 'axis', confine: true },
    xAxis: [{ type: 'value', name: 'Customers', position: 'top', show: false }, { type: 'value', show: false }],
    yAxis: { type: 'category', data: sorted.map((s) => s.segment) },
    series: [
      { name: 'Customers', type: 'bar', xAxisIndex: 0, data: sorted.map((s) => s.customers) },
      { name: 'Net revenue', type: 'bar', xAxisIndex: 1, data: sorted.map((s) => s.netRevenue), tooltip: { valueFormatter: (v: number) => format(v) } },
    ],
  };
}

/** LTV tiers (Bronze…Platinum): customers as bars, average revenue as a line. */
export function ltvTiersOption(tiers: LtvTier[], format: ValueFormatter) {
  const colours: Record<LtvTier['tier'], string> = { Bronze: '#b0703c', Silver: '#94a3b8', Gold: '#d4a017', Platinum: '#6366f1' };
  return {
    grid: GRID,
    legend: LEGEND_TOP,
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: tiers.map((t) => t.tier) },
    yAxis: [
      { type: 'value', name: 'Customers' },
      { type: 'value', name: 'Avg revenue', splitLine: { show: false }, axisLabel: { formatter: (v: number) => format(v) } },
    ],
    series: [
      { name: 'Customers', type: 'bar', data: tiers.map((t) => ({ value: t.customers, itemStyle: { color: colours[t.tier] } })) },
      { name: 'Average net revenue', type: 'line', yAxisIndex: 1, data: tiers.map((t) => t.avgNetRevenue), tooltip: { valueFormatter: (v: number) => format(v) } },
    ],
  };
}

/** Survival: share of customers still active N months after their first order. */
export function survivalOption(survival: CohortRetentionResult['survival']) {
  return {
    grid: GRID,
    tooltip: axisTooltip((v) => (v === null ? 'not enough data' : `${(v * 100).toFixed(1)} %`)),
    xAxis: { type: 'category', data: survival.map((s) => `M${s.offset}`), boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` } },
    series: [{ name: 'Still active', type: 'line', step: 'end', data: survival.map((s) => s.share), connectNulls: false, areaStyle: { opacity: 0.12 } }],
  };
}

/** Cohort LTV at 7/30/90 days: one line per window across cohorts; incomplete windows dashed. */
export function cohortLtvOption(series: Columnar, format: ValueFormatter) {
  const month = stringColumn(series, 'cohort_month');
  const windowDays = numberColumn(series, 'window_days');
  const ltv = numberColumn(series, 'ltv');
  const complete = numberColumn(series, 'is_complete');
  const cohorts = [...new Set(month)].sort();
  const windows = [7, 30, 90];
  return {
    grid: { ...GRID, top: 40 },
    legend: LEGEND_TOP,
    tooltip: axisTooltip(format),
    xAxis: { type: 'category', data: cohorts },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
    series: windows.map((w) => ({
      name: `${w}-day LTV`,
      type: 'bar',
      data: cohorts.map((c) => {
        const i = month.findIndex((m, j) => m === c && windowDays[j] === w);
        if (i < 0) return null;
        // An incomplete window is still growing: shown hatched-light so it is not read as final.
        return complete[i] ? ltv[i] : { value: ltv[i], itemStyle: { opacity: 0.4 }, isIncomplete: true };
      }),
    })),
  };
}
