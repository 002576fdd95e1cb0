import type { ParsedFilters, RfmResult, RfmSegment } from '../../../shared/contract/analytics';
import { RFM_SEGMENTS } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerBase, type CustomerBase } from './customer-base';
import { daysBetween, metaOf, resolveScope, toUnits } from './scope';

/**
 * NTILE(n) as SQL defines it: items in order, the first (count mod n) tiles one larger. Ties
 * are broken by customer id so the scores are reproducible.
 */
export function ntile<T>(items: readonly T[], tiles: number, compare: (a: T, b: T) => number): Map<T, number> {
  const sorted = [...items].sort(compare);
  const base = Math.floor(sorted.length / tiles);
  const larger = sorted.length % tiles;
  const scores = new Map<T, number>();
  let index = 0;
  for (let tile = 1; tile <= tiles; tile++) {
    const size = base + (tile <= larger ? 1 : 0);
    for (let i = 0; i < size; i++) {
      const item = sorted[index++];
      if (item !== undefined) scores.set(item, tile);
    }
  }
  return scores;
}

/** The usual recency × frequency grid of named RFM segments. */
export function rfmSegment(r: number, f: number): RfmSegment {
  if (r <= 2) return f <= 2 ? 'Hibernating' : f <= 4 ? 'At risk' : "Can't lose them";
  if (r === 3) return f <= 2 ? 'About to sleep' : f === 3 ? 'Need attention' : 'Loyal';
  if (f >= 4) return r === 5 ? 'Champions' : 'Loyal';
  if (f >= 2) return 'Potential loyalist';
  return r === 5 ? 'New customers' : 'Promising';
}

export interface RfmScore {
  customer: CustomerBase;
  recencyDays: number;
  r: number;
  f: number;
  m: number;
  segment: RfmSegment;
}

export function scoreRfm(customers: readonly CustomerBase[], asOf: string): RfmScore[] {
  const byId = (a: CustomerBase, b: CustomerBase): number => a.customerId.localeCompare(b.customerId);
  // Quintile 5 is best: most recent, most orders, most revenue.
  const r = ntile(customers, 5, (a, b) => a.lastOrderDate.localeCompare(b.lastOrderDate) || byId(a, b));
  const f = ntile(customers, 5, (a, b) => a.orders - b.orders || byId(a, b));
  const m = ntile(customers, 5, (a, b) => a.net - b.net || byId(a, b));
  return customers.map((customer) => {
    const rs = r.get(customer) ?? 1;
    const fs = f.get(customer) ?? 1;
    return { customer, recencyDays: daysBetween(customer.lastOrderDate, asOf), r: rs, f: fs, m: m.get(customer) ?? 1, segment: rfmSegment(rs, fs) };
  });
}

/** RFM over the customers with orders in the range; recency is measured to the range's end. */
export function rfm(db: Db, filters: ParsedFilters, options: { limit: number }): RfmResult {
  const scope = resolveScope(db, filters);
  const columns = ['customer_id', 'name', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'];
  const empty = (): RfmResult => ({ meta: metaOf(scope, true), asOf: scope.range?.to ?? null, segments: [], customers: { columns, rows: [] }, totalCustomers: 0 });
  if (scope.emptyReason || !scope.range) return empty();
  const base = customerBase(db, scope);
  if (base.length === 0) return empty();
  const scores = scoreRfm(base, scope.range.to);
  const segments = RFM_SEGMENTS.map((segment) => {
    const members = scores.filter((s) => s.segment === segment);
    const n = members.length;
    return {
      segment,
      customers: n,
      netRevenue: toUnits(members.reduce((s, x) => s + x.customer.net, 0)),
      avgRecencyDays: n > 0 ? Math.round((members.reduce((s, x) => s + x.recencyDays, 0) / n) * 10) / 10 : 0,
      avgFrequency: n > 0 ? Math.round((members.reduce((s, x) => s + x.customer.orders, 0) / n) * 100) / 100 : 0,
    };
  });
  const rows = [...scores]
    .sort((a, b) => b.customer.net - a.customer.net || a.customer.customerId.localeCompare(b.customer.customerId))
    .slice(0, options.limit)
    .map((s) => [s.customer.customerId, s.customer.name, s.recencyDays, s.customer.orders, toUnits(s.customer.net), s.r, s.f, s.m, s.segment]);
  return { meta: metaOf(scope, false), asOf: scope.range.to, segments, customers: { columns, rows }, totalCustomers: base.length };
}
