import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import type { Db } from '../../db/open';
import { createAggregateDayTables, snapshotTouchedOrders } from './aggregate-days';

/** The highest stg_id of each staging table before a run: rows above it are what the run brought. */
export type StagingWatermarks = Record<NativeEntity, number>;

export const ZERO_WATERMARKS: StagingWatermarks = {
  customers: 0, products: 0, orders: 0, order_items: 0, returns: 0, inventory_movements: 0, reviews: 0,
};

export function readWatermarks(db: Db): StagingWatermarks {
  const max = (entity: NativeEntity): number => Number(db.prepare(`SELECT coalesce(max(stg_id), 0) FROM stg_${entity}`).pluck().get());
  return {
    customers: max('customers'), products: max('products'), orders: max('orders'), order_items: max('order_items'),
    returns: max('returns'), inventory_movements: max('inventory_movements'), reviews: max('reviews'),
  };
}

/**
 * Temp tables naming what a run touched, so every later step rebuilds only those orders,
 * customers, SKUs, reviews and days. Staging rows are append-only, so "touched" is simply
 * "has a staging row above the watermark".
 */
export function buildTouchedScope(db: Db, w: StagingWatermarks): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_orders (order_id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_customers (customer_id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_skus (sku TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_inventory_skus (sku TEXT PRIMARY KEY, from_day TEXT NOT NULL) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_reviews (review_id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_dates (date_key TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TABLE IF NOT EXISTS t_old_products (product_key INTEGER PRIMARY KEY, sku TEXT NOT NULL, category TEXT);
    DELETE FROM t_orders; DELETE FROM t_customers; DELETE FROM t_skus; DELETE FROM t_inventory_skus;
    DELETE FROM t_reviews; DELETE FROM t_dates; DELETE FROM t_old_products;`);
  createAggregateDayTables(db);
  db.prepare('INSERT OR IGNORE INTO t_orders SELECT order_id FROM stg_orders WHERE stg_id > ?').run(w.orders);
  db.prepare('INSERT OR IGNORE INTO t_orders SELECT order_id FROM stg_order_items WHERE stg_id > ?').run(w.order_items);
  db.prepare('INSERT OR IGNORE INTO t_orders SELECT order_id FROM stg_returns WHERE stg_id > ?').run(w.returns);
  db.prepare('INSERT OR IGNORE INTO t_customers SELECT customer_id FROM stg_customers WHERE stg_id > ?').run(w.customers);
  analyzeScope(db, ['t_orders']);
  // The customers of touched orders, as now staged and as the warehouse had them (a re-sent order
  // may move), and the days the warehouse had them on. A first import (or a rebuild) has staged
  // every customer an order can name and has no order facts yet: nothing to add, and the joins
  // walked a million staged orders for it.
  const stagedEveryCustomer = db.prepare('SELECT (SELECT count(*) FROM t_customers) >= (SELECT count(DISTINCT customer_id) FROM stg_customers)').pluck().get() === 1;
  if (!stagedEveryCustomer) db.exec('INSERT OR IGNORE INTO t_customers SELECT s.customer_id FROM t_orders t JOIN stg_orders s ON s.order_id = t.order_id');
  if (db.prepare('SELECT EXISTS (SELECT 1 FROM fct_orders)').pluck().get() === 1) {
    db.exec(`
      INSERT OR IGNORE INTO t_customers
        SELECT c.customer_id FROM t_orders t JOIN fct_orders o ON o.order_id = t.order_id JOIN dim_customer c ON c.customer_key = o.customer_key;
      INSERT OR IGNORE INTO t_dates
        SELECT o.order_date FROM t_orders t JOIN fct_orders o ON o.order_id = t.order_id;
      INSERT OR IGNORE INTO t_dates
        SELECT r.return_date FROM t_orders t JOIN fct_orders o ON o.order_id = t.order_id JOIN fct_returns r ON r.order_key = o.order_key;`);
    snapshotTouchedOrders(db);
  }
  db.prepare('INSERT OR IGNORE INTO t_skus SELECT sku FROM stg_products WHERE stg_id > ?').run(w.products);
  // Stock is recomputed from the first day a change can affect: a SKU's earliest new movement,
  // or its whole history when its product rows (hence reorder points) changed.
  db.exec(`
    INSERT INTO t_inventory_skus
      SELECT t.sku, min(substr(m.moved_at, 1, 10)) FROM t_skus t JOIN stg_inventory_movements m ON m.sku = t.sku GROUP BY t.sku;`);
  db.prepare(
    `INSERT INTO t_inventory_skus SELECT sku, min(substr(moved_at, 1, 10)) FROM stg_inventory_movements WHERE stg_id > ? GROUP BY sku
     ON CONFLICT (sku) DO UPDATE SET from_day = min(from_day, excluded.from_day)`,
  ).run(w.inventory_movements);
  db.exec(`
    INSERT OR IGNORE INTO t_old_products SELECT p.product_key, p.sku, p.category FROM t_skus t JOIN dim_product p ON p.sku = t.sku;`);
  db.prepare('INSERT OR IGNORE INTO t_reviews SELECT review_id FROM stg_reviews WHERE stg_id > ?').run(w.reviews);
  db.exec('INSERT OR IGNORE INTO t_reviews SELECT r.review_id FROM t_skus t JOIN fct_reviews r ON r.sku = t.sku;');
  // t_orders was counted as soon as it was complete: the joins above start from it.
  analyzeScope(db, ['t_customers', 't_skus', 't_inventory_skus', 't_reviews', 't_dates', 't_old_products']);
}

type ScopeTable = 't_orders' | 't_customers' | 't_skus' | 't_inventory_skus' | 't_reviews' | 't_dates' | 't_old_products';

/**
 * Row counts of the scope tables for the query planner. The warehouse has no statistics, so
 * SQLite guesses every table alike and drove a nightly run's joins from a full scan of the facts,
 * probing the few touched keys from there. Counted, a small scope drives its joins instead.
 * Tables that grow later in the run (t_dates) are counted again before they are read.
 */
export function analyzeScope(db: Db, tables: readonly ScopeTable[]): void {
  for (const table of tables) db.exec(`ANALYZE temp.${table}`);
}

export interface ScopeCounts {
  orders: number;
  customers: number;
  skus: number;
  inventorySkus: number;
  reviews: number;
}

export function scopeCounts(db: Db): ScopeCounts {
  const count = (table: string): number => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  return { orders: count('t_orders'), customers: count('t_customers'), skus: count('t_skus'), inventorySkus: count('t_inventory_skus'), reviews: count('t_reviews') };
}

/**
 * True when a run touched a quarter or more of a table's rows (a first import, a rebuild): then
 * one pass in storage order beats index seeks in random order.
 */
export function touchesMostOf(db: Db, touchedTable: 't_orders' | 't_customers', table: 'fct_orders' | 'dim_customer'): boolean {
  const touched = Number(db.prepare(`SELECT count(*) FROM ${touchedTable}`).pluck().get());
  const all = Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  return touched * 4 >= all;
}
