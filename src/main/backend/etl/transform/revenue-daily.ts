import type { Db } from '../../db/open';

/**
 * fct_revenue_daily for the touched days, per currency (currencies are never added together).
 * Sales count counted orders (paid and not cancelled) on their order date; refunds are booked on
 * the return date. net = gross − discounts − refunds; taxes and shipping are never revenue.
 * AOV = (gross − discounts) / orders, rounded half up to the cent. A day and currency gets a row
 * when it has counted orders or a non-zero refund (a return refunding 0 books nothing).
 * Repeat customers placed an order that day that was not their first, so a customer whose first
 * and second orders share a day is new and repeat (Shopify's returning customer, as the Overview).
 */
export function rebuildRevenueDaily(db: Db): number {
  db.exec('DELETE FROM fct_revenue_daily WHERE date_key IN (SELECT date_key FROM t_dates)');
  return db
    .prepare(
      `INSERT INTO fct_revenue_daily (date_key, currency, gross_cents, discount_cents, refund_cents, tax_cents, shipping_cents, net_cents,
         orders, units, aov_cents, new_customers, repeat_customers)
       WITH sales AS (
         SELECT o.order_date AS d, o.currency, sum(o.gross_cents) AS gross, sum(o.discount_cents) AS discount, sum(o.tax_cents) AS tax,
           sum(o.shipping_cents) AS shipping, count(*) AS orders, sum(o.units) AS units,
           count(DISTINCT CASE WHEN o.is_first_order = 1 THEN o.customer_key END) AS new_customers,
           count(DISTINCT CASE WHEN o.is_first_order = 0 THEN o.customer_key END) AS repeat_customers
         FROM t_dates t JOIN fct_orders o ON o.order_date = t.date_key
         WHERE o.is_counted = 1
         GROUP BY 1, 2),
       refunds AS (
         SELECT r.return_date AS d, o.currency, sum(r.refund_cents) AS refund
         FROM t_dates t JOIN fct_returns r ON r.return_date = t.date_key JOIN fct_orders o ON o.order_key = r.order_key
         WHERE o.is_counted = 1 AND r.refund_cents > 0
         GROUP BY 1, 2),
       cells AS (SELECT d, currency FROM sales UNION SELECT d, currency FROM refunds)
       SELECT c.d, c.currency, coalesce(s.gross, 0), coalesce(s.discount, 0), coalesce(r.refund, 0), coalesce(s.tax, 0),
         coalesce(s.shipping, 0), coalesce(s.gross, 0) - coalesce(s.discount, 0) - coalesce(r.refund, 0),
         coalesce(s.orders, 0), coalesce(s.units, 0),
         CASE WHEN s.orders > 0 THEN ((s.gross - s.discount) * 2 + s.orders) / (2 * s.orders) END,
         coalesce(s.new_customers, 0), coalesce(s.repeat_customers, 0)
       FROM cells c
       LEFT JOIN sales s ON s.d = c.d AND s.currency = c.currency
       LEFT JOIN refunds r ON r.d = c.d AND r.currency = c.currency
       ORDER BY c.d, c.currency`,
    )
    .run().changes;
}
