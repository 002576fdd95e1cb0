import type { Db } from '../../db/open';
import { GROUPING_IDS } from '../dimensions';
import { refreshCustomerAggregates } from './customer-aggregates';
import { refreshDaySets } from './day-sets-refresh';

export interface RefreshRange {
  fromDate: string;
  toDate: string;
}

export interface RefreshOutcome {
  salesRows: number;
  returnRows: number;
  customers: number;
  daySetCells: number;
  range: RefreshRange;
}

/** SQL for one grouping set: kept dimensions keep their value, rolled-up ones become 0 / ''. */
function keptOr(groupingId: number, bit: number, column: string, rolledUp: string): string {
  return (groupingId & bit) !== 0 ? column : rolledUp;
}

function cellColumns(groupingId: number): string {
  return [
    `${groupingId} AS grouping_id`,
    'date_key',
    'currency',
    `${keptOr(groupingId, 1, 'channel_key', '0')} AS channel_key`,
    `${keptOr(groupingId, 2, 'region', "''")} AS region`,
    `${keptOr(groupingId, 4, 'segment', "''")} AS segment`,
    `${keptOr(groupingId, 8, 'category', "''")} AS category`,
  ].join(', ');
}

const GROUP_BY = 'GROUP BY 1, 2, 3, 4, 5, 6, 7';

/**
 * One row per order and category, with the order's own amounts beside the line sums: each
 * grouping set then counts an order once per cell (is_order_row picks one row per order when
 * category is rolled up).
 */
const ORDER_CELLS_SQL = `
CREATE TEMP TABLE temp_analytics_order_cells AS
WITH cells AS (
  SELECT o.order_key, o.order_date AS date_key, o.currency, coalesce(o.channel_key, 0) AS channel_key,
    coalesce(c.region, '') AS region, coalesce(c.segment, '') AS segment, coalesce(p.category, '') AS category,
    sum(i.gross_cents) AS gross_cents, sum(i.discount_cents) AS line_discount_cents, sum(i.net_cents) AS line_net_cents,
    sum(i.tax_cents) AS line_tax_cents, sum(coalesce(i.cost_cents, 0)) AS cost_cents, sum(i.quantity) AS units, count(*) AS lines
  FROM fct_orders o
  JOIN fct_order_items i ON i.order_key = o.order_key
  LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
  LEFT JOIN dim_product p ON p.product_key = i.product_key
  WHERE o.is_counted = 1 AND o.order_date BETWEEN ? AND ?
  GROUP BY o.order_key, coalesce(p.category, '')
)
SELECT cells.*, row_number() OVER (PARTITION BY cells.order_key ORDER BY cells.category) = 1 AS is_order_row,
  o.gross_cents AS order_gross_cents, o.discount_cents AS order_discount_cents, o.tax_cents AS order_tax_cents,
  o.shipping_cents AS order_shipping_cents, o.units AS order_units
FROM cells JOIN fct_orders o ON o.order_key = cells.order_key`;

const PRODUCT_DAILY_SQL = `
INSERT INTO agg_product_daily
SELECT o.order_date, o.currency, i.sku, max(coalesce(p.category, '')), sum(i.gross_cents), sum(i.net_cents), sum(i.quantity), count(*)
FROM fct_orders o
JOIN fct_order_items i ON i.order_key = o.order_key
LEFT JOIN dim_product p ON p.product_key = i.product_key
WHERE o.is_counted = 1 AND o.order_date BETWEEN ? AND ?
GROUP BY o.order_date, o.currency, i.sku`;

function insertSalesSql(groupingId: number): string {
  // With category kept, an (order, category) row is one order in that cell; without it, only
  // the order's first row carries the order.
  const weight = (groupingId & 8) !== 0 ? '1' : 'is_order_row';
  return `INSERT INTO agg_sales_daily
    SELECT ${cellColumns(groupingId)},
      sum(gross_cents), sum(line_discount_cents), sum(line_net_cents), sum(line_tax_cents), sum(cost_cents), sum(units), sum(lines),
      sum(${weight}), sum(${weight} * order_gross_cents), sum(${weight} * order_discount_cents),
      sum(${weight} * order_tax_cents), sum(${weight} * order_shipping_cents), sum(${weight} * order_units)
    FROM temp_analytics_order_cells ${GROUP_BY}`;
}

