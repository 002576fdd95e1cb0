import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerMask, readDaySets, type CustomerMask } from './day-sets';
import { addDays, type Scope } from './scope';

export interface ProductSales {
  sku: string;
  name: string | null;
  category: string;
  /** Current version is a product (not a fee or postage line). */
  isProduct: boolean;
  /** Line net after returns booked in the range (cents). */
  net: number;
  units: number;
  lines: number;
}

interface Sums {
  net: number;
  units: number;
  lines: number;
  refund: number;
  category: string;
}

/** Whole months inside the range, and the days before and after them. */
export function splitByMonths(range: DateRange): { months: DateRange | null; days: DateRange[] } {
  const firstWhole = range.from.endsWith('-01') ? range.from : `${addDays(`${range.from.slice(0, 7)}-28`, 7).slice(0, 7)}-01`;
  const afterLast = addDays(range.to, 1);
  const lastWholeEnd = afterLast.endsWith('-01') ? range.to : addDays(`${range.to.slice(0, 7)}-01`, -1);
  if (firstWhole > lastWholeEnd) return { months: null, days: [range] };
  const days: DateRange[] = [];
  if (range.from < firstWhole) days.push({ from: range.from, to: addDays(firstWhole, -1) });
  if (lastWholeEnd < range.to) days.push({ from: addDays(lastWholeEnd, 1), to: range.to });
  return { months: { from: firstWhole.slice(0, 7), to: lastWholeEnd.slice(0, 7) }, days };
}

function addTo(sums: Map<number, Sums>, skuId: number, category: string, net: number, units: number, lines: number): void {
  const entry = sums.get(skuId);
  if (!entry) {
    sums.set(skuId, { net, units, lines, refund: 0, category });
    return;
  }
  entry.net += net;
  entry.units += units;
  entry.lines += lines;
  if (category > entry.category) entry.category = category;
}

function addLines(db: Db, scope: Scope, range: DateRange, mask: CustomerMask | null, sums: Map<number, Sums>): void {
  for (const cell of readDaySets(db, 'line', scope, range, { byCategory: true })) {
    const d = cell.data;
    for (let i = 0; i < d.length; i += 5) {
      if (mask && !mask.has(d[i + 1] as number)) continue;
      addTo(sums, d[i] as number, cell.category, d[i + 2] as number, d[i + 3] as number, d[i + 4] as number);
    }
  }
}

/**
 * Sales per SKU in the range under every filter, summed in memory from the day sets: month
 * cells for the whole months (when no region/segment filter needs the customer), day cells
 * for the rest, and refunds booked in the range.
 */
export function productSales(db: Db, scope: Scope, range: DateRange): ProductSales[] {
  const mask = customerMask(db, scope);
  const sums = new Map<number, Sums>();
  const split = mask ? { months: null, days: [range] } : splitByMonths(range);
  if (split.months) {
    for (const cell of readDaySets(db, 'product', scope, split.months, { byCategory: true })) {
      const d = cell.data;
      for (let i = 0; i < d.length; i += 4) addTo(sums, d[i] as number, cell.category, d[i + 1] as number, d[i + 2] as number, d[i + 3] as number);
    }
  }
  for (const days of split.days) addLines(db, scope, days, mask, sums);
  for (const cell of readDaySets(db, 'return', scope, range, { byCategory: true })) {
    const d = cell.data;
    for (let i = 0; i < d.length; i += 4) {
      if (mask && !mask.has(d[i + 1] as number)) continue;
      const entry = sums.get(d[i + 2] as number);
      if (entry) entry.refund += d[i + 3] as number;
    }
  }
  if (sums.size === 0) return [];
  const skus = db
    .prepare<[], [number, string, string | null, number | null]>(
      `SELECT s.sku_id, s.sku, p.name, p.is_product FROM agg_sku s LEFT JOIN dim_product p ON p.sku = s.sku AND p.is_current = 1`,
    )
    .raw()
    .all();
  return skus
    .filter(([id]) => sums.has(id))
    .map(([id, sku, name, isProduct]) => {
      const s = sums.get(id) as Sums;
      return { sku, name, category: s.category, isProduct: isProduct === 1, net: s.net - s.refund, units: s.units, lines: s.lines };
    });
}
