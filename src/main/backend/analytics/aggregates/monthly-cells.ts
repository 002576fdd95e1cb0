import type { Db } from '../../db/open';
import { monthChunks, monthEnd } from './day-sets-refresh';
import type { RefreshRange } from './refresh';

const SALES_SUMS = `sum(gross_cents), sum(line_discount_cents), sum(line_net_cents), sum(line_tax_cents), sum(cost_cents), sum(units),
  sum(lines), sum(orders), sum(order_gross_cents), sum(order_discount_cents), sum(order_tax_cents), sum(order_shipping_cents), sum(order_units)`;
const RETURN_SUMS = 'sum(refund_cents), sum(returned_units), sum(return_lines)';
const CELL_KEYS = 'grouping_id, substr(date_key, 1, 7), currency, channel_key, region, segment, category';

/**
 * Re-sums month cells (0022) from their day cells, so agg_sales_monthly / agg_returns_monthly
 * always equal the day cells they summarise: the sales cells of the months the line pass covered
 * only in part (it writes those of whole months itself: sales-cells.ts), and the return cells of
 * every month the returns range touches. One pass over the day cells each: they are keyed by
 * grouping first, so a per-month statement would scan them once per month.
 */
export function refreshMonthlyCells(db: Db, partialSalesMonths: readonly string[], returns: RefreshRange): number {
  let rows = 0;
  if (partialSalesMonths.length > 0) {
    const months = JSON.stringify(partialSalesMonths);
    db.prepare('DELETE FROM agg_sales_monthly WHERE date_key IN (SELECT value FROM json_each(?))').run(months);
    rows += db
      .prepare(`INSERT INTO agg_sales_monthly SELECT ${CELL_KEYS}, ${SALES_SUMS} FROM agg_sales_daily
        WHERE substr(date_key, 1, 7) IN (SELECT value FROM json_each(?)) GROUP BY 1, 2, 3, 4, 5, 6, 7`)
      .run(months).changes;
  }
  const months = monthChunks(returns).map((chunk) => chunk.fromDate.slice(0, 7));
  const first = months[0];
  const last = months.at(-1);
  if (first && last) {
    db.prepare('DELETE FROM agg_returns_monthly WHERE date_key BETWEEN ? AND ?').run(first, last);
    rows += db
      .prepare(`INSERT INTO agg_returns_monthly SELECT ${CELL_KEYS}, ${RETURN_SUMS} FROM agg_returns_daily WHERE date_key BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5, 6, 7`)
      .run(`${first}-01`, monthEnd(`${last}-01`)).changes;
  }
  return rows;
}
