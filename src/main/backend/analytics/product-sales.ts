import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { monthChunks, monthEnd } from './aggregates/day-sets-refresh';
import { hasMonthSets } from './aggregates/month-sets';
import { customerMask, readDaySets, readMonthSets, readReturnCells, splitByMonths, splitForMonthSets, type CustomerMask, type DaySetCell } from './day-sets';
import { cachedUntilDataChanges } from './read-cache';
import { addDays, daysBetween, type Scope } from './scope';

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
  skuId: number;
  category: string;
  net: number;
  units: number;
  lines: number;
}

/**
 * Sums per (SKU, category): a SKU whose versions sit in two categories keeps both until the
 * end, so month cells minus day cells (signed adds) cancel exactly per category.
 */
type SumsBySkuCategory = Map<string, Sums>;

function addTo(sums: SumsBySkuCategory, sign: number, skuId: number, category: string, net: number, units: number, lines: number): void {
  const key = `${skuId}\u0001${category}`;
  const entry = sums.get(key);
  if (!entry) {
    sums.set(key, { skuId, category, net: sign * net, units: sign * units, lines: sign * lines });
    return;
  }
  entry.net += sign * net;
  entry.units += sign * units;
  entry.lines += sign * lines;
}

/** `sign` −1: lines of days outside the range, taken back out of a month cell that holds them. */
type LineVisitor = (skuId: number, category: string, net: number, units: number, lines: number, sign: number) => void;

/** Line cells [sku, customer, net, units, lines] of the customers in the mask (null: everyone). */
function visitLineCells(cells: readonly DaySetCell[], mask: CustomerMask | null, visit: LineVisitor, sign = 1): void {
  for (const cell of cells) {
    const d = cell.data;
    for (let i = 0; i < d.length; i += 5) {
      if (mask && !mask.has(d[i + 1] as number)) continue;
      visit(d[i] as number, cell.category, d[i + 2] as number, d[i + 3] as number, d[i + 4] as number, sign);
    }
  }
}

function addLines(db: Db, scope: Scope, range: DateRange, mask: CustomerMask | null, sums: SumsBySkuCategory, sign: number): void {
  visitLineCells(readDaySets(db, 'line', scope, range, { byCategory: true }), mask, (skuId, category, net, units, lines) => addTo(sums, sign, skuId, category, net, units, lines));
}

/**
 * Days of ONE month: when they cover most of it, the month cell minus the few days left out is
 * cheaper than reading every day (30 day cells cost about three times one month cell).
 */
function monthPart(part: DateRange): { month: DateRange; outside: DateRange[]; isWholeCheaper: boolean } {
  const monthStart = `${part.from.slice(0, 7)}-01`;
  const last = monthEnd(part.from);
  const outside = [
    ...(part.from > monthStart ? [{ from: monthStart, to: addDays(part.from, -1) }] : []),
    ...(part.to < last ? [{ from: addDays(part.to, 1), to: last }] : []),
  ];
  const outsideDays = outside.reduce((n, r) => n + daysBetween(r.from, r.to) + 1, 0);
  const month = { from: part.from.slice(0, 7), to: part.from.slice(0, 7) };
  return { month, outside, isWholeCheaper: outsideDays < daysBetween(part.from, part.to) + 1 };
}

/**
 * Every line in the range under every filter (a region or segment mask included): month line
 * cells for whole months and for nearly whole ones (less the days outside, visited with sign
 * −1), day line cells for the rest.
 */
function forEachLineOf(db: Db, scope: Scope, range: DateRange, mask: CustomerMask, visit: LineVisitor): void {
  const split = splitForMonthSets(db, range, 'line', scope.currency);
  if (split.months) visitLineCells(readMonthSets(db, 'line', scope, split.months, { byCategory: true }), mask, visit);
  const withMonthSets = hasMonthSets(db);
  for (const days of split.days) {
    for (const chunk of monthChunks({ fromDate: days.from, toDate: days.to })) {
      const part = monthPart({ from: chunk.fromDate, to: chunk.toDate });
      if (!withMonthSets || !part.isWholeCheaper) {
        visitLineCells(readDaySets(db, 'line', scope, { from: chunk.fromDate, to: chunk.toDate }, { byCategory: true }), mask, visit);
        continue;
      }
      visitLineCells(readMonthSets(db, 'line', scope, part.month, { byCategory: true }), mask, visit);
      for (const outside of part.outside) visitLineCells(readDaySets(db, 'line', scope, outside, { byCategory: true }), mask, visit, -1);
    }
  }
}

