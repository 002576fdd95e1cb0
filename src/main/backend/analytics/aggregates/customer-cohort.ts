import type { Db } from '../../db/open';
import { addDays } from '../scope';

/**
 * agg_customer_cohort: fct_cohort_ltv's 7/30/90-day windows per customer (same rules as
 * etl/transform/cohorts.ts: the first counted order flagged is_first_order, windows of days
 * 0 … w−1, same currency, net after refunds), plus the first order's channel and categories,
 * so cohort LTV can be cut by region, segment, channel and category. `touchedFrom` (a refresh of
 * some days, not all customers): only the customers whose cohort the run can have changed
 * (joined first, so their orders are found by index); null recomputes every customer.
 * CROSS JOIN keeps the first orders as the outer loop: the planner otherwise walks all lines.
 */
export function refreshCustomerCohorts(db: Db, touchedFrom: string | null): void {
  if (touchedFrom !== null) selectCohortsToRefresh(db, touchedFrom);
  const where = touchedFrom !== null ? 'WHERE customer_key IN (SELECT customer_key FROM temp_cohort_customers)' : '';
  db.exec(`DELETE FROM agg_customer_cohort ${where}`);
  db.exec(`DELETE FROM agg_customer_cohort_category ${where}`);
  const firstOrders = touchedFrom !== null
    ? 'temp_cohort_customers t CROSS JOIN fct_orders o ON o.customer_key = t.customer_key'
    : 'fct_orders o';
  // The first orders once, with their window ends: both inserts below scanned the whole order
  // fact for them, and the window ends were date() calls on every order of every window.
  db.exec(`
    DROP TABLE IF EXISTS temp_cohort_firsts;
    CREATE TEMP TABLE temp_cohort_firsts AS
      SELECT o.customer_key, o.order_key, o.order_date AS first_date, date(o.order_date, '+7 days') AS end_7,
        date(o.order_date, '+30 days') AS end_30, date(o.order_date, '+90 days') AS end_90, o.currency, coalesce(o.channel_key, 0) AS channel_key
      FROM ${firstOrders} WHERE o.is_first_order = 1 AND o.is_counted = 1 AND o.customer_key IS NOT NULL`);
  db.exec(
    `INSERT INTO agg_customer_cohort
     SELECT f.customer_key, f.currency, f.first_date, f.channel_key,
       sum(CASE WHEN o.order_date < f.end_7 THEN o.net_cents ELSE 0 END),
       sum(CASE WHEN o.order_date < f.end_30 THEN o.net_cents ELSE 0 END),
       sum(o.net_cents),
       max(CASE WHEN o.order_key <> f.order_key AND o.order_date < f.end_7 THEN 1 ELSE 0 END),
       max(CASE WHEN o.order_key <> f.order_key AND o.order_date < f.end_30 THEN 1 ELSE 0 END),
       max(CASE WHEN o.order_key <> f.order_key THEN 1 ELSE 0 END)
     FROM temp_cohort_firsts f
     JOIN fct_orders o ON o.customer_key = f.customer_key AND o.order_date >= f.first_date AND o.order_date < f.end_90
     WHERE o.is_counted = 1 AND +o.currency = f.currency
     GROUP BY f.customer_key`,
  );
  db.exec(
    `INSERT OR IGNORE INTO agg_customer_cohort_category
     SELECT DISTINCT coalesce(p.category, ''), f.customer_key
     FROM temp_cohort_firsts f
     CROSS JOIN fct_order_items i ON i.order_key = f.order_key
     LEFT JOIN dim_product p ON p.product_key = i.product_key;
     DROP TABLE temp_cohort_firsts;
     DROP TABLE IF EXISTS temp_cohort_customers;`,
  );
}

/**
 * Of the customers with an order in the refreshed range (temp_analytics_customers), those whose
 * cohort row can have changed. Every order a run changed is dated on or after `touchedFrom`, and
 * a window covers its first order's date + 0 … 89 days: a customer whose first counted order is
 * 90 or more days before `touchedFrom` kept both that first order and everything in its window.
 * A nightly run touches customers with years of history; most of them are skipped.
 */
function selectCohortsToRefresh(db: Db, touchedFrom: string): void {
  // Each customer's orders by index, up to the cut-off: an EXCEPT over all first orders scanned the whole fact.
  db.exec('DROP TABLE IF EXISTS temp_cohort_customers; CREATE TEMP TABLE temp_cohort_customers (customer_key INTEGER PRIMARY KEY)');
  db.prepare(
    `INSERT INTO temp_cohort_customers
     SELECT t.customer_key FROM temp_analytics_customers t
     WHERE NOT EXISTS (SELECT 1 FROM fct_orders o WHERE o.customer_key = t.customer_key AND o.order_date <= @cutoff AND o.is_first_order = 1 AND o.is_counted = 1)`,
  ).run({ cutoff: addDays(touchedFrom, -90) });
}
