import type { Db } from '../../db/open';
import type { RefreshRange } from './refresh';

/**
 * One lifetime row per customer and currency. Lifetime rows depend on ALL of a customer's
 * orders, so every customer with an order in the range is recomputed whole.
 */
export function refreshCustomerAggregates(db: Db, range: RefreshRange): { customers: number } {
  db.exec('DROP TABLE IF EXISTS temp_analytics_customers');
  db.exec('CREATE TEMP TABLE temp_analytics_customers (customer_key INTEGER PRIMARY KEY)');
  // Every order in the range, counted or not: a cancelled re-send can remove a customer's only order.
  const customers = db
    .prepare(
      `INSERT INTO temp_analytics_customers SELECT DISTINCT customer_key FROM fct_orders
       WHERE customer_key IS NOT NULL AND order_date BETWEEN ? AND ?`,
    )
    .run(range.fromDate, range.toDate).changes;
  db.exec('DELETE FROM agg_customer_lifetime WHERE customer_key IN (SELECT customer_key FROM temp_analytics_customers)');
  db.exec(
    `INSERT INTO agg_customer_lifetime
     SELECT o.customer_key, o.currency, coalesce(c.region, ''), coalesce(c.segment, ''),
       min(o.order_date), 0, max(o.order_date), count(*), sum(o.gross_cents - o.discount_cents - o.refund_cents)
     FROM fct_orders o LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
     WHERE o.is_counted = 1 AND o.customer_key IN (SELECT customer_key FROM temp_analytics_customers)
     GROUP BY o.customer_key, o.currency`,
  );
  // The cohort is the first purchase in any currency.
  db.exec(
    `UPDATE agg_customer_lifetime SET customer_first_order_date = (
       SELECT min(f.first_order_date) FROM agg_customer_lifetime f WHERE f.customer_key = agg_customer_lifetime.customer_key)
     WHERE customer_key IN (SELECT customer_key FROM temp_analytics_customers)`,
  );
  db.exec('DROP TABLE temp_analytics_customers');
  return { customers };
}