/** Product month cells [sku, net, units, lines] (channel and category filters only). */
function addMonths(db: Db, scope: Scope, months: DateRange, sums: SumsBySkuCategory): void {
  for (const cell of readDaySets(db, 'product', scope, months, { byCategory: true })) {
    const d = cell.data;
    for (let i = 0; i < d.length; i += 4) addTo(sums, 1, d[i] as number, cell.category, d[i + 1] as number, d[i + 2] as number, d[i + 3] as number);
  }
}

function addMonthPart(db: Db, scope: Scope, range: DateRange, sums: SumsBySkuCategory): void {
  const part = monthPart(range);
  if (!part.isWholeCheaper) {
    addLines(db, scope, range, null, sums, 1);
    return;
  }
  addMonths(db, scope, part.month, sums);
  for (const days of part.outside) addLines(db, scope, days, null, sums, -1);
}

/**
 * Sales per SKU in the range under every filter, summed in memory from the day sets: month
 * cells for the whole (or nearly whole) months when no region/segment filter needs the
 * customer, line day cells for the rest, and refunds booked in the range.
 */
export function productSales(db: Db, scope: Scope, range: DateRange): ProductSales[] {
  const mask = customerMask(db, scope);
  const sums: SumsBySkuCategory = new Map();
  if (mask) {
    forEachLineOf(db, scope, range, mask, (skuId, category, net, units, lines, sign) => addTo(sums, sign, skuId, category, net, units, lines));
  } else {
    const split = splitByMonths(range);
    if (split.months) addMonths(db, scope, split.months, sums);
    for (const days of split.days) {
      for (const part of monthChunks({ fromDate: days.from, toDate: days.to })) addMonthPart(db, scope, { from: part.fromDate, to: part.toDate }, sums);
    }
  }
  // Per SKU: the categories it sold under in the range (the latest name wins, as max() did).
  const bySku = new Map<number, { net: number; units: number; lines: number; refund: number; category: string }>();
  for (const s of sums.values()) {
    if (s.lines === 0) continue; // cancelled out: no line of this SKU and category in the range
    const entry = bySku.get(s.skuId);
    if (!entry) {
      bySku.set(s.skuId, { net: s.net, units: s.units, lines: s.lines, refund: 0, category: s.category });
      continue;
    }
    entry.net += s.net;
    entry.units += s.units;
    entry.lines += s.lines;
    if (s.category > entry.category) entry.category = s.category;
  }
  for (const cell of readReturnCells(db, scope, range)) {
    const d = cell.data;
    for (let i = 0; i < d.length; i += 4) {
      if (mask && !mask.has(d[i + 1] as number)) continue;
      const entry = bySku.get(d[i + 2] as number);
      if (entry) entry.refund += d[i + 3] as number;
    }
  }
  if (bySku.size === 0) return [];
  const skus = db
    .prepare<[], [number, string, string | null, number | null]>(
      `SELECT s.sku_id, s.sku, p.name, p.is_product FROM agg_sku s LEFT JOIN dim_product p ON p.sku = s.sku AND p.is_current = 1`,
    )
    .raw()
    .all();
  return skus
    .filter(([id]) => bySku.has(id))
    .map(([id, sku, name, isProduct]) => {
      const s = bySku.get(id) as { net: number; units: number; lines: number; refund: number; category: string };
      return { sku, name, category: s.category, isProduct: isProduct === 1, net: s.net - s.refund, units: s.units, lines: s.lines };
    });
}

/**
 * The SKUs with a line in the range under every filter. Under a region or segment filter it only
 * collects ids from the line cells (the Inventory page lists these SKUs and needs no sums).
 */
export function skusSold(db: Db, scope: Scope, range: DateRange): Set<string> {
  const mask = customerMask(db, scope);
  if (!mask) return new Set(productSales(db, scope, range).map((p) => p.sku));
  // Lines per SKU id (small dense integers), signed: a nearly whole month is its month cell less
  // the days outside the range.
  const skuOf = skuNames(db);
  const lines = new Float64Array(skuOf.length);
  forEachLineOf(db, scope, range, mask, (skuId, _category, _net, _units, count, sign) => {
    lines[skuId] = (lines[skuId] ?? 0) + sign * count;
  });
  const sold = new Set<string>();
  lines.forEach((count, id) => {
    const sku = skuOf[id];
    if (count > 0 && sku !== undefined) sold.add(sku);
  });
  return sold;
}

/** SKU by agg_sku id; ids only grow, so one read per data version serves every call. */
function skuNames(db: Db): (string | undefined)[] {
  return cachedUntilDataChanges(db, 'sku-names', () => {
    const names: (string | undefined)[] = [];
    for (const [id, sku] of db.prepare<[], [number, string]>('SELECT sku_id, sku FROM agg_sku').raw().iterate()) names[id] = sku;
    return names;
  });
}
