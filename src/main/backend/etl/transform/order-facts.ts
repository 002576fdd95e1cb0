import type { Db } from '../../db/open';
import { deferIndexesIfEmpty } from '../../db/deferred-indexes';
import { addChangedDays, classifyRebuiltOrders } from './aggregate-days';
import { touchesMostOf } from './scope';
import { utcInstantSql } from './utc-instant';

/** The product version valid when `ts` (UTC text) happened; lines older than a SKU's first version take that first version. */
function versionAt(skuExpr: string, utcExpr: string): string {
  return `COALESCE(
    (SELECT p.product_key FROM dim_product p WHERE p.sku = ${skuExpr} AND p.valid_from <= ${utcExpr} ORDER BY p.valid_from DESC LIMIT 1),
    (SELECT p.product_key FROM dim_product p WHERE p.sku = ${skuExpr} ORDER BY p.valid_from LIMIT 1))`;
}

/** The latest staged line (highest stg_id) of its (order, line): a correlated seek along the staging index. */
const LATEST_LINE = 'i.stg_id = (SELECT max(s2.stg_id) FROM stg_order_items s2 WHERE s2.order_id = i.order_id AND s2.line_no = i.line_no)';

/**
 * For the touched orders: their first and latest staged rows (latest ingestion = highest stg_id),
 * keyed by the first, which is the order key, so the facts are then written in key order without
 * a sort; and their line totals over the latest row of each line, summed along the staging
 * index, so fct_orders is written complete instead of updated afterwards. Lines of an order
 * without a staged order row never reach the facts, and neither do their totals (they join nothing).
 */
