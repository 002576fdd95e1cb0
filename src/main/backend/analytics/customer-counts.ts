import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerDimensionConditions, dimensionConditions } from './dimensions';
import type { Scope } from './scope';

export interface CustomerCounts {
  customers: number;
  newCustomers: number;
  repeatCustomers: number;
  /** Exact order-level figures; only filled under a category filter (see orderFiguresForCategories). */
  orders: number | null;
  shipping: number | null;
}

interface CountsRow {
  customers: number;
  newCustomers: number | null;
  repeatCustomers: number | null;
  orders: number | null;
  shipping: number | null;
}

/**
 * Distinct customers cannot be summed from daily cells, so they come from the customer-day
 * aggregate (no category there: an order belongs to one customer, day and channel). Under a
 * category filter the distinct orders and customers that bought in those categories are
 * counted from the order lines of the range instead (exact, index range on order_date).
 */
export function customerCounts(db: Db, scope: Scope, range: DateRange): CustomerCounts {
  if (scope.categories) return countsForCategories(db, scope, range);
  const where = customerDimensionConditions(scope, 'a');
  const row = db
    .prepare<unknown[], CountsRow>(
      `SELECT count(*) AS customers, sum(is_new) AS newCustomers, sum(orders >= 2) AS repeatCustomers, NULL AS orders, NULL AS shipping
       FROM (SELECT a.customer_key, max(a.customer_first_order_date BETWEEN ? AND ?) AS is_new, sum(a.orders) AS orders
             FROM agg_customer_daily a
             WHERE a.date_key BETWEEN ? AND ? AND a.currency = ?${where.sql}
             GROUP BY +a.customer_key)`,
    )
    .get(range.from, range.to, range.from, range.to, scope.currency, ...where.params);
  return toCounts(row);
}

export function categoryCountsSql(scope: Scope): { sql: string; params: unknown[] } {
  const filters = dimensionConditions(scope, 'x');
  // x exposes the filter columns under the aggregate's names so one condition builder serves both.
  return {
    sql: `WITH x AS (
        SELECT o.order_key, o.customer_key, o.order_date, o.shipping_cents, coalesce(o.channel_key, 0) AS channel_key,
          coalesce(c.region, '') AS region, coalesce(c.segment, '') AS segment, coalesce(p.category, '') AS category
        FROM fct_order_items i
        JOIN fct_orders o ON o.order_key = i.order_key
        LEFT JOIN dim_product p ON p.product_key = i.product_key
        LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
        WHERE o.order_date BETWEEN ? AND ? AND o.is_counted = 1 AND o.currency = ?
      ), matching_orders AS (
        SELECT DISTINCT x.order_key, x.customer_key, x.order_date, x.shipping_cents FROM x WHERE 1 = 1${filters.sql}
      ), per_customer AS (
        SELECT m.customer_key, count(*) AS orders,
          (SELECT min(l.customer_first_order_date) FROM agg_customer_lifetime l WHERE l.customer_key = m.customer_key) BETWEEN ? AND ? AS is_new
        FROM matching_orders m WHERE m.customer_key IS NOT NULL GROUP BY m.customer_key
      )
      SELECT (SELECT count(*) FROM per_customer) AS customers, (SELECT sum(is_new) FROM per_customer) AS newCustomers,
        (SELECT sum(orders >= 2) FROM per_customer) AS repeatCustomers,
        (SELECT count(*) FROM matching_orders) AS orders, (SELECT sum(shipping_cents) FROM matching_orders) AS shipping`,
    params: filters.params,
  };
}

function countsForCategories(db: Db, scope: Scope, range: DateRange): CustomerCounts {
  const { sql, params } = categoryCountsSql(scope);
  const row = db.prepare<unknown[], CountsRow>(sql).get(range.from, range.to, scope.currency, ...params, range.from, range.to);
  return toCounts(row);
}

function toCounts(row: CountsRow | undefined): CustomerCounts {
  return {
    customers: Number(row?.customers ?? 0),
    newCustomers: Number(row?.newCustomers ?? 0),
    repeatCustomers: Number(row?.repeatCustomers ?? 0),
    orders: row?.orders === null || row?.orders === undefined ? null : Number(row.orders),
    shipping: row?.shipping === null || row?.shipping === undefined ? null : Number(row.shipping),
  };
}

/** Distinct orders with a return booked in the range (return rate by orders). */
export function ordersWithReturns(db: Db, scope: Scope, range: DateRange): number {
  const where = dimensionConditions(scope, 'x');
  const row = db
    .prepare<unknown[], { n: number }>(
      `WITH x AS (
         SELECT r.order_key, coalesce(o.channel_key, 0) AS channel_key, coalesce(c.region, '') AS region,
           coalesce(c.segment, '') AS segment, coalesce(p.category, '') AS category
         FROM fct_returns r
         CROSS JOIN fct_orders o ON o.order_key = r.order_key -- CROSS JOIN keeps the return-date range as the driving loop
         LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
         LEFT JOIN dim_product p ON p.product_key = r.product_key
         WHERE r.return_date BETWEEN ? AND ? AND o.is_counted = 1 AND o.currency = ?)
       SELECT count(DISTINCT +x.order_key) AS n FROM x WHERE 1 = 1${where.sql}`,
    )
    .get(range.from, range.to, scope.currency, ...where.params);
  return Number(row?.n ?? 0);
}
