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
  return db
    .prepare(
      `INSERT INTO fct_cohort_ltv (cohort_month, window_days, currency, customers, retained_customers, revenue_cents, ltv_cents, is_complete)
       WITH firsts AS (
         SELECT customer_key, order_key, order_date AS first_date, currency FROM fct_orders WHERE is_first_order = 1 AND is_counted = 1),
       per_customer AS (
         SELECT f.customer_key, substr(f.first_date, 1, 7) AS cohort, f.currency, f.first_date, w.value AS window_days,
           sum(CASE WHEN julianday(o.order_date) - julianday(f.first_date) < w.value THEN o.net_cents ELSE 0 END) AS revenue,
           max(CASE WHEN o.order_key <> f.order_key AND julianday(o.order_date) - julianday(f.first_date) < w.value THEN 1 ELSE 0 END) AS is_retained
         FROM firsts f
         JOIN json_each('[7,30,90]') w
         JOIN fct_orders o ON o.customer_key = f.customer_key AND o.order_date >= f.first_date AND o.order_date < date(f.first_date, '+90 days')
         WHERE o.is_counted = 1 AND o.currency = f.currency
         GROUP BY f.customer_key, w.value),
       last_day AS (SELECT max(order_date) AS d FROM fct_orders)
       SELECT cohort, window_days, currency, count(*), sum(is_retained), sum(revenue),
         (sum(revenue) * 2 + count(*)) / (2 * count(*)),
         CASE WHEN date(max(first_date), '+' || (window_days - 1) || ' days') <= (SELECT d FROM last_day) THEN 1 ELSE 0 END
       FROM per_customer
       GROUP BY cohort, window_days, currency
       ORDER BY cohort, window_days, currency`,
    )
    .run().changes;
}
