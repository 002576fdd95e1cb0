import type { Db } from '../../db/open';

export const COHORT_WINDOWS = [7, 30, 90] as const;

/**
 * fct_cohort_ltv. A customer's cohort is the month of their first counted order, in that order's
 * currency. A window of w days covers days 0 … w−1 after the first order's date:
 *  - retained: the customer has another counted order in the window;
 *  - revenue: net (after refunds) of the customer's counted orders in the window, same currency;
 *  - ltv: revenue / customers, rounded half up to the cent;
 *  - is_complete: 1 only when every customer's window ends on or before the last day with orders.
 * A run that changed orders from day D on can change only the cohorts of first orders from
 * D − 89 days on (a window reaches 89 days past its first order): those months are recomputed,
 * and the completeness of the older ones, which follows the last day, is re-derived.
 */
export function rebuildCohortLtv(db: Db): number {
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
  const bounds = db
    .prepare<[], { fromMonth: string | null; firstMonth: string | null }>(
      `SELECT substr(date((SELECT min(date_key) FROM t_dates), '-89 days'), 1, 7) AS fromMonth,
         (SELECT substr(min(first_date), 1, 7) FROM t_first_orders) AS firstMonth`,
    )
    .get();
  const fromMonth = bounds?.fromMonth ?? null;
  const firstMonth = bounds?.firstMonth ?? null;
  if (fromMonth === null) return 0;
  if (firstMonth === null || fromMonth <= firstMonth) {
    db.exec('DELETE FROM fct_cohort_ltv');
    return db.prepare(cohortLtvSql('fct_orders o NOT INDEXED CROSS JOIN t_first_orders f ON f.customer_key = o.customer_key', '')).run().changes;
  }
  db.prepare('DELETE FROM fct_cohort_ltv WHERE cohort_month >= ?').run(fromMonth);
  db.prepare(
    `UPDATE fct_cohort_ltv SET is_complete = CASE WHEN date(m.last_first, '+' || (window_days - 1) || ' days') <= (SELECT max(order_date) FROM fct_orders) THEN 1 ELSE 0 END
     FROM (SELECT substr(first_date, 1, 7) AS cohort, currency, max(first_date) AS last_first FROM t_first_orders GROUP BY 1, 2) m
     WHERE fct_cohort_ltv.cohort_month = m.cohort AND fct_cohort_ltv.currency = m.currency`,
  ).run();
  // Few customers: each one's window by the (customer, date) index. The unary + keeps SQLite off
  // the (currency, date) index, which scanned every order of 90 days for each customer.
  return db
    .prepare(cohortLtvSql('t_first_orders f CROSS JOIN fct_orders o ON o.customer_key = f.customer_key', 'AND f.first_date >= @fromDay'))
    .run({ fromDay: `${fromMonth}-01` }).changes;
}

function cohortLtvSql(ordersOfFirstOrders: string, firstOrderFilter: string): string {
  return `INSERT INTO fct_cohort_ltv (cohort_month, window_days, currency, customers, retained_customers, revenue_cents, ltv_cents, is_complete)
       WITH per_customer AS (
         SELECT f.customer_key, substr(f.first_date, 1, 7) AS cohort, f.currency, f.first_date,
           sum(CASE WHEN o.order_date < date(f.first_date, '+7 days') THEN o.net_cents ELSE 0 END) AS revenue_7,
           sum(CASE WHEN o.order_date < date(f.first_date, '+30 days') THEN o.net_cents ELSE 0 END) AS revenue_30,
           sum(o.net_cents) AS revenue_90,
           max(CASE WHEN o.order_key <> f.order_key AND o.order_date < date(f.first_date, '+7 days') THEN 1 ELSE 0 END) AS retained_7,
           max(CASE WHEN o.order_key <> f.order_key AND o.order_date < date(f.first_date, '+30 days') THEN 1 ELSE 0 END) AS retained_30,
           max(CASE WHEN o.order_key <> f.order_key THEN 1 ELSE 0 END) AS retained_90
         FROM ${ordersOfFirstOrders}
         WHERE o.is_counted = 1 AND +o.currency = f.currency AND o.order_date >= f.first_date AND o.order_date < date(f.first_date, '+90 days') ${firstOrderFilter}
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
       ORDER BY cohort, window_days, currency`;
}
