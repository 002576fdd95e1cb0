import type { Db } from '../db/open';
import { customerDimensionConditions, dimensionConditions } from './dimensions';
import type { Scope } from './scope';

export interface CustomerBase {
  customerKey: number;
  customerId: string;
  name: string | null;
  region: string | null;
  segment: string | null;
  orders: number;
  /** cents: gross − discounts − refunds of the orders in the range (line net under a category filter) */
  net: number;
  lastOrderDate: string;
  /** cents: lifetime net in the scope's currency (historical CLV) */
  lifetimeNet: number;
}

/** One row per customer with a counted order in the scope's range and filters. */
export function customerBase(db: Db, scope: Scope): CustomerBase[] {
  if (!scope.range) return [];
  const { from, to } = scope.range;
  let per: { sql: string; params: unknown[] };
  if (scope.categories) {
    const where = dimensionConditions(scope, 'x');
    per = {
      sql: `SELECT x.customer_key, count(DISTINCT x.order_key) AS orders, sum(x.net) AS net, max(x.order_date) AS last_order FROM (
              SELECT o.customer_key, o.order_key, o.order_date, i.net_cents AS net, coalesce(o.channel_key, 0) AS channel_key,
                coalesce(c.region, '') AS region, coalesce(c.segment, '') AS segment, coalesce(p.category, '') AS category
              FROM fct_order_items i JOIN fct_orders o ON o.order_key = i.order_key
              LEFT JOIN dim_product p ON p.product_key = i.product_key
              LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
              WHERE o.order_date BETWEEN ? AND ? AND o.is_counted = 1 AND o.currency = ? AND o.customer_key IS NOT NULL) x
            WHERE 1 = 1${where.sql} GROUP BY x.customer_key`,
      params: [from, to, scope.currency, ...where.params],
    };
  } else {
    const where = customerDimensionConditions(scope, 'a');
    per = {
      sql: `SELECT a.customer_key, sum(a.orders) AS orders, sum(a.gross_cents - a.discount_cents - a.refund_cents) AS net, max(a.date_key) AS last_order
            FROM agg_customer_daily a WHERE a.date_key BETWEEN ? AND ? AND a.currency = ?${where.sql} GROUP BY +a.customer_key`,
      params: [from, to, scope.currency, ...where.params],
    };
  }
  return db
    .prepare<unknown[], { customer_key: number; customer_id: string; name: string | null; region: string | null; segment: string | null; orders: number; net: number; last_order: string; lifetime: number | null }>(
      `WITH per AS (${per.sql})
       SELECT per.customer_key, c.customer_id, c.name, c.region, c.segment, per.orders, per.net, per.last_order, l.net_cents AS lifetime
       FROM per JOIN dim_customer c ON c.customer_key = per.customer_key
       LEFT JOIN agg_customer_lifetime l ON l.customer_key = per.customer_key AND l.currency = ?`,
    )
    .all(...per.params, scope.currency)
    .map((r) => ({
      customerKey: r.customer_key,
      customerId: r.customer_id,
      name: r.name,
      region: r.region,
      segment: r.segment,
      orders: Number(r.orders),
      net: Number(r.net),
      lastOrderDate: r.last_order,
      lifetimeNet: Number(r.lifetime ?? 0),
    }));
}
