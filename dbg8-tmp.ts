import { openWarehouse } from './src/main/backend/db/open';
const db = openWarehouse('/tmp/imp/dbg7.sqlite');
const sql = `WITH firsts AS (
         SELECT customer_key, order_key, order_date AS first_date, currency FROM fct_orders WHERE is_first_order = 1 AND is_counted = 1),
       per_customer AS (
         SELECT f.customer_key, substr(f.first_date, 1, 7) AS cohort, f.currency, f.first_date, w.value AS window_days,
           sum(CASE WHEN julianday(o.order_date) - julianday(f.first_date) < w.value THEN o.net_cents ELSE 0 END) AS revenue,
           max(CASE WHEN o.order_key <> f.order_key AND julianday(o.order_date) - julianday(f.first_date) < w.value THEN 1 ELSE 0 END) AS is_retained
         FROM firsts f
         JOIN json_each('[7,30,90]') w
         JOIN fct_orders o ON o.customer_key = f.customer_key AND o.order_date >= f.first_date AND o.order_date < date(f.first_date, '+90 days')
         WHERE o.is_counted = 1 AND o.currency = f.currency
         GROUP BY f.customer_key, w.value)
       SELECT count(*) FROM per_customer`;
for (const r of db.prepare('EXPLAIN QUERY PLAN ' + sql).all()) console.log(r);
let t = performance.now(); console.log(db.prepare(sql).get(), performance.now() - t);
for (const r of db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM fct_orders WHERE is_first_order = 1`).all()) console.log(r);
