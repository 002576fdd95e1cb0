import { deferIndexesIfEmpty } from '../../db/deferred-indexes';
import type { Db } from '../../db/open';
import { GROUPING_IDS } from '../dimensions';
import { refreshCustomerAggregates } from './customer-aggregates';
import { lineChunks, refundOnlyDaysOutside, returnRange, withReturnDays } from './refresh-days';
import { monthChunks, monthEnd, refreshCustomerSets, refreshFirstSets, refreshReturnSets } from './day-sets-refresh';
import { productMonthFromLineCells } from './line-cells';
import { keepHeapWithin } from './heap-budget';
import { buildMonthFromLines } from './line-pass';
import { linePassContext } from './line-pass-context';
import { hasMonthSets, refreshMonthSets } from './month-sets';
import { refreshMonthlyCells } from './monthly-cells';

/** JS heap allowed to build up across months of the line pass before a full collection (heap-budget.ts). */
const MONTH_PASS_HEAP_BUDGET_MB = 192;
/** After the pass nothing of it is live: a lower bar before the steps that follow build their own. */
const AFTER_PASS_HEAP_BUDGET_MB = 64;

export interface RefreshRange {
  fromDate: string;
  toDate: string;
}

export interface RefreshScope extends RefreshRange {
  /**
   * A SELECT of the customer_key of every customer whose orders or attributes changed, when the
   * caller knows them (an import's transform). Without it every customer with an order in the
   * range is recomputed: a nightly run's range holds months of other customers' orders.
   */
  changedCustomerKeys?: string;
  /**
   * A SELECT of order days (date_key) whose orders changed in nothing but their refunds. Outside
   * the range, only their customer cells are rewritten: a nightly run's late returns reach back
   * months, and refreshing every line-derived cell back to the oldest of them cost seconds.
   */
  refundOnlyDays?: string;
  /** A SELECT of return days (date_key) whose returns changed, beyond those of the range's orders. */
  returnDays?: string;
  /**
   * A SELECT of the days (date_key) inside the range whose line cells must be rebuilt, when they
   * are a few: a nightly run's changed days are scattered over weeks. Absent: every day.
   */
  days?: string;
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

/**
 * Rebuilds every analytics aggregate for orders dated (and returns booked) in the range.
 * Idempotent: delete-then-insert, in one transaction. The import pipeline calls it after each
 * transform with the order dates it touched (include the OLD date of a re-sent order that
 * moved). One read of the range's lines per month feeds every line-derived aggregate; the
 * monthly cells of a month touched in part are re-summed from its day cells. Customers with an
 * order in the range get their lifetime rows and first-order flags recomputed from all their
 * orders, so an older order imported late is handled.
 */
export function refreshAnalyticsAggregates(db: Db, range: RefreshScope): RefreshOutcome {
  // Inside the caller's transaction (the import's, or a rebuild's) no savepoint of its own: a
  // savepoint journals the old content of every page it changes, in memory (temp_store =
  // MEMORY), which is gigabytes on a 1M-line rebuild. The caller rolls back on an error.
  return db.inTransaction ? refreshInTransaction(db, range) : db.transaction(() => refreshInTransaction(db, range))();
}

function refreshInTransaction(db: Db, range: RefreshScope): RefreshOutcome {
  const returns = withReturnDays(db, returnRange(db, range), range.returnDays);
  const chunks = lineChunks(db, range);
  const deleteSales = db.prepare('DELETE FROM agg_sales_daily WHERE grouping_id = ? AND date_key BETWEEN ? AND ?');
  const deleteReturns = db.prepare('DELETE FROM agg_returns_daily WHERE grouping_id = ? AND date_key BETWEEN ? AND ?');
  const deleteProducts = db.prepare('DELETE FROM agg_product_daily WHERE date_key BETWEEN ? AND ?');
  const deleteSets = db.prepare('DELETE FROM agg_day_sets WHERE kind = ? AND date_key BETWEEN ? AND ?');
  for (const id of GROUPING_IDS) deleteReturns.run(id, returns.fromDate, returns.toDate);
  for (const chunk of chunks) {
    for (const id of GROUPING_IDS) deleteSales.run(id, chunk.fromDate, chunk.toDate);
    deleteProducts.run(chunk.fromDate, chunk.toDate);
    for (const kind of ['order', 'customer', 'line']) deleteSets.run(kind, chunk.fromDate, chunk.toDate);
  }
  // A first load fills it from empty day by day, which scatters the rows of its SKU index: kept
  // live, that index cost 2.9 s of a 1M-line load; built once at the end, 0.3 s.
  const restoreProductIndex = deferIndexesIfEmpty(db, 'agg_product_daily');
  const context = linePassContext(db);
  let salesRows = 0;
  let daySetCells = 0;
  const partialMonths: string[] = [];
  const deleteMonthlySales = db.prepare('DELETE FROM agg_sales_monthly WHERE date_key = ?');
  const deleteMonthSets = context.withMonthSets ? db.prepare("DELETE FROM agg_month_sets WHERE kind IN ('customer', 'customer_category', 'line') AND date_key = ?") : null;
  for (const chunk of chunks) {
    const month = chunk.fromDate.slice(0, 7);
    const isWholeMonth = chunk.fromDate === `${month}-01` && chunk.toDate === monthEnd(chunk.fromDate);
    if (isWholeMonth) {
      deleteSets.run('product', month, month);
      deleteMonthlySales.run(month);
      deleteMonthSets?.run(month);
    } else {
      partialMonths.push(month);
    }
    const outcome = buildMonthFromLines(db, context, chunk, isWholeMonth);
    keepHeapWithin(MONTH_PASS_HEAP_BUDGET_MB);
    salesRows += outcome.salesRows;
    daySetCells += outcome.daySetCells;
  }
  for (const month of new Set(partialMonths)) daySetCells += productMonthFromLineCells(db, month);
  // The index build's sorter takes up to the cache size in memory: the last months' garbage goes first.
  keepHeapWithin(AFTER_PASS_HEAP_BUDGET_MB);
  restoreProductIndex();
  db.exec('DROP TABLE IF EXISTS temp_analytics_return_cells');
  db.prepare(RETURN_CELLS_SQL).run(returns.fromDate, returns.toDate);
  let returnRows = 0;
  for (const id of GROUPING_IDS) returnRows += db.prepare(insertReturnsSql(id)).run().changes;
  db.exec('DROP TABLE temp_analytics_return_cells');
  daySetCells += refreshReturnSets(db, returns);
  refreshMonthlyCells(db, partialMonths, returns);
  const refundDays = refundOnlyDaysOutside(db, range, chunks);
  daySetCells += refreshCustomerSets(db, refundDays);
  // Month cells of the partly refreshed months from their day cells, then everything per
  // customer from the month cells.
  const monthsOf = (r: RefreshRange): string[] => monthChunks(r).map((m) => m.fromDate.slice(0, 7));
  daySetCells += refreshMonthSets(db, [...partialMonths, ...refundDays.map((day) => day.slice(0, 7))], monthsOf(returns));
  // Cohort windows reach back from the earliest change, refunds included.
  const earliest = refundDays[0] !== undefined && refundDays[0] < range.fromDate ? refundDays[0] : range.fromDate;
  const customers = refreshCustomerAggregates(db, { ...range, fromDate: earliest });
  daySetCells += refreshFirstSets(db);
  return { salesRows, returnRows, ...customers, daySetCells, range };
}

/** Empties every analytics aggregate (agg_sku keeps its ids: they only ever grow). */
export function clearAnalyticsAggregates(db: Db): void {
  db.exec('DELETE FROM agg_sales_daily; DELETE FROM agg_returns_daily; DELETE FROM agg_day_sets; DELETE FROM agg_customer_lifetime; DELETE FROM agg_product_daily');
  db.exec('DELETE FROM agg_sales_monthly; DELETE FROM agg_returns_monthly');
  if (hasMonthSets(db)) db.exec('DELETE FROM agg_month_sets; DELETE FROM agg_customer_cohort; DELETE FROM agg_customer_cohort_category');
}

/** Drops and rebuilds all aggregates from the facts (after a bulk load or a dimension change). */
export function rebuildAllAnalyticsAggregates(db: Db): RefreshOutcome | null {
  return db.transaction(() => {
    clearAnalyticsAggregates(db);
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
