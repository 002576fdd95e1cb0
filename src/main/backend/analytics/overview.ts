import type { DateRange, KpiValue, OverviewResult, ParsedFilters } from '../../../shared/contract/analytics';
import { METRICS, type MetricId } from '../../../shared/metrics';
import type { Db } from '../db/open';
import { customerCounts, ordersWithReturns } from './customer-counts';
import { returnCells, salesCells } from './sales-query';
import { metaOf, resolveScope, toUnits, type Scope } from './scope';

export type KpiFigures = Record<OverviewMetricId, number | null>;

export const OVERVIEW_METRICS = [
  'gross_sales',
  'discounts',
  'refunds',
  'net_sales',
  'taxes',
  'shipping',
  'total_sales',
  'orders',
  'units',
  'customers',
  'aov',
  'new_customers',
  'returning_customers',
  'returning_customer_rate',
  'repeat_purchase_rate',
  'return_rate_value',
  'return_rate_units',
  'return_rate_orders',
] as const satisfies readonly MetricId[];
export type OverviewMetricId = (typeof OVERVIEW_METRICS)[number];

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Every Overview figure for one period. Money in currency units. */
export function kpiFigures(db: Db, scope: Scope, range: DateRange): KpiFigures {
  const sales = salesCells(db, scope, { range })[0];
  const returns = returnCells(db, scope, { range })[0];
  const counts = customerCounts(db, scope, range);
  const isByCategory = scope.categories !== null;
  // Without a category filter the order's own amounts are used (they include order-level
  // discounts); with one, only the lines in those categories count.
  const gross = sales?.gross ?? 0;
  const discounts = isByCategory ? (sales?.lineDiscount ?? 0) : (sales?.orderDiscount ?? 0);
  const taxes = isByCategory ? (sales?.lineTax ?? 0) : (sales?.orderTax ?? 0);
  const orders = counts.orders ?? sales?.orders ?? 0;
  const shipping = counts.shipping ?? sales?.orderShipping ?? 0;
  const refunds = returns?.refund ?? 0;
  const net = gross - discounts - refunds;
  const units = sales?.units ?? 0;
  return {
    gross_sales: toUnits(gross),
    discounts: toUnits(discounts),
    refunds: toUnits(refunds),
    net_sales: toUnits(net),
    taxes: toUnits(taxes),
    shipping: toUnits(shipping),
    total_sales: toUnits(net + taxes + shipping),
    orders,
    units,
    customers: counts.customers,
    aov: orders > 0 ? toUnits((gross - discounts) / orders) : null,
    new_customers: counts.newCustomers,
    returning_customers: counts.returningCustomers,
    returning_customer_rate: ratio(counts.returningCustomers, counts.customers),
    repeat_purchase_rate: ratio(counts.repeatCustomers, counts.customers),
    return_rate_value: ratio(refunds, gross - discounts),
    return_rate_units: ratio(returns?.returnedUnits ?? 0, units),
    return_rate_orders: ratio(ordersWithReturns(db, scope, range), orders),
  };
}

/** Relative change for amounts and counts; absolute difference (percentage points) for rates. */
export function changeOf(metricId: MetricId, value: number | null, previous: number | null): number | null {
  if (value === null || previous === null) return null;
  const unit = METRICS[metricId].unit;
  if (unit === 'percent' || unit === 'ratio') return value - previous;
  return previous === 0 ? null : (value - previous) / Math.abs(previous);
}

export function overview(db: Db, filters: ParsedFilters): OverviewResult {
  const scope = resolveScope(db, filters);
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), kpis: [] };
  const current = kpiFigures(db, scope, scope.range);
  const previous = scope.previousRange ? kpiFigures(db, scope, scope.previousRange) : null;
  const kpis: KpiValue[] = OVERVIEW_METRICS.map((metricId) => {
    const value = current[metricId];
    const before = previous ? previous[metricId] : null;
    return { metricId, value, previous: before, change: changeOf(metricId, value, before) };
  });
  const isEmpty = current.orders === 0 && current.refunds === 0;
  return { meta: metaOf(scope, isEmpty), kpis: isEmpty ? [] : kpis };
}