const RETURN_CELLS_SQL = `
CREATE TEMP TABLE temp_analytics_return_cells AS
SELECT r.return_date AS date_key, o.currency, coalesce(o.channel_key, 0) AS channel_key,
  coalesce(c.region, '') AS region, coalesce(c.segment, '') AS segment, coalesce(p.category, '') AS category,
  r.refund_cents, r.quantity
FROM fct_returns r
JOIN fct_orders o ON o.order_key = r.order_key
LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
LEFT JOIN dim_product p ON p.product_key = r.product_key
WHERE o.is_counted = 1 AND r.return_date BETWEEN ? AND ?`;

function insertReturnsSql(groupingId: number): string {
  return `INSERT INTO agg_returns_daily
    SELECT ${cellColumns(groupingId)}, sum(refund_cents), sum(quantity), count(*)
    FROM temp_analytics_return_cells ${GROUP_BY}`;
}

/** Returns of orders placed in the range may be booked later: widen the return-date range to them. */
function returnRange(db: Db, range: RefreshRange): RefreshRange {
  const row = db
    .prepare<[string, string], { lo: string | null; hi: string | null }>(
      `SELECT min(r.return_date) AS lo, max(r.return_date) AS hi
       FROM fct_orders o JOIN fct_returns r ON r.order_key = o.order_key WHERE o.order_date BETWEEN ? AND ?`,
    )
    .get(range.fromDate, range.toDate);
  return {
    fromDate: row?.lo && row.lo < range.fromDate ? row.lo : range.fromDate,
    toDate: row?.hi && row.hi > range.toDate ? row.hi : range.toDate,
  };
}

/**
 * Rebuilds every analytics aggregate for orders dated (and returns booked) in the range.
 * Idempotent: delete-then-insert per day, in one transaction. The import pipeline calls it
 * after each transform with the order dates it touched (include the OLD date of a re-sent order
 * that moved). Customers with an order in the range get their lifetime rows and first-order
 * flags recomputed from all their orders, so an older order imported late is handled.
 */
export function refreshAnalyticsAggregates(db: Db, range: RefreshRange): RefreshOutcome {
  return db.transaction(() => {
    const returns = returnRange(db, range);
    const deleteSales = db.prepare('DELETE FROM agg_sales_daily WHERE grouping_id = ? AND date_key BETWEEN ? AND ?');
    const deleteReturns = db.prepare('DELETE FROM agg_returns_daily WHERE grouping_id = ? AND date_key BETWEEN ? AND ?');
    for (const id of GROUPING_IDS) {
      deleteSales.run(id, range.fromDate, range.toDate);
      deleteReturns.run(id, returns.fromDate, returns.toDate);
    }
    db.exec('DROP TABLE IF EXISTS temp_analytics_order_cells; DROP TABLE IF EXISTS temp_analytics_return_cells');
    db.prepare(ORDER_CELLS_SQL).run(range.fromDate, range.toDate);
    db.prepare(RETURN_CELLS_SQL).run(returns.fromDate, returns.toDate);
    let salesRows = 0;
    let returnRows = 0;
    for (const id of GROUPING_IDS) {
      salesRows += db.prepare(insertSalesSql(id)).run().changes;
      returnRows += db.prepare(insertReturnsSql(id)).run().changes;
    }
    db.exec('DROP TABLE temp_analytics_order_cells; DROP TABLE temp_analytics_return_cells');
    db.prepare('DELETE FROM agg_product_daily WHERE date_key BETWEEN ? AND ?').run(range.fromDate, range.toDate);
    db.prepare(PRODUCT_DAILY_SQL).run(range.fromDate, range.toDate);
    const customers = refreshCustomerAggregates(db, range);
    const daySetCells = refreshDaySets(db, range, returns);
    return { salesRows, returnRows, ...customers, daySetCells, range };
  })();
}

/** Drops and rebuilds all aggregates from the facts (after a bulk load or a dimension change). */
export function rebuildAllAnalyticsAggregates(db: Db): RefreshOutcome | null {
  return db.transaction(() => {
    db.exec('DELETE FROM agg_sales_daily; DELETE FROM agg_returns_daily; DELETE FROM agg_day_sets; DELETE FROM agg_customer_lifetime; DELETE FROM agg_product_daily');
    const bounds = db
      .prepare<[], { lo: string | null; hi: string | null }>(
        `SELECT min(d) AS lo, max(d) AS hi FROM (
           SELECT min(order_date) AS d FROM fct_orders UNION ALL SELECT max(order_date) FROM fct_orders
           UNION ALL SELECT min(return_date) FROM fct_returns UNION ALL SELECT max(return_date) FROM fct_returns)`,
      )
      .get();
    if (!bounds?.lo || !bounds.hi) return null;
    return refreshAnalyticsAggregates(db, { fromDate: bounds.lo, toDate: bounds.hi });
  })();
}
