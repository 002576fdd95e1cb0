import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerMask, maxCustomerKey, maxOrderKey, readDaySets } from './day-sets';
import type { Scope } from './scope';

/**
 * Per-customer figures over a range under the scope's filters, summed in memory from the
 * day sets (arrays indexed by customer_key). Without a category filter: the customer's orders
 * and gross − discounts − refunds of them. With one: the distinct orders that have lines in
 * those categories and the line net of those lines (before returns).
 */
export interface CustomerTotals {
  /** Customers with at least one matching order, in first-seen order. */
  keys: number[];
  orders: Int32Array;
  net: Float64Array;
  lastDate: string[];
  /** Distinct matching orders including guest orders, and their shipping: only with a category filter. */
  orderCount: number | null;
  shipping: number | null;
}

export function customerTotals(db: Db, scope: Scope, range: DateRange): CustomerTotals {
  const size = maxCustomerKey(db) + 1;
  const mask = customerMask(db, scope);
  const totals: CustomerTotals = { keys: [], orders: new Int32Array(size), net: new Float64Array(size), lastDate: new Array<string>(size), orderCount: null, shipping: null };
  const { keys, orders, net, lastDate } = totals;
  if (!scope.categories) {
    for (const cell of readDaySets(db, 'customer', scope, range, { byCategory: false })) {
      const d = cell.data;
      for (let i = 0; i < d.length; i += 3) {
        const key = d[i] as number;
        if (mask && !mask.has(key)) continue;
        if (orders[key] === 0) keys.push(key);
        orders[key] = (orders[key] ?? 0) + (d[i + 1] as number);
        net[key] = (net[key] ?? 0) + (d[i + 2] as number);
        lastDate[key] = cell.date;
      }
    }
    return totals;
  }
  const seenOrder = new Uint8Array(maxOrderKey(db) + 1);
  let orderCount = 0;
  let shipping = 0;
  for (const cell of readDaySets(db, 'order', scope, range, { byCategory: true })) {
    const d = cell.data;
    for (let i = 0; i < d.length; i += 4) {
      const order = d[i] as number;
      const key = d[i + 1] as number;
      if (mask && !mask.has(key)) continue;
      const isNewOrder = seenOrder[order] === 0;
      if (isNewOrder) {
        seenOrder[order] = 1;
        orderCount += 1;
        shipping += d[i + 3] as number;
      }
      if (key < 0) continue;
      if (orders[key] === 0) keys.push(key);
      if (isNewOrder) orders[key] = (orders[key] ?? 0) + 1;
      net[key] = (net[key] ?? 0) + (d[i + 2] as number);
      lastDate[key] = cell.date;
    }
  }
  return { ...totals, orderCount, shipping };
}
