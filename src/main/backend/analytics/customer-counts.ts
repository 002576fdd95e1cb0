import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerTotals } from './customer-totals';
import { firstOrderDays } from './customer-lifetimes';
import { dayNumber } from './day-sets';
import { countOrdersWithReturns } from './day-sets';
import type { Scope } from './scope';

export interface CustomerCounts {
  customers: number;
  newCustomers: number;
  /** Ordered in the range after an earlier order: a first order before it, a later day, or two or more in it. */
  returningCustomers: number;
  repeatCustomers: number;
  /** Exact distinct orders and their shipping; only filled under a category filter, where day cells cannot be summed. */
  orders: number | null;
  shipping: number | null;
}

/**
 * Distinct customers, new customers (first counted order in any currency falls in the range),
 * returning customers (Shopify's: an order in the range after an earlier one, so a customer
 * can be both new and returning) and repeat customers (two or more matching orders in the
 * range), from the day sets: distinct
 * counts cannot be summed from daily cells, and a GROUP BY over the customer-days of a wide
 * range costs seconds.
 */
export function customerCounts(db: Db, scope: Scope, range: DateRange): CustomerCounts {
  const totals = customerTotals(db, scope, range);
  let newCustomers = 0;
  const firstDays = firstOrderDays(db);
  const [from, to] = [dayNumber(range.from), dayNumber(range.to)];
  let returningCustomers = 0;
  let repeatCustomers = 0;
  for (const key of totals.keys) {
    const firstDay = firstDays[key] ?? Number.NaN;
    const isFirstInRange = firstDay >= from && firstDay <= to;
    const isRepeatInRange = (totals.orders[key] ?? 0) >= 2;
    // A matching order on a later day than the customer's first (which may be in another
    // currency or category) is a returning order even when it is their only one in the range.
    const isAfterFirst = (totals.lastDay[key] ?? 0) > firstDay;
    if (isFirstInRange) newCustomers += 1;
    if (isRepeatInRange) repeatCustomers += 1;
    if (!isFirstInRange || isRepeatInRange || isAfterFirst) returningCustomers += 1;
  }
  return { customers: totals.keys.length, newCustomers, returningCustomers, repeatCustomers, orders: totals.orderCount, shipping: totals.shipping };
}

/** Distinct orders with a return booked in the range (return rate by orders). */
export function ordersWithReturns(db: Db, scope: Scope, range: DateRange): number {
  return countOrdersWithReturns(db, scope, range);
}
