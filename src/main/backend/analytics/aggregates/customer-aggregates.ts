import type { Db } from '../../db/open';
import { refreshCustomerCohorts } from './customer-cohort';
import { hasMonthSets, lifetimeFromMonthSets } from './month-sets';
import type { RefreshScope } from './refresh';

const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Lifetime rows re-summed from the month cells (already refreshed): no pass over fct_orders. */
function insertLifetimesFromMonthSets(db: Db, onlyTouched: boolean): void {
  const touched = onlyTouched ? new Set(db.prepare<[], number>('SELECT customer_key FROM temp_analytics_customers').pluck().all()) : null;
  const attributes = new Map(
    db.prepare<[], [number, string, string]>(
      `SELECT customer_key, coalesce(region, ''), coalesce(segment, '') FROM dim_customer
       ${onlyTouched ? 'WHERE customer_key IN (SELECT customer_key FROM temp_analytics_customers)' : ''}`,
    ).raw().all().map(([key, region, segment]) => [key, [region, segment] as const]),
  );
  const insert = db.prepare('INSERT INTO agg_customer_lifetime VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)');
  for (const [currency, sums] of lifetimeFromMonthSets(db, (key) => !touched || touched.has(key))) {
    for (const [key, s] of sums) {
      const [region, segment] = attributes.get(key) ?? ['', ''];
      insert.run(key, currency, region, segment, isoDay(s.firstDay), isoDay(s.lastDay), s.orders, s.net);
    }
  }
}

/** Lifetime rows from the order fact (a warehouse without the 0021 month cells). */
function insertLifetimesFromOrders(db: Db, onlyTouched: boolean): void {
  db.exec(
    `INSERT INTO agg_customer_lifetime
     SELECT o.customer_key, o.currency, coalesce(c.region, ''), coalesce(c.segment, ''),
       min(o.order_date), 0, max(o.order_date), count(*), sum(o.gross_cents - o.discount_cents - o.refund_cents)
     FROM fct_orders o ${onlyTouched ? '' : 'NOT INDEXED'} LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
     WHERE o.is_counted = 1 AND o.customer_key IS NOT NULL
       ${onlyTouched ? 'AND o.customer_key IN (SELECT customer_key FROM temp_analytics_customers)' : ''}
     GROUP BY o.customer_key, o.currency`,
  );
}

/**
 * One lifetime row per customer and currency. Lifetime rows depend on ALL of a customer's
 * orders, so every changed customer (by default: every customer with an order in the range) is
 * recomputed whole, from the month cells, which must be current; so are their cohort windows.
 */
export function refreshCustomerAggregates(db: Db, range: RefreshScope): { customers: number } {
  db.exec('DROP TABLE IF EXISTS temp_analytics_customers');
  db.exec('CREATE TEMP TABLE temp_analytics_customers (customer_key INTEGER PRIMARY KEY)');
  // Every order in the range, counted or not: a cancelled re-send can remove a customer's only order.
  const customers = range.changedCustomerKeys !== undefined
    ? db.prepare(`INSERT OR IGNORE INTO temp_analytics_customers SELECT customer_key FROM (${range.changedCustomerKeys}) WHERE customer_key IS NOT NULL`).run().changes
    : db
      .prepare(
        `INSERT INTO temp_analytics_customers SELECT DISTINCT customer_key FROM fct_orders
         WHERE customer_key IS NOT NULL AND order_date BETWEEN ? AND ?`,
      )
      .run(range.fromDate, range.toDate).changes;
  // When most customers are touched (a first load), recomputing everyone is the cheaper plan.
  const maxKey = Number(db.prepare('SELECT coalesce(max(customer_key), 0) FROM dim_customer').pluck().get());
  const onlyTouched = customers * 2 <= maxKey;
  const touchedOnly = 'WHERE customer_key IN (SELECT customer_key FROM temp_analytics_customers)';
  db.exec(`DELETE FROM agg_customer_lifetime ${onlyTouched ? touchedOnly : ''}`);
  const withMonthSets = hasMonthSets(db);
  if (withMonthSets) insertLifetimesFromMonthSets(db, onlyTouched);
  else insertLifetimesFromOrders(db, onlyTouched);
  // The cohort is the first purchase in any currency.
  db.exec(
    `UPDATE agg_customer_lifetime SET customer_first_order_date = (
       SELECT min(f.first_order_date) FROM agg_customer_lifetime f WHERE f.customer_key = agg_customer_lifetime.customer_key)
     ${onlyTouched ? touchedOnly : ''}`,
  );
  if (withMonthSets) refreshCustomerCohorts(db, onlyTouched ? range.fromDate : null);
  db.exec('DROP TABLE temp_analytics_customers');
  return { customers };
}