function stageLatestOrders(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_latest_orders (first_id INTEGER PRIMARY KEY, last_id INTEGER NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS t_order_totals (order_id TEXT PRIMARY KEY, units INTEGER NOT NULL, lines INTEGER NOT NULL,
      gross INTEGER NOT NULL, discount INTEGER NOT NULL, tax INTEGER NOT NULL) WITHOUT ROWID;
    DELETE FROM t_latest_orders; DELETE FROM t_order_totals;
    INSERT INTO t_latest_orders
      SELECT min(stg_id), max(stg_id) FROM stg_orders WHERE order_id IN (SELECT order_id FROM t_orders) GROUP BY order_id ORDER BY 1;
    INSERT INTO t_order_totals
      SELECT i.order_id, sum(i.quantity), count(*), sum(i.quantity * i.unit_price_cents), sum(i.line_discount_cents), sum(i.line_tax_cents)
      FROM stg_order_items i
      WHERE i.order_id IN (SELECT order_id FROM t_orders) AND ${LATEST_LINE}
      GROUP BY i.order_id;`);
}

/**
 * How the lines find their orders: when most orders were touched (a first import, a rebuild), by
 * walking fct_orders in key order, which yields the lines already in (order_key, line_no) order —
 * no sort of a million rows; otherwise from the few touched order ids.
 */
function touchedOrdersSource(mostTouched: boolean): string {
  return mostTouched
    ? 'fct_orders o NOT INDEXED CROSS JOIN stg_order_items i ON i.order_id = o.order_id WHERE o.order_id IN (SELECT order_id FROM t_orders) AND'
    : 't_orders t JOIN fct_orders o ON o.order_id = t.order_id JOIN stg_order_items i ON i.order_id = o.order_id WHERE';
}

/**
 * Rebuilds fct_orders, fct_order_items and fct_returns for the touched orders: the latest staged
 * row of each order and of each (order, line) wins (latest ingestion = highest stg_id). The order
 * key is the order's first staging row id, so re-imports and rebuilds keep it.
 * Business rules: an order counts when it is paid (paid_at set) and not cancelled. Its gross,
 * discount and tax are the sums over its lines (Σ quantity × unit price, Σ line discount,
 * Σ line tax); the order row's own subtotal/discount/tax stand in only while it has no lines.
 */
export function rebuildOrderFacts(db: Db): { orders: number; lines: number; returns: number } {
  // Lines and returns go with their order (ON DELETE CASCADE).
  db.exec('DELETE FROM fct_orders WHERE order_id IN (SELECT order_id FROM t_orders)');
  // A first import (or a rebuild) fills the facts from empty: maintaining their secondary indexes
  // row by row in random order thrashes the page cache at a million lines, building them once does not.
  const restoreIndexes = ['fct_orders', 'fct_order_items', 'fct_returns'].map((table) => deferIndexesIfEmpty(db, table));
  stageLatestOrders(db);
  // Written in key order, each order with its line totals already summed: no UPDATE of the whole fact afterwards.
  // A re-sent order keeps the first-order flag it had, so refreshFirstOrders sees only real flips.
  const orders = db
    .prepare(
      `INSERT INTO fct_orders (order_key, order_id, customer_key, channel_key, status, order_date, created_at, paid_at, fulfilled_at,
         delivered_at, cancelled_at, currency, gross_cents, discount_cents, tax_cents, shipping_cents, refund_cents, net_cents,
         units, line_count, is_counted, is_first_order, batch_id, ingested_at)
       SELECT k.first_id, s.order_id, c.customer_key, ch.channel_key, s.status, substr(s.created_at, 1, 10), s.created_at, s.paid_at,
         s.fulfilled_at, s.delivered_at, s.cancelled_at, s.currency, coalesce(tot.gross, s.subtotal_cents), coalesce(tot.discount, s.discount_cents),
         coalesce(tot.tax, s.tax_cents), s.shipping_cents, 0, coalesce(tot.gross, s.subtotal_cents) - coalesce(tot.discount, s.discount_cents),
         coalesce(tot.units, 0), coalesce(tot.lines, 0), CASE WHEN s.status <> 'cancelled' AND s.paid_at IS NOT NULL THEN 1 ELSE 0 END,
         coalesce((SELECT b.is_first_order FROM t_orders_before b WHERE b.order_key = k.first_id), 0),
         s.batch_id, s.ingested_at
       FROM t_latest_orders k
       CROSS JOIN stg_orders s ON s.stg_id = k.last_id
       LEFT JOIN t_order_totals tot ON tot.order_id = s.order_id
       LEFT JOIN dim_customer c ON c.customer_id = s.customer_id
       LEFT JOIN dim_channel ch ON ch.channel_code = s.channel
       ORDER BY k.first_id`,
    )
    .run().changes;
  // Most orders touched (a first import, a rebuild): scans in storage order beat seeks per order.
  const mostTouched = touchesMostOf(db, 't_orders', 'fct_orders');
  const lines = db
    .prepare(
      `INSERT INTO fct_order_items (order_key, line_no, order_id, order_date, customer_key, channel_key, product_key, sku, quantity,
         unit_price_cents, gross_cents, discount_cents, tax_cents, net_cents, cost_cents, is_counted)
       SELECT order_key, line_no, order_id, order_date, customer_key, channel_key, pk, sku, quantity, unit_price_cents, gross,
         line_discount_cents, line_tax_cents, gross - line_discount_cents,
         (SELECT p.cost_cents FROM dim_product p WHERE p.product_key = pk) * quantity, is_counted
       FROM (
         SELECT o.order_key, i.line_no, i.order_id, o.order_date, o.customer_key, o.channel_key, i.sku, i.quantity, i.unit_price_cents,
           i.quantity * i.unit_price_cents AS gross, i.line_discount_cents, i.line_tax_cents, o.is_counted,
           ${versionAt('i.sku', utcInstantSql('o.created_at'))} AS pk
         FROM ${touchedOrdersSource(mostTouched)} ${LATEST_LINE}
       )
       ORDER BY order_key, line_no`,
    )
    .run().changes;
  // Business rule: a return within 30 days of delivery refunds the line's net amount pro rata
  // by quantity (rounded half up to the cent); later returns, or of undelivered orders, refund 0.
  // A source that states its refund (net of tax) is taken at its word, capped at the line's net.
  const returns = db
    .prepare(
      `INSERT INTO fct_returns (return_key, order_key, line_no, order_id, sku, product_key, customer_key, channel_key, quantity,
         returned_at, return_date, days_since_delivery, refund_cents, refund_rule, reason)
       SELECT r.stg_id, o.order_key, r.line_no, r.order_id, li.sku, li.product_key, o.customer_key, o.channel_key, r.quantity,
         r.returned_at, substr(r.returned_at, 1, 10),
         CASE WHEN o.delivered_at IS NULL THEN NULL ELSE CAST(julianday(r.returned_at) - julianday(o.delivered_at) AS INTEGER) END,
         CASE WHEN o.delivered_at IS NULL OR julianday(r.returned_at) - julianday(o.delivered_at) > 30 THEN 0
              WHEN r.refund_amount_cents IS NOT NULL THEN min(r.refund_amount_cents, li.net_cents)
              ELSE (li.net_cents * min(r.quantity, li.quantity) * 2 + li.quantity) / (2 * li.quantity) END,
         CASE WHEN o.delivered_at IS NULL THEN 'not_delivered'
              WHEN julianday(r.returned_at) - julianday(o.delivered_at) <= 30 THEN 'within_30_days' ELSE 'after_30_days' END,
         r.reason
       FROM t_orders t
       JOIN fct_orders o ON o.order_id = t.order_id
       JOIN stg_returns r ON r.order_id = o.order_id
       JOIN fct_order_items li ON li.order_key = o.order_key AND li.line_no = r.line_no
       WHERE r.stg_id = (SELECT max(r2.stg_id) FROM stg_returns r2
                         WHERE r2.order_id = r.order_id AND r2.line_no = r.line_no AND r2.returned_at = r.returned_at)
       ORDER BY r.stg_id`,
    )
    .run().changes;
  for (const restore of restoreIndexes) restore();
  // The touched orders' returns: for most orders, one pass over the returns beats a seek per order.
  const touchedReturns = mostTouched
    ? 'fct_returns r WHERE r.order_id IN (SELECT order_id FROM t_orders)'
    : 't_orders t JOIN fct_orders o ON o.order_id = t.order_id JOIN fct_returns r ON r.order_key = o.order_key';
  db.exec(`
    UPDATE fct_orders SET refund_cents = agg.refund, net_cents = gross_cents - discount_cents - agg.refund
    FROM (SELECT r.order_key, sum(r.refund_cents) AS refund FROM ${touchedReturns} GROUP BY r.order_key) agg
    WHERE fct_orders.order_key = agg.order_key;
    INSERT OR IGNORE INTO t_dates SELECT o.order_date FROM t_orders t JOIN fct_orders o ON o.order_id = t.order_id;
    INSERT OR IGNORE INTO t_dates SELECT r.return_date FROM ${touchedReturns};`);
  classifyRebuiltOrders(db);
  return { orders, lines, returns };
}

/**
 * Lines of untouched orders whose SKU got new versions point again at the version valid at order
 * time, with the cost of that version. Only SKUs that had versions before the run can have such
 * lines. A line whose version, cost or category changes puts its day, its returns' days and its
 * customer in the scope: the aggregates group sales by category and sum their cost.
 */
export function reresolveProductVersions(db: Db): number {
  const hasOldVersions = db.prepare('SELECT EXISTS (SELECT 1 FROM t_old_products)').pluck().get() === 1;
  if (!hasOldVersions) return 0;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_relinked (order_key INTEGER NOT NULL, line_no INTEGER NOT NULL, old_product_key INTEGER, old_cost_cents INTEGER,
      PRIMARY KEY (order_key, line_no)) WITHOUT ROWID;
    DELETE FROM t_relinked;
    INSERT INTO t_relinked SELECT order_key, line_no, product_key, cost_cents FROM fct_order_items WHERE product_key IN (SELECT product_key FROM t_old_products);`);
  const changed = db
    .prepare(
      `UPDATE fct_order_items SET
         product_key = ${versionAt('fct_order_items.sku', `(SELECT ${utcInstantSql('o.created_at')} FROM fct_orders o WHERE o.order_key = fct_order_items.order_key)`)}
       WHERE (order_key, line_no) IN (SELECT order_key, line_no FROM t_relinked)`,
    )
    .run().changes;
  db.exec(`
    UPDATE fct_order_items SET cost_cents = (SELECT p.cost_cents FROM dim_product p WHERE p.product_key = fct_order_items.product_key) * quantity
    WHERE (order_key, line_no) IN (SELECT order_key, line_no FROM t_relinked);
    UPDATE fct_returns SET product_key = (SELECT i.product_key FROM fct_order_items i WHERE i.order_key = fct_returns.order_key AND i.line_no = fct_returns.line_no)
    WHERE sku IN (SELECT sku FROM t_old_products);
    DELETE FROM t_relinked WHERE (order_key, line_no) IN (
      SELECT r.order_key, r.line_no FROM t_relinked r
      CROSS JOIN fct_order_items i ON i.order_key = r.order_key AND i.line_no = r.line_no
      LEFT JOIN dim_product p ON p.product_key = i.product_key
      LEFT JOIN t_old_products old ON old.product_key = r.old_product_key
      WHERE i.product_key IS r.old_product_key AND i.cost_cents IS r.old_cost_cents AND p.category IS old.category);
    INSERT OR IGNORE INTO t_customers
      SELECT c.customer_id FROM t_relinked r CROSS JOIN fct_order_items i ON i.order_key = r.order_key AND i.line_no = r.line_no
      JOIN dim_customer c ON c.customer_key = i.customer_key;`);
  addChangedDays(db, 'SELECT i.order_date FROM t_relinked r CROSS JOIN fct_order_items i ON i.order_key = r.order_key AND i.line_no = r.line_no');
  addChangedDays(db, 'SELECT x.return_date FROM t_relinked r CROSS JOIN fct_returns x ON x.order_key = r.order_key WHERE x.line_no = r.line_no');
  return changed;
}

