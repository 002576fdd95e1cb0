import type { Db } from '../../db/open';
import { deferIndexesIfEmpty } from '../../db/deferred-indexes';

/**
 * Reorder points by day range, one row per product version: valid from the version's first full
 * day (a version starting mid-day holds at that day's end), until the next version's first day.
 * The first version also covers the days before it. Looked up by range instead of a correlated
 * subquery per grid row, which costs millions of index seeks on a large store.
 */
function buildReorderPointRanges(db: Db, skuTable: 't_inventory_skus' | 'carried'): void {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_reorder_points (sku TEXT NOT NULL, from_day TEXT NOT NULL, to_day TEXT NOT NULL, reorder_point INTEGER NOT NULL,
      PRIMARY KEY (sku, from_day)) WITHOUT ROWID;
    DELETE FROM t_reorder_points;`);
  const skus = skuTable === 't_inventory_skus' ? 'SELECT sku FROM t_inventory_skus' : 'SELECT DISTINCT sku FROM dim_product';
  db.exec(`
    INSERT OR REPLACE INTO t_reorder_points (sku, from_day, to_day, reorder_point)
    SELECT sku, from_day, to_day, reorder_point FROM (
      SELECT p.sku, p.reorder_point, p.valid_from,
        CASE WHEN ROW_NUMBER() OVER w = 1 THEN '0000-01-01' ELSE substr(p.valid_from, 1, 10) END AS from_day,
        coalesce(substr(LEAD(p.valid_from) OVER w, 1, 10), '9999-12-31') AS to_day
      FROM dim_product p WHERE p.sku IN (${skus})
      WINDOW w AS (PARTITION BY p.sku ORDER BY p.valid_from))
    ORDER BY sku, from_day, valid_from;`);
}

/** The reorder point on a day, from t_reorder_points (the latest version starting on or before the day). */
function reorderPointOn(skuExpr: string, dayExpr: string): string {
  return `coalesce((SELECT r.reorder_point FROM t_reorder_points r WHERE r.sku = ${skuExpr} AND r.from_day <= ${dayExpr} ORDER BY r.from_day DESC LIMIT 1), 0)`;
}

/**
 * fct_inventory_daily: end-of-day on_hand and allocated for every SKU on every day from its first
 * movement to the last movement day of the whole store (a dense grid, so "stock on day X" is one
 * lookup). Movement quantities are signed: receipts, sales, adjustments and returns change
 * on_hand; allocations and releases change allocated. At risk: on_hand − allocated < reorder_point
 * of the product version valid that day. A touched SKU is recomputed from the first day its new
 * movements can change (starting from the day before's stock); the others are carried forward.
 */
export function rebuildInventoryDaily(db: Db, lastDay: string | null): number {
  if (lastDay === null) return 0;
  const previousLastDay: unknown = db.prepare('SELECT max(date_key) FROM fct_inventory_daily').pluck().get();
  // A SKU whose grid ends before its first new movement is recomputed from the day after its grid
  // ends. Its last day by one index seek: grouping read every day of every touched SKU.
  db.exec(`
    UPDATE t_inventory_skus SET from_day = min(from_day, date(last_day, '+1 day'))
    FROM (SELECT t.sku, (SELECT max(f.date_key) FROM fct_inventory_daily f WHERE f.sku = t.sku) AS last_day FROM t_inventory_skus t) grid
    WHERE t_inventory_skus.sku = grid.sku AND grid.last_day IS NOT NULL`);
  buildReorderPointRanges(db, 't_inventory_skus');
  const clear = db.prepare('DELETE FROM fct_inventory_daily WHERE sku = ? AND date_key >= ?');
  const touched = db.prepare<[], { sku: string; from_day: string }>('SELECT sku, from_day FROM t_inventory_skus').all();
  // Only days from from_day on are cleared: the day before, which seeds the running sums, stays.
  for (const t of touched) clear.run(t.sku, t.from_day);
  // Daily changes first, keyed (sku, day), so the grid finds each day's change by key: joined
  // inline, SQLite indexes the subquery on sku alone and scans a SKU's days for every grid day.
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_stock_changes (sku TEXT NOT NULL, d TEXT NOT NULL, on_hand_change INTEGER NOT NULL, allocated_change INTEGER NOT NULL,
      PRIMARY KEY (sku, d)) WITHOUT ROWID;
    DELETE FROM t_stock_changes;
    INSERT INTO t_stock_changes
      SELECT m.sku, substr(m.moved_at, 1, 10) AS d,
        sum(CASE WHEN m.kind IN ('allocation', 'release') THEN 0 ELSE m.quantity END),
        sum(CASE WHEN m.kind IN ('allocation', 'release') THEN m.quantity ELSE 0 END)
      FROM t_inventory_skus b JOIN stg_inventory_movements m ON m.sku = b.sku AND m.moved_at >= b.from_day
      GROUP BY m.sku, d;`);
  // The grid is constant between "points": the first recomputed day, each day with movements and
  // each day a new product version changes the reorder point. Running sums and the reorder point
  // are computed once per point (materialised: inlined, the lookup ran twice per grid row), then
  // each point's values are spread over its days by a range join on dim_date, which yields the
  // grid already in key order — no sort of a million rows before the insert.
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_stock_points (sku TEXT NOT NULL, d TEXT NOT NULL, PRIMARY KEY (sku, d)) WITHOUT ROWID;
    DELETE FROM t_stock_points;
    INSERT OR IGNORE INTO t_stock_points SELECT sku, from_day FROM t_inventory_skus;
    INSERT OR IGNORE INTO t_stock_points SELECT sku, d FROM t_stock_changes;
    INSERT OR IGNORE INTO t_stock_points
      SELECT r.sku, r.from_day FROM t_inventory_skus t JOIN t_reorder_points r ON r.sku = t.sku AND r.from_day > t.from_day;`);
  // A first import (or a rebuild) fills the grid from empty: its date index is built once afterwards.
  const restoreIndexes = deferIndexesIfEmpty(db, 'fct_inventory_daily');
  const recomputed = db
    .prepare(
      `INSERT INTO fct_inventory_daily (sku, date_key, on_hand, allocated, reorder_point, is_at_risk)
       WITH base AS (
         SELECT t.sku, t.from_day,
           coalesce((SELECT f.on_hand FROM fct_inventory_daily f WHERE f.sku = t.sku AND f.date_key < t.from_day ORDER BY f.date_key DESC LIMIT 1), 0) AS on_hand0,
           coalesce((SELECT f.allocated FROM fct_inventory_daily f WHERE f.sku = t.sku AND f.date_key < t.from_day ORDER BY f.date_key DESC LIMIT 1), 0) AS allocated0
         FROM t_inventory_skus t),
       segments AS (
         SELECT p.sku, p.d,
           b.on_hand0 + sum(coalesce(x.on_hand_change, 0)) OVER w AS on_hand,
           b.allocated0 + sum(coalesce(x.allocated_change, 0)) OVER w AS allocated,
           coalesce(LEAD(p.d) OVER w, '9999-12-31') AS next_d
         FROM t_stock_points p JOIN base b ON b.sku = p.sku LEFT JOIN t_stock_changes x ON x.sku = p.sku AND x.d = p.d
         WINDOW w AS (PARTITION BY p.sku ORDER BY p.d ROWS UNBOUNDED PRECEDING)),
       valued AS MATERIALIZED (SELECT s.*, ${reorderPointOn('s.sku', 's.d')} AS rp FROM segments s ORDER BY s.sku, s.d)
       SELECT v.sku, dd.date_key, v.on_hand, v.allocated, v.rp, CASE WHEN v.on_hand - v.allocated < v.rp THEN 1 ELSE 0 END
       FROM valued v CROSS JOIN dim_date dd ON dd.date_key >= v.d AND dd.date_key < v.next_d AND dd.date_key <= ?`,
    )
    .run(lastDay).changes;
  restoreIndexes();
  let carried = 0;
  if (typeof previousLastDay === 'string' && previousLastDay < lastDay) {
    buildReorderPointRanges(db, 'carried');
    carried = db
      .prepare(
        `INSERT INTO fct_inventory_daily (sku, date_key, on_hand, allocated, reorder_point, is_at_risk)
         SELECT sku, date_key, on_hand, allocated, rp, CASE WHEN on_hand - allocated < rp THEN 1 ELSE 0 END
         FROM (
           SELECT l.sku, dd.date_key, l.on_hand, l.allocated, ${reorderPointOn('l.sku', 'dd.date_key')} AS rp
           FROM fct_inventory_daily l
           JOIN dim_date dd ON dd.date_key > l.date_key AND dd.date_key <= ?
           WHERE l.date_key = ? AND l.sku NOT IN (SELECT sku FROM t_inventory_skus))
         ORDER BY sku, date_key`,
      )
      .run(lastDay, previousLastDay).changes;
  }
  return recomputed + carried;
}

/**
 * inventory_alerts: one record each time a SKU goes at risk (from not at risk, or on its first
 * day), resolved on the first later day it is no longer at risk. The id is derived from
 * (day, SKU) — days since 2000-01-01 × 2³⁶ + the SKU's first product key — so any sequence of
 * imports and a rebuild give the same ids.
 *
 * Only a touched SKU's days from its from_day on can change, so its alerts are recomputed from
 * there, or from the raise day of the alert still open on that day (its resolution may move).
 * Alerts resolved before stay: a nightly run touches every SKU, and recomputing two years of
 * each one's days took most of a second.
 */
export function rebuildInventoryAlerts(db: Db): number {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS t_alert_starts (sku TEXT PRIMARY KEY, start_day TEXT NOT NULL) WITHOUT ROWID;
    DELETE FROM t_alert_starts;
    INSERT INTO t_alert_starts
      SELECT t.sku, min(t.from_day, coalesce((
        SELECT min(a.raised_date) FROM inventory_alerts a WHERE a.sku = t.sku AND (a.resolved_date IS NULL OR a.resolved_date >= t.from_day)), t.from_day))
      FROM t_inventory_skus t ORDER BY t.sku;
    DELETE FROM inventory_alerts WHERE alert_id IN (
      SELECT a.alert_id FROM t_alert_starts s CROSS JOIN inventory_alerts a ON a.sku = s.sku AND a.raised_date >= s.start_day);`);
  // The day before a start is never at risk (else an alert open on it would have moved the start
  // back to its raise day), so LAG's default of 0 is right on the start day.
  return db
    .prepare(
      `INSERT INTO inventory_alerts (alert_id, sku, raised_date, on_hand, allocated, reorder_point, resolved_date, status)
       WITH flagged AS (
         SELECT f.sku, f.date_key, f.on_hand, f.allocated, f.reorder_point, f.is_at_risk,
           LAG(f.is_at_risk, 1, 0) OVER (PARTITION BY f.sku ORDER BY f.date_key) AS was_at_risk
         FROM t_alert_starts s CROSS JOIN fct_inventory_daily f ON f.sku = s.sku AND f.date_key >= s.start_day),
       changes AS (SELECT * FROM flagged WHERE is_at_risk <> was_at_risk),
       paired AS (
         SELECT sku, date_key, on_hand, allocated, reorder_point, is_at_risk,
           LEAD(date_key) OVER (PARTITION BY sku ORDER BY date_key) AS next_change
         FROM changes)
       SELECT CAST(julianday(date_key) - julianday('2000-01-01') AS INTEGER) * 68719476736
                + coalesce((SELECT min(p.product_key) FROM dim_product p WHERE p.sku = paired.sku), 0),
         sku, date_key, on_hand, allocated, reorder_point, next_change, CASE WHEN next_change IS NULL THEN 'open' ELSE 'resolved' END
       FROM paired WHERE is_at_risk = 1
       ORDER BY sku, date_key`,
    )
    .run().changes;
}

/** The last day of the store's inventory data: the grid's last day, or a later movement this run brought. */
export function lastInventoryDay(db: Db, movementsWatermark: number): string | null {
  const fromGrid: unknown = db.prepare('SELECT max(date_key) FROM fct_inventory_daily').pluck().get();
  const fromRun: unknown = db.prepare('SELECT max(substr(moved_at, 1, 10)) FROM stg_inventory_movements WHERE stg_id > ?').pluck().get(movementsWatermark);
  const days = [fromGrid, fromRun].filter((d): d is string => typeof d === 'string').sort();
  return days.at(-1) ?? null;
}
