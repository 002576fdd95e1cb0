import type { BreakdownResult, Columnar, KpiValue } from '../../../shared/contract/analytics';
import { formatMoney, formatPercent, formatSignedMoney, formatSignedPercent } from './format';

export interface Insight {
  id: 'net_sales_trend' | 'category_mover' | 'new_customer_share' | 'sku_at_risk' | 'return_rate';
  text: string;
}

/** The slice of report data the insights read; kept narrow so each rule is testable on its own. */
export interface InsightInput {
  currency: string | null;
  kpis: KpiValue[];
  categories: { current: BreakdownResult; previous: BreakdownResult | null };
  stockAtRisk: Columnar;
}

const kpi = (kpis: readonly KpiValue[], id: string): KpiValue | undefined => kpis.find((k) => k.metricId === id);

export function netSalesTrend(input: InsightInput): Insight | null {
  const net = kpi(input.kpis, 'net_sales');
  if (!net || net.value === null) return null;
  const now = formatMoney(net.value, input.currency);
  if (net.previous === null || net.change === null) {
    return { id: 'net_sales_trend', text: `Net sales were ${now}; there is no earlier period of equal length to compare with.` };
  }
  const direction = net.change > 0 ? 'up' : net.change < 0 ? 'down' : 'unchanged';
  const amount = direction === 'unchanged' ? '' : ` ${formatPercent(Math.abs(net.change))}`;
  return {
    id: 'net_sales_trend',
    text: `Net sales were ${now}, ${direction}${amount} on the previous period (${formatMoney(net.previous, input.currency)}).`,
  };
}

function netByLabel(result: BreakdownResult | null): Map<string, number> {
  const map = new Map<string, number>();
  if (!result) return map;
  const labelAt = result.series.columns.indexOf('label');
  const netAt = result.series.columns.indexOf('net_sales');
  for (const row of result.series.rows) map.set(String(row[labelAt]), Number(row[netAt] ?? 0));
  return map;
}

/** The category whose net sales changed most (in money) against the previous period. */
export function categoryMover(input: InsightInput): Insight | null {
  if (!input.categories.previous) return null;
  const current = netByLabel(input.categories.current);
  const previous = netByLabel(input.categories.previous);
  const labels = [...new Set([...current.keys(), ...previous.keys()])];
  const moves = labels
    .map((label) => ({ label, now: current.get(label) ?? 0, before: previous.get(label) ?? 0 }))
    .map((m) => ({ ...m, delta: m.now - m.before }))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.label.localeCompare(b.label));
  const top = moves[0];
  if (!top || top.delta === 0) return null;
  const relative = top.before !== 0 ? ` (${formatSignedPercent(top.delta / Math.abs(top.before))})` : '';
  return {
    id: 'category_mover',
    text:
      `${top.label} moved net sales the most: ${formatSignedMoney(top.delta, input.currency)}${relative} against the previous period ` +
      `(${formatMoney(top.before, input.currency)} → ${formatMoney(top.now, input.currency)}).`,
  };
}

/** New customers as a share of all buyers, now and before. */
export function newCustomerShare(input: InsightInput): Insight | null {
  const fresh = kpi(input.kpis, 'new_customers');
  const all = kpi(input.kpis, 'customers');
  if (!fresh || !all || fresh.value === null || !all.value) return null;
  const share = fresh.value / all.value;
  const text = `New customers were ${formatPercent(share)} of buyers (${fresh.value} of ${all.value})`;
  if (fresh.previous === null || !all.previous) return { id: 'new_customer_share', text: `${text}.` };
  const before = fresh.previous / all.previous;
  const points = Math.round((share - before) * 100);
  const trend = points === 0 ? 'about the same as' : points > 0 ? `up ${points} points from` : `down ${-points} points from`;
  return { id: 'new_customer_share', text: `${text}, ${trend} ${formatPercent(before)} in the previous period.` };
}

/** The at-risk SKU with the fewest days of cover (or, without sales history, the largest shortfall). */
export function skuMostAtRisk(input: InsightInput): Insight | null {
  const { columns, rows } = input.stockAtRisk;
  const at = (name: string) => columns.indexOf(name);
  const items = rows.map((r) => ({
    sku: String(r[at('sku')]),
    name: r[at('name')] === null ? null : String(r[at('name')]),
    available: Number(r[at('available')]),
    reorderPoint: Number(r[at('reorder_point')]),
    cover: r[at('days_of_cover')] === null ? null : Number(r[at('days_of_cover')]),
  }));
  if (items.length === 0) return { id: 'sku_at_risk', text: 'No SKU is below its reorder point on the latest inventory day.' };
  items.sort(
    (a, b) =>
      (a.cover ?? Number.POSITIVE_INFINITY) - (b.cover ?? Number.POSITIVE_INFINITY) ||
      b.reorderPoint - b.available - (a.reorderPoint - a.available) ||
      a.sku.localeCompare(b.sku),
  );
  const worst = items[0];
  if (!worst) return null;
  const cover = worst.cover === null ? '' : `, ${worst.cover < 1 ? 'less than 1 day' : `about ${Math.round(worst.cover)} days`} of cover`;
  const others = items.length > 1 ? ` ${items.length - 1} more SKU${items.length > 2 ? 's are' : ' is'} below reorder point.` : '';
  return {
    id: 'sku_at_risk',
    text: `${worst.sku}${worst.name ? ` (${worst.name})` : ''} is the SKU most at risk: ${worst.available} available against a reorder point of ${worst.reorderPoint}${cover}.${others}`,
  };
}

export function returnRate(input: InsightInput): Insight | null {
  const rate = kpi(input.kpis, 'return_rate_value');
  if (!rate || rate.value === null) return null;
  const change = rate.previous === null ? '' : `, ${rate.value >= rate.previous ? 'up' : 'down'} from ${formatPercent(rate.previous)}`;
  return { id: 'return_rate', text: `Refunds took ${formatPercent(rate.value)} of sales after discounts${change}.` };
}

/** 3 to 5 plain-language findings, each computed from the period's figures; rules without data are skipped. */
export function computeInsights(input: InsightInput): Insight[] {
  return [netSalesTrend, categoryMover, newCustomerShare, skuMostAtRisk, returnRate]
    .map((rule) => rule(input))
    .filter((insight): insight is Insight => insight !== null)
    .slice(0, 5);
}
