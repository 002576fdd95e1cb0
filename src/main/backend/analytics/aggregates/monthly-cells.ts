import type { Db } from '../../db/open';
import { monthChunks, monthEnd } from './day-sets-refresh';
import type { RefreshRange } from './refresh';

const SALES_SUMS = `sum(gross_cents), sum(line_discount_cents), sum(line_net_cents), sum(line_tax_cents), sum(cost_cents), sum(units),
  sum(lines), sum(orders), sum(order_gross_cents), sum(order_discount_cents), sum(order_tax_cents), sum(order_shipping_cents), sum(order_units)`;
const RETURN_SUMS = 'sum(refund_cents), sum(returned_units), sum(return_lines)';
const CELL_KEYS = 'grouping_id, substr(date_key, 1, 7), currency, channel_key, region, segment, category';

/**
 * Re-sums the month cells (0022) of every month the ranges touch from their day cells, so
 * agg_sales_monthly / agg_returns_monthly always equal the day cells they summarise.
 */
export function refreshMonthlyCells(db: Db, sales: RefreshRange, returns: RefreshRange): number {
  let rows = 0;
  for (const [table, daily, sums, range] of [
    ['agg_sales_monthly', 'agg_sales_daily', SALES_SUMS, sales],
    ['agg_returns_monthly', 'agg_returns_daily', RETURN_SUMS, returns],
  ] as const) {
    // One pass over the touched months (the day cells are keyed by grouping first, so a per-month
    // statement would scan them once per month).
    const months = monthChunks(range).map((chunk) => chunk.fromDate.slice(0, 7));
    const first = months[0];
    const last = months.at(-1);
    if (!first || !last) continue;
    db.prepare(`DELETE FROM ${table} WHERE date_key BETWEEN ? AND ?`).run(first, last);
    rows += db
      .prepare(`INSERT INTO ${table} SELECT ${CELL_KEYS}, ${sums} FROM ${daily} WHERE date_key BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5, 6, 7`)
      .run(`${first}-01`, monthEnd(`${last}-01`)).changes;
  }
  return rows;
}
