import type { Db } from '../../db/open';

export const COHORT_WINDOWS = [7, 30, 90] as const;

/**
 * fct_cohort_ltv, recomputed whole (it is small, and completeness depends on the last data day).
 * A customer's cohort is the month of their first counted order, in that order's currency.
 * A window of w days covers days 0 … w−1 after the first order's date:
 *  - retained: the customer has another counted order in the window;
 *  - revenue: net (after refunds) of the customer's counted orders in the window, same currency;
 *  - ltv: revenue / customers, rounded half up to the cent;
 *  - is_complete: 1 only when every customer's window ends on or before the last day with orders.
 */
export function rebuildCohortLtv(db: Db): number {
  db.exec('DELETE FROM fct_cohort_ltv');
  // Each customer's first order, keyed by customer: then ONE sequential pass over the orders finds
  // the orders in each first 90 days. Walking the orders by the customer index instead reads the
  // table in random order, which on a large store is mostly waiting for pages.
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_first_orders (customer_key INTEGER PRIMARY KEY, order_key INTEGER NOT NULL, first_date TEXT NOT NULL,
      currency TEXT NOT NULL);
    DELETE FROM t_first_orders;
    INSERT INTO t_first_orders
      SELECT customer_key, order_key, order_date, currency FROM fct_orders NOT INDEXED
      WHERE is_first_order = 1 AND is_counted = 1 AND customer_key IS NOT NULL ORDER BY customer_key;`);
  return db
    .prepare(
      `INSERT INTO fct_cohort_ltv (cohort_month, window_days, currency, customers, retained_customers, revenue_cents, ltv_cents, is_complete)
       WITH per_customer AS (
         SELECT f.customer_key, substr(f.first_date, 1, 7) AS cohort, f.currency, f.first_date,
           sum(CASE WHEN o.order_date < date(f.first_date, '+7 days') THEN o.net_cents ELSE 0 END) AS revenue_7,
           sum(CASE WHEN o.order_date < date(f.first_date, '+30 days') THEN o.net_cents ELSE 0 END) AS revenue_30,
           sum(o.net_cents) AS revenue_90,
           max(CASE WHEN o.order_key <> f.order_key AND o.order_date < date(f.first_date, '+7 days') THEN 1 ELSE 0 END) AS retained_7,
           max(CASE WHEN o.order_key <> f.order_key AND o.order_date < date(f.first_date, '+30 days') THEN 1 ELSE 0 END) AS retained_30,
           max(CASE WHEN o.order_key <> f.order_key THEN 1 ELSE 0 END) AS retained_90
         FROM fct_orders o NOT INDEXED
         CROSS JOIN t_first_orders f ON f.customer_key = o.customer_key
         WHERE o.is_counted = 1 AND o.currency = f.currency AND o.order_date >= f.first_date AND o.order_date < date(f.first_date, '+90 days')
         GROUP BY f.customer_key),
       per_window AS (
         SELECT cohort, currency, first_date, 7 AS window_days, revenue_7 AS revenue, retained_7 AS is_retained FROM per_customer
         UNION ALL SELECT cohort, currency, first_date, 30, revenue_30, retained_30 FROM per_customer
         UNION ALL SELECT cohort, currency, first_date, 90, revenue_90, retained_90 FROM per_customer),
       last_day AS (SELECT max(order_date) AS d FROM fct_orders)
       SELECT cohort, window_days, currency, count(*), sum(is_retained), sum(revenue),
         (sum(revenue) * 2 + count(*)) / (2 * count(*)),
         CASE WHEN date(max(first_date), '+' || (window_days - 1) || ' days') <= (SELECT d FROM last_day) THEN 1 ELSE 0 END
       FROM per_window
       GROUP BY cohort, window_days, currency
       ORDER BY cohort, window_days, currency`,
    )
    .run().changes;
}