/**
 * is_first_order marks each customer's first counted order (by creation instant, then key).
 * Only the orders whose flag flips are written, and only their days are changed days, so their
 * new/repeat counts and aggregates follow: a nightly run touches customers with years of orders,
 * and re-deriving all their days made it refresh the whole history.
 */
export function refreshFirstOrders(db: Db): void {
  // When most customers were touched (a first import, a rebuild), one pass over the orders in
  // storage order beats fetching each customer's orders through the index in random order.
  const access = touchesMostOf(db, 't_customers', 'dim_customer') ? 'NOT INDEXED' : '';
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_first_flips (order_key INTEGER PRIMARY KEY, is_first INTEGER NOT NULL);
    DELETE FROM t_first_flips;
    WITH ranked AS (
      SELECT o.order_key, o.is_first_order AS was_first,
        CASE WHEN o.is_counted = 1 AND ROW_NUMBER() OVER (PARTITION BY o.customer_key, o.is_counted ORDER BY julianday(o.created_at), o.order_key) = 1
             THEN 1 ELSE 0 END AS is_first
      FROM fct_orders o ${access}
      WHERE o.customer_key IN (SELECT c.customer_key FROM t_customers t JOIN dim_customer c ON c.customer_id = t.customer_id)
    )
    INSERT INTO t_first_flips SELECT order_key, is_first FROM ranked WHERE is_first <> was_first ORDER BY order_key;
    UPDATE fct_orders SET is_first_order = f.is_first FROM t_first_flips f WHERE fct_orders.order_key = f.order_key;`);
  addChangedDays(db, 'SELECT o.order_date FROM t_first_flips f JOIN fct_orders o ON o.order_key = f.order_key');
}
