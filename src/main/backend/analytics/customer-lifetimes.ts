import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import type { CustomerTotals } from './customer-totals';
import type { CustomerMask } from './day-sets';
import { dayNumber, maxCustomerKey } from './day-sets';
import { cachedUntilDataChanges } from './read-cache';
import type { Scope } from './scope';

/**
 * agg_customer_lifetime read once per data version: the per-customer totals of a range that
 * covers all of a currency's orders are exactly the lifetime rows, so "all dates" views need
 * not union two years of month cells. The lifetime rows are re-summed from those same month
 * cells on every refresh (customer-aggregates.ts), so both paths agree to the cent.
 */
interface CurrencyLifetimes {
  totals: CustomerTotals;
  /** First and last counted order day in this currency; null without any. */
  firstDay: number | null;
  lastDay: number | null;
}

function readCurrencyLifetimes(db: Db, currency: string | null): CurrencyLifetimes {
  const size = maxCustomerKey(db) + 1;
  const totals: CustomerTotals = { keys: [], orders: new Int32Array(size), net: new Float64Array(size), lastDay: new Float64Array(size), orderCount: null, shipping: null };
  let firstDay: number | null = null;
  let lastDay: number | null = null;
  const rows = db
    .prepare<[string | null], [number, string, string, number, number]>(
      'SELECT customer_key, first_order_date, last_order_date, orders, net_cents FROM agg_customer_lifetime WHERE currency = ? ORDER BY customer_key',
    )
    .raw()
    .all(currency);
  for (const [key, first, last, orders, net] of rows) {
    if (key >= size) continue;
    const from = dayNumber(first);
    const to = dayNumber(last);
    totals.keys.push(key);
    totals.orders[key] = orders;
    totals.net[key] = net;
    totals.lastDay[key] = to;
    if (firstDay === null || from < firstDay) firstDay = from;
    if (lastDay === null || to > lastDay) lastDay = to;
  }
  return { totals, firstDay, lastDay };
}

function currencyLifetimes(db: Db, currency: string | null): CurrencyLifetimes {
  return cachedUntilDataChanges(db, `lifetime-totals:${currency}`, () => readCurrencyLifetimes(db, currency));
}

/** Lifetime net (cents) in the currency by customer_key, 0 for none: historical CLV. */
export function lifetimeNet(db: Db, currency: string | null): Float64Array {
  return currencyLifetimes(db, currency).totals.net;
}

/**
 * The lifetime totals when the range holds every order of the scope's currency and no channel
 * or category filter splits a customer's orders; null when the cells must be summed instead.
 */
export function lifetimeTotalsCovering(db: Db, scope: Scope, range: DateRange, mask: CustomerMask | null): CustomerTotals | null {
  if (scope.categories || scope.channelKeys) return null;
  const lifetimes = currencyLifetimes(db, scope.currency);
  if (lifetimes.firstDay === null || lifetimes.lastDay === null) return null;
  if (dayNumber(range.from) > lifetimes.firstDay || dayNumber(range.to) < lifetimes.lastDay) return null;
  if (!mask) return lifetimes.totals;
  const whole = lifetimes.totals;
  return { ...whole, keys: whole.keys.filter((key) => mask.has(key)) };
}

/**
 * Day (since 1970-01-01) of each customer's first counted order in any currency, NaN for none:
 * the cohort date, so "new in the range" needs no pass over the day cells.
 */
export function firstOrderDays(db: Db): Float64Array {
  return cachedUntilDataChanges(db, 'first-order-days', () => {
    const first = new Float64Array(maxCustomerKey(db) + 1).fill(Number.NaN);
    const rows = db
      .prepare<[], [number, string]>('SELECT customer_key, min(customer_first_order_date) FROM agg_customer_lifetime GROUP BY customer_key')
      .raw()
      .all();
    for (const [key, date] of rows) if (key < first.length) first[key] = dayNumber(date);
    return first;
  });
}
