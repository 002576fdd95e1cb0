import type { ParsedFilters, RfmResult, RfmSegment } from '../../../shared/contract/analytics';
import { RFM_SEGMENTS } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerBase, customerIdRanks, customerProfiles, sortKeys } from './customer-base';
import { dayNumber } from './day-sets';
import { metaOf, resolveScope, toUnits } from './scope';

/** The usual recency × frequency grid of named RFM segments. */
export function rfmSegment(r: number, f: number): RfmSegment {
  if (r <= 2) return f <= 2 ? 'Hibernating' : f <= 4 ? 'At risk' : "Can't lose them";
  if (r === 3) return f <= 2 ? 'About to sleep' : f === 3 ? 'Need attention' : 'Loyal';
  if (f >= 4) return r === 5 ? 'Champions' : 'Loyal';
  if (f >= 2) return 'Potential loyalist';
  return r === 5 ? 'New customers' : 'Promising';
}


/** Quintile (1–5, 5 best) of each key in ascending order: NTILE(5) as SQL defines it (the first n mod 5 tiles are one larger). */
function quintiles(sortedKeys: readonly number[], size: number): Uint8Array {
  const scores = new Uint8Array(size);
  const base = Math.floor(sortedKeys.length / 5);
  const larger = sortedKeys.length % 5;
  let index = 0;
  for (let tile = 1; tile <= 5; tile++) {
    const end = index + base + (tile <= larger ? 1 : 0);
    for (; index < end; index++) scores[sortedKeys[index] as number] = tile;
  }
  return scores;
}

/** RFM over the customers with orders in the range; recency is measured to the range's end. */
export function rfm(db: Db, filters: ParsedFilters, options: { limit: number }): RfmResult {
  const scope = resolveScope(db, filters);
  const columns = ['customer_id', 'name', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'];
  const empty = (): RfmResult => ({ meta: metaOf(scope, true), asOf: scope.range?.to ?? null, segments: [], customers: { columns, rows: [] }, totalCustomers: 0 });
  if (scope.emptyReason || !scope.range) return empty();
  const base = customerBase(db, scope);
  if (!base || base.keys.length === 0) return empty();
  const { keys, orders, net, lastDay } = base;
  const size = orders.length;
  const idRank = customerIdRanks(db, size);
  // Quintile 5 is best: most recent, most orders, most revenue; ties by customer id.
  const r = quintiles(sortKeys(keys, (k) => lastDay[k] ?? 0, idRank), size);
  const f = quintiles(sortKeys(keys, (k) => orders[k] ?? 0, idRank), size);
  const byMonetary = sortKeys(keys, (k) => net[k] ?? 0, idRank);
  const m = quintiles(byMonetary, size);
  const asOf = dayNumber(scope.range.to);
  const sums = new Map<RfmSegment, { customers: number; net: number; recency: number; orders: number }>(RFM_SEGMENTS.map((s) => [s, { customers: 0, net: 0, recency: 0, orders: 0 }]));
  const segmentOf = new Array<RfmSegment>(size);
  for (const key of keys) {
    const segment = rfmSegment(r[key] ?? 1, f[key] ?? 1);
    segmentOf[key] = segment;
    const sum = sums.get(segment);
    if (!sum) continue;
    sum.customers += 1;
    sum.net += net[key] ?? 0;
    sum.recency += asOf - (lastDay[key] ?? 0);
    sum.orders += orders[key] ?? 0;
  }
  const segments = RFM_SEGMENTS.map((segment) => {
    const sum = sums.get(segment) ?? { customers: 0, net: 0, recency: 0, orders: 0 };
    const n = sum.customers;
    return {
      segment,
      customers: n,
      netRevenue: toUnits(sum.net),
      avgRecencyDays: n > 0 ? Math.round((sum.recency / n) * 10) / 10 : 0,
      avgFrequency: n > 0 ? Math.round((sum.orders / n) * 100) / 100 : 0,
    };
  });
  // Highest monetary first, ties by customer id.
  const shown = byMonetary.slice(-options.limit).reverse();
  shown.sort((a, b) => (net[b] ?? 0) - (net[a] ?? 0) || (idRank[a] ?? 0) - (idRank[b] ?? 0));
  const profiles = customerProfiles(db, shown);
  const rows = shown.map((key) => {
    const profile = profiles.get(key);
    return [profile?.customerId ?? String(key), profile?.name ?? null, asOf - (lastDay[key] ?? 0), orders[key] ?? 0, toUnits(net[key]),
      r[key] ?? 1, f[key] ?? 1, m[key] ?? 1, segmentOf[key] ?? 'Hibernating'];
  });
  return { meta: metaOf(scope, false), asOf: scope.range.to, segments, customers: { columns, rows }, totalCustomers: keys.length };
}
