import type { Db } from '../../db/open';

/** Reorder point of the product version valid at the end of the day (the first version before any). */
const REORDER_POINT_AT = `COALESCE(
  (SELECT p.reorder_point FROM dim_product p WHERE p.sku = g.sku AND p.valid_from <= g.date_key || 'T23:59:59Z' ORDER BY p.valid_from DESC LIMIT 1),
  (SELECT p.reorder_point FROM dim_product p WHERE p.sku = g.sku ORDER BY p.valid_from LIMIT 1), 0)`;

/**
 * fct_inventory_daily: end-of-day on_hand and allocated for every SKU on every day from its first
 * movement to the last movement day of the whole store (a dense grid, so "stock on day X" is one
 * lookup). Movement quantities are signed: receipts, sales, adjustments and returns change
 * on_hand; allocations and releases change allocated. At risk: on_hand − allocated < reorder_point.
 * Touched SKUs are recomputed from all their movements; the others are carried forward to new days.
 */
export function rebuildInventoryDaily(db: Db, lastDay: string | null): number {
  if (lastDay === null) return 0;
  db.exec('DELETE FROM fct_inventory_daily WHERE sku IN (SELECT sku FROM t_inventory_skus)');
  const recomputed = db
    .prepare(
      `INSERT INTO fct_inventory_daily (sku, date_key, on_hand, allocated, reorder_point, is_at_risk)
       WITH daily AS (
         SELECT m.sku, substr(m.moved_at, 1, 10) AS d,
           sum(CASE WHEN m.kind IN ('allocation', 'release') THEN 0 ELSE m.quantity END) AS on_hand_change,
           sum(CASE WHEN m.kind IN ('allocation', 'release') THEN m.quantity ELSE 0 END) AS allocated_change
         FROM t_inventory_skus t JOIN stg_inventory_movements m ON m.sku = t.sku
         GROUP BY m.sku, d),
       grid AS (
         SELECT s.sku, dd.date_key FROM (SELECT sku, min(d) AS first_day FROM daily GROUP BY sku) s
         JOIN dim_date dd ON dd.date_key >= s.first_day AND dd.date_key <= ?),
       running AS (
         SELECT g.sku, g.date_key,
           sum(coalesce(x.on_hand_change, 0)) OVER w AS on_hand,
           sum(coalesce(x.allocated_change, 0)) OVER w AS allocated
         FROM grid g LEFT JOIN daily x ON x.sku = g.sku AND x.d = g.date_key
         WINDOW w AS (PARTITION BY g.sku ORDER BY g.date_key ROWS UNBOUNDED PRECEDING))
       SELECT sku, date_key, on_hand, allocated, rp, CASE WHEN on_hand - allocated < rp THEN 1 ELSE 0 END
       FROM (SELECT g.*, ${REORDER_POINT_AT} AS rp FROM running g)
       ORDER BY sku, date_key`,
    )
    .run(lastDay).changes;
  const carried = db
    .prepare(
      `INSERT INTO fct_inventory_daily (sku, date_key, on_hand, allocated, reorder_point, is_at_risk)
       SELECT sku, date_key, on_hand, allocated, rp, CASE WHEN on_hand - allocated < rp THEN 1 ELSE 0 END
       FROM (
         SELECT l.sku, dd.date_key, l.on_hand, l.allocated, ${REORDER_POINT_AT.replaceAll('g.date_key', 'dd.date_key').replaceAll('g.sku', 'l.sku')} AS rp
         FROM (SELECT sku, max(date_key) AS last_day FROM fct_inventory_daily GROUP BY sku) m
         JOIN fct_inventory_daily l ON l.sku = m.sku AND l.date_key = m.last_day
         JOIN dim_date dd ON dd.date_key > m.last_day AND dd.date_key <= ?)
       ORDER BY sku, date_key`,
    )
    .run(lastDay).changes;
  return recomputed + carried;
}

/**
 * inventory_alerts: one record each time a SKU goes at risk (from not at risk, or on its first
 * day), resolved on the first later day it is no longer at risk. Recomputed whole in (sku, day)
 * order, so the ids are the same after any sequence of imports or a rebuild.
 */
export function rebuildInventoryAlerts(db: Db): number {
  db.exec('DELETE FROM inventory_alerts');
  return db
    .prepare(
      `INSERT INTO inventory_alerts (sku, raised_date, on_hand, allocated, reorder_point, resolved_date, status)
       WITH flagged AS (
         SELECT sku, date_key, on_hand, allocated, reorder_point, is_at_risk,
           LAG(is_at_risk, 1, 0) OVER (PARTITION BY sku ORDER BY date_key) AS was_at_risk
         FROM fct_inventory_daily),
       changes AS (SELECT * FROM flagged WHERE is_at_risk <> was_at_risk),
       paired AS (
         SELECT sku, date_key, on_hand, allocated, reorder_point, is_at_risk,
           LEAD(date_key) OVER (PARTITION BY sku ORDER BY date_key) AS next_change
         FROM changes)
       SELECT sku, date_key, on_hand, allocated, reorder_point, next_change, CASE WHEN next_change IS NULL THEN 'open' ELSE 'resolved' END
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
