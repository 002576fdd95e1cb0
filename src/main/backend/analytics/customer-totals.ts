import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerMask, dayNumber, maxCustomerKey, maxOrderKey, readDaySets, readMonthSets, splitForMonthSets, type CustomerMask } from './day-sets';
import { lifetimeTotalsCovering } from './customer-lifetimes';
import type { Scope } from './scope';

/**
 * Per-customer figures over a range under the scope's filters, summed in memory from the month
 * cells (whole months) and day cells (the partial months at the edges), as arrays indexed by
 * customer_key. Without a category filter: the customer's orders and gross − discounts − refunds
 * of them. With one: the distinct orders that have lines in those categories and the line net of
 * those lines (before returns).
 */
export interface CustomerTotals {
  /** Customers with at least one matching order, in first-seen order. */
  keys: number[];
  orders: Int32Array;
  net: Float64Array;
  /** Day of the last matching order (days since 1970-01-01). */
  lastDay: Float64Array;
  /** Distinct matching orders including guest orders, and their shipping: only with a category filter. */
  orderCount: number | null;
  shipping: number | null;
}

function emptyTotals(size: number): CustomerTotals {
  return { keys: [], orders: new Int32Array(size), net: new Float64Array(size), lastDay: new Float64Array(size), orderCount: null, shipping: null };
}

function add(totals: CustomerTotals, key: number, orders: number, net: number, day: number): void {
  if (totals.orders[key] === 0) totals.keys.push(key);
  totals.orders[key] = (totals.orders[key] ?? 0) + orders;
  totals.net[key] = (totals.net[key] ?? 0) + net;
  if (day > (totals.lastDay[key] ?? 0)) totals.lastDay[key] = day;
}

/** Month tuples [customer, orders, net, first day, last day]; day tuples [customer, orders, net]. */
function allCategories(db: Db, scope: Scope, range: DateRange, mask: CustomerMask | null, totals: CustomerTotals): CustomerTotals {
  const split = splitForMonthSets(db, range, 'customer', scope.currency);
  if (split.months) {
    for (const cell of readMonthSets(db, 'customer', scope, split.months, { byCategory: false })) {
      const d = cell.data;
      for (let i = 0; i < d.length; i += 5) {
        const key = d[i] as number;
        if (!mask || mask.has(key)) add(totals, key, d[i + 1] as number, d[i + 2] as number, d[i + 4] as number);
      }
    }
  }
  for (const days of split.days) {
    for (const cell of readDaySets(db, 'customer', scope, days, { byCategory: false })) {
      const d = cell.data;
      const day = dayNumber(cell.date);
      for (let i = 0; i < d.length; i += 3) {
        const key = d[i] as number;
        if (!mask || mask.has(key)) add(totals, key, d[i + 1] as number, d[i + 2] as number, day);
      }
    }
  }
  return totals;
}

/** Day order cells [order, customer or -1, line net, shipping]: an order with lines in two chosen categories counts once. */
function addOrderCells(db: Db, scope: Scope, range: DateRange, mask: CustomerMask | null, totals: CustomerTotals, seenOrder: Uint8Array): void {
  for (const cell of readDaySets(db, 'order', scope, range, { byCategory: true })) {
    const d = cell.data;
    const day = dayNumber(cell.date);
    for (let i = 0; i < d.length; i += 4) {
      const order = d[i] as number;
      const key = d[i + 1] as number;
      if (mask && !mask.has(key)) continue;
      const isNewOrder = seenOrder[order] === 0;
      if (isNewOrder) {
        seenOrder[order] = 1;
        totals.orderCount = (totals.orderCount ?? 0) + 1;
        totals.shipping = (totals.shipping ?? 0) + (d[i + 3] as number);
      }
      if (key >= 0) add(totals, key, isNewOrder ? 1 : 0, d[i + 2] as number, day);
    }
  }
}

export function customerTotals(db: Db, scope: Scope, range: DateRange): CustomerTotals {
  return lifetimeTotalsCovering(db, scope, range, customerMask(db, scope)) ?? customerTotalsFromCells(db, scope, range);
}

/** The same totals summed from the month and day cells, for any range and filters. */
export function customerTotalsFromCells(db: Db, scope: Scope, range: DateRange): CustomerTotals {
  const mask = customerMask(db, scope);
  const totals = emptyTotals(maxCustomerKey(db) + 1);
  if (!scope.categories) return allCategories(db, scope, range, mask, totals);
  totals.orderCount = 0;
  totals.shipping = 0;
  // Month cells count each order once per category, so they add up exactly for ONE category;
  // several categories need the day order cells to count an order with lines in two of them once.
  const split = scope.categories.length === 1 ? splitForMonthSets(db, range, 'customer', scope.currency) : { months: null, days: [range] };
  if (split.months) {
    for (const cell of readMonthSets(db, 'customer_category', scope, split.months, { byCategory: true })) {
      const d = cell.data;
      for (let i = 0; i < d.length; i += 5) {
        const key = d[i] as number;
        if (mask && !mask.has(key)) continue;
        totals.orderCount += d[i + 1] as number;
        totals.shipping += d[i + 3] as number;
        if (key >= 0) add(totals, key, d[i + 1] as number, d[i + 2] as number, d[i + 4] as number);
      }
    }
  }
  if (split.days.length > 0) {
    const seenOrder = new Uint8Array(maxOrderKey(db) + 1);
    for (const days of split.days) addOrderCells(db, scope, days, mask, totals, seenOrder);
  }
  return totals;
}
