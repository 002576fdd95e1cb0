import type { CohortRetentionResult, Columnar, LtvTier, RfmResult } from '../../../shared/contract/analytics';
import { numberColumn, stringColumn } from './columnar';
import { axisTooltip, GRID, LEGEND_TOP, type ValueFormatter } from './common';

/**
 * RFM scatter: recency (days, lower is better) against monetary, one series per segment so the
 * legend names segments and toggles them. Point size grows with frequency.
 */
export function rfmScatterOption(customers: Columnar, format: ValueFormatter) {
  const ids = stringColumn(customers, 'customer_id');
  const names = stringColumn(customers, 'name');
  const recency = numberColumn(customers, 'recency_days');
  const frequency = numberColumn(customers, 'frequency');
  const monetary = numberColumn(customers, 'monetary');
  const segment = stringColumn(customers, 'segment');
  const bySegment = new Map<string, { value: [number, number, number]; customerId: string; name: string }[]>();
  ids.forEach((id, i) => {
    const list = bySegment.get(segment[i] ?? '') ?? [];
    list.push({ value: [recency[i] ?? 0, monetary[i] ?? 0, frequency[i] ?? 0], customerId: id, name: names[i] || id });
    bySegment.set(segment[i] ?? '', list);
  });
  return {
    grid: { ...GRID, top: 56, bottom: 28 },
    legend: { ...LEGEND_TOP },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { seriesName: string; data: { value: [number, number, number]; name: string } }) =>
        `${p.data.name} · ${p.seriesName}<br/>Recency ${p.data.value[0]} d · ${p.data.value[2]} orders<br/><b>${format(p.data.value[1])}</b>`,
    },
    xAxis: { type: 'value', name: 'Recency (days)', nameLocation: 'middle', nameGap: 24, inverse: false },
    yAxis: { type: 'log', name: 'Monetary', logBase: 10, axisLabel: { formatter: (v: number) => format(v) } },
    series: [...bySegment.entries()].map(([name, data]) => ({
      name,
      type: 'scatter',
      cursor: 'pointer',
      // log axes cannot place 0 or negative totals (a full refund); they sit on the lowest tick.
      data: data.map((d) => ({ ...d, value: [d.value[0], Math.max(d.value[1], 1), d.value[2]] })),
      symbolSize: (value: [number, number, number]) => Math.min(24, 5 + Math.sqrt(value[2]) * 3),
      itemStyle: { opacity: 0.65 },
      emphasis: { focus: 'series' },
    })),
  };
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
