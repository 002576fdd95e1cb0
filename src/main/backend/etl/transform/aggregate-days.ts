import type { Db } from '../../db/open';

/**
 * Which days the analytics aggregates must rebuild, apart from the days whose facts changed.
 *
 * A nightly drop re-sends hundreds of older orders whose status moved on (fulfilled, delivered,
 * returned) and adds returns to orders placed up to three months earlier. Their facts are
 * rebuilt and their days go to t_dates, but the line-derived aggregates (sales, products,
 * order, line and customer cells) read none of what changed except the refund, and the refund
 * only enters the customer cells. So:
 * - t_agg_dates: days the line pass must rebuild whole. Every source of t_dates adds to it
 *   (through addChangedDays) except the order days of touched orders, which go in only for
 *   orders whose counted figures, attribution or lines changed.
 * - t_refund_days: order days of the other touched orders whose refund changed; the aggregate
 *   refresh rewrites only their customer cells.
 * - t_return_days: days whose return cells changed; the refresh rebuilds the returns of those.
 */
export function createAggregateDayTables(db: Db): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_agg_dates (date_key TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_refund_days (date_key TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_return_days (date_key TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_orders_before (order_key INTEGER PRIMARY KEY, order_date TEXT, currency TEXT, channel_key INTEGER,
      customer_key INTEGER, is_counted INTEGER, gross_cents INTEGER, discount_cents INTEGER, tax_cents INTEGER, shipping_cents INTEGER,
      units INTEGER, line_count INTEGER, refund_cents INTEGER, is_first_order INTEGER);
    CREATE TEMP TABLE IF NOT EXISTS t_lines_before (order_key INTEGER NOT NULL, line_no INTEGER NOT NULL, product_key INTEGER, sku TEXT,
      quantity INTEGER, gross_cents INTEGER, discount_cents INTEGER, tax_cents INTEGER, net_cents INTEGER, cost_cents INTEGER,
      PRIMARY KEY (order_key, line_no)) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_returns_before (return_key INTEGER PRIMARY KEY, order_key INTEGER, line_no INTEGER, sku TEXT,
      product_key INTEGER, quantity INTEGER, return_date TEXT, refund_cents INTEGER);
    DELETE FROM t_agg_dates; DELETE FROM t_refund_days; DELETE FROM t_return_days; DELETE FROM t_orders_before; DELETE FROM t_lines_before; DELETE FROM t_returns_before;`);
}

/** Columns of an order that the line-derived aggregates read (the refund apart). */
const ORDER_COLUMNS = 'order_key, order_date, currency, channel_key, customer_key, is_counted, gross_cents, discount_cents, tax_cents, shipping_cents, units, line_count';
const LINE_COLUMNS = 'order_key, line_no, product_key, sku, quantity, gross_cents, discount_cents, tax_cents, net_cents, cost_cents';
/** Columns of a return that its cells read (the rest of what they read is its order's). */
const RETURN_COLUMNS = 'return_key, order_key, line_no, sku, product_key, quantity, return_date, refund_cents';
const prefixed = (columns: string, alias: string): string => columns.split(', ').map((c) => `${alias}.${c}`).join(', ');

/** The touched orders, their lines and returns as the warehouse has them, before the run rebuilds them. */
export function snapshotTouchedOrders(db: Db): void {
  // CROSS JOINs: the snapshots are a few thousand keys; without statistics SQLite scanned the facts.
  db.exec(`
    INSERT INTO t_orders_before SELECT ${prefixed(ORDER_COLUMNS, 'o')}, o.refund_cents, o.is_first_order
      FROM t_orders t CROSS JOIN fct_orders o ON o.order_id = t.order_id;
    INSERT INTO t_lines_before SELECT ${prefixed(LINE_COLUMNS, 'i')}
      FROM t_orders_before b CROSS JOIN fct_order_items i ON i.order_key = b.order_key;
    INSERT INTO t_returns_before SELECT ${prefixed(RETURN_COLUMNS, 'r')}
      FROM t_orders_before b CROSS JOIN fct_returns r ON r.order_key = b.order_key;`);
}

/** Days a change reaches whole: into both t_agg_dates and t_dates (every aggregate day is a fact day). */
export function addChangedDays(db: Db, selectDays: string): void {
  db.exec(`INSERT OR IGNORE INTO t_agg_dates ${selectDays}; INSERT OR IGNORE INTO t_dates SELECT date_key FROM t_agg_dates;`);
}

/**
 * After the touched orders were rebuilt (refunds included): the old and new days of the orders
 * that changed in anything the line pass reads go to t_agg_dates; the return days of their
 * returns and of every return that is new, gone or changed go to t_return_days (a refund set
 * once the order's delivery is known changes the return's cells, not its order's day); the days
 * of the other orders whose refund changed go to t_refund_days.
 */
export function classifyRebuiltOrders(db: Db): void {
  const hadOrders = db.prepare('SELECT EXISTS (SELECT 1 FROM t_orders_before)').pluck().get() === 1;
  if (!hadOrders) {
    // A first import or a rebuild: every touched order is new, every fact day an aggregate day.
    db.exec('INSERT OR IGNORE INTO t_agg_dates SELECT date_key FROM t_dates');
    return;
  }
  const touched = 't_orders t CROSS JOIN fct_orders o ON o.order_id = t.order_id';
  const after = `SELECT ${prefixed(ORDER_COLUMNS, 'o')} FROM ${touched}`;
  const linesAfter = `SELECT ${prefixed(LINE_COLUMNS, 'i')} FROM ${touched} CROSS JOIN fct_order_items i ON i.order_key = o.order_key`;
  const returnsAfter = `SELECT ${prefixed(RETURN_COLUMNS, 'r')} FROM ${touched} CROSS JOIN fct_returns r ON r.order_key = o.order_key`;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_changed_orders (order_key INTEGER PRIMARY KEY);
    DELETE FROM t_changed_orders;
    INSERT OR IGNORE INTO t_changed_orders SELECT order_key FROM (${after} EXCEPT SELECT ${ORDER_COLUMNS} FROM t_orders_before);
    INSERT OR IGNORE INTO t_changed_orders SELECT order_key FROM (SELECT ${ORDER_COLUMNS} FROM t_orders_before EXCEPT ${after});
    INSERT OR IGNORE INTO t_changed_orders SELECT order_key FROM (${linesAfter} EXCEPT SELECT ${LINE_COLUMNS} FROM t_lines_before);
    INSERT OR IGNORE INTO t_changed_orders SELECT order_key FROM (SELECT ${LINE_COLUMNS} FROM t_lines_before EXCEPT ${linesAfter});
    INSERT OR IGNORE INTO t_agg_dates SELECT b.order_date FROM t_changed_orders c CROSS JOIN t_orders_before b ON b.order_key = c.order_key;
    INSERT OR IGNORE INTO t_agg_dates SELECT o.order_date FROM t_changed_orders c CROSS JOIN fct_orders o ON o.order_key = c.order_key;
    INSERT OR IGNORE INTO t_return_days SELECT return_date FROM (${returnsAfter} EXCEPT SELECT ${RETURN_COLUMNS} FROM t_returns_before);
    INSERT OR IGNORE INTO t_return_days SELECT return_date FROM (SELECT ${RETURN_COLUMNS} FROM t_returns_before EXCEPT ${returnsAfter});
    INSERT OR IGNORE INTO t_return_days SELECT r.return_date FROM t_changed_orders c CROSS JOIN t_returns_before r ON r.order_key = c.order_key;
    INSERT OR IGNORE INTO t_return_days SELECT r.return_date FROM t_changed_orders c CROSS JOIN fct_returns r ON r.order_key = c.order_key;
    INSERT OR IGNORE INTO t_refund_days
      SELECT o.order_date FROM t_orders_before b CROSS JOIN fct_orders o ON o.order_key = b.order_key
      WHERE o.refund_cents IS NOT b.refund_cents AND b.order_key NOT IN (SELECT order_key FROM t_changed_orders);`);
}

/** The days the aggregates rebuild whole, and the SELECT of the refund-only days, while the run's temp tables live. */
export const AGGREGATE_DAY_BOUNDS = 'SELECT min(date_key) AS lo, max(date_key) AS hi FROM t_agg_dates';
export const AGGREGATE_DAYS = 'SELECT date_key FROM t_agg_dates';
export const REFUND_ONLY_DAYS = 'SELECT date_key FROM t_refund_days';
export const RETURN_DAYS = 'SELECT date_key FROM t_return_days';
