import type { Db } from '../../db/open';
import { DAY_SET_WIDTH, encodeTuples, type DaySetKind } from './day-set-codec';
import type { RefreshRange } from './refresh';

/** Raw rows: the 4 cell columns (currency, date, channel, category) then the tuple values. */
type CellRow = [string, string, number, string, ...number[]];

const RETURN_SQL = `
SELECT o.currency, r.return_date, coalesce(o.channel_key, 0), coalesce(p.category, ''), r.order_key, coalesce(o.customer_key, -1),
  s.sku_id, sum(r.refund_cents)
FROM fct_returns r
JOIN fct_orders o ON o.order_key = r.order_key
JOIN agg_sku s ON s.sku = r.sku
LEFT JOIN dim_product p ON p.product_key = r.product_key
WHERE o.is_counted = 1 AND r.return_date BETWEEN ? AND ?
GROUP BY 1, 2, 3, 4, 5, 7
ORDER BY 1, 2, 3, 4, 5, 7`;

/** First counted order in any currency, from the lifetime rows (already refreshed). */
const FIRST_SQL = `
SELECT '', f.first_date, 0, '', f.customer_key
FROM (SELECT customer_key, min(first_order_date) AS first_date FROM agg_customer_lifetime GROUP BY customer_key) f
ORDER BY 2, 5`;

/** Reads rows sorted by cell and writes one agg_day_sets row per cell. */
function writeCells(db: Db, kind: DaySetKind, sql: string, params: unknown[]): number {
  const insert = db.prepare('INSERT INTO agg_day_sets (kind, currency, date_key, channel_key, category, members, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const width = DAY_SET_WIDTH[kind];
  let cell: CellRow | null = null;
  let values: number[] = [];
  let cells = 0;
  const flush = (): void => {
    if (!cell || values.length === 0) return;
    insert.run(kind, cell[0], cell[1], cell[2], cell[3], values.length / width, encodeTuples(values));
    cells += 1;
  };
  // .all(), not .iterate(): the connection cannot insert while a statement is still stepping.
  for (const row of db.prepare(sql).raw().all(...params) as CellRow[]) {
    if (!cell || row[0] !== cell[0] || row[1] !== cell[1] || row[2] !== cell[2] || row[3] !== cell[3]) {
      flush();
      cell = row;
      values = [];
    }
    for (let i = 4; i < 4 + width; i++) values.push(Number(row[i]));
  }
  flush();
  return cells;
}

/** Rebuilds the return cells booked in `returns` (the line-derived kinds come from line-pass.ts). */
export function refreshReturnSets(db: Db, returns: RefreshRange): number {
  db.prepare("DELETE FROM agg_day_sets WHERE kind = 'return' AND date_key BETWEEN ? AND ?").run(returns.fromDate, returns.toDate);
  db.prepare('INSERT OR IGNORE INTO agg_sku (sku) SELECT DISTINCT sku FROM fct_returns WHERE return_date BETWEEN ? AND ? ORDER BY sku')
    .run(returns.fromDate, returns.toDate);
  let cells = 0;
  for (const month of monthChunks(returns)) cells += writeCells(db, 'return', RETURN_SQL, [month.fromDate, month.toDate]);
  return cells;
}

/** The customer cells of one day: [customer, orders, net after refunds], as the line pass writes them. */
const CUSTOMER_DAY_SQL = `
SELECT o.currency, o.order_date, coalesce(o.channel_key, 0), '', o.customer_key, count(*), sum(o.gross_cents - o.discount_cents - o.refund_cents)
FROM fct_orders o
WHERE o.order_date = ? AND o.is_counted = 1 AND o.customer_key IS NOT NULL
GROUP BY 1, 2, 3, 5
ORDER BY 1, 2, 3, 5`;

/**
 * Rewrites the customer cells of days whose orders changed only in their refunds (a late return
 * on an old order): of everything the line pass derives, only these cells sum refunds by order date.
 */
export function refreshCustomerSets(db: Db, days: readonly string[]): number {
  const remove = db.prepare("DELETE FROM agg_day_sets WHERE kind = 'customer' AND date_key = ?");
  let cells = 0;
  for (const day of days) {
    remove.run(day);
    cells += writeCells(db, 'customer', CUSTOMER_DAY_SQL, [day]);
  }
  return cells;
}

/** The first-order cells depend on every order of a customer, and are few: rebuilt whole from the lifetime rows. */
export function refreshFirstSets(db: Db): number {
  db.prepare("DELETE FROM agg_day_sets WHERE kind = 'first'").run();
  return writeCells(db, 'first', FIRST_SQL, []);
}

function nextMonthStart(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

export function monthEnd(isoDate: string): string {
  return new Date(Date.parse(`${nextMonthStart(isoDate)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The range cut at month boundaries. */
export function monthChunks(range: RefreshRange): RefreshRange[] {
  const chunks: RefreshRange[] = [];
  for (let from = range.fromDate; from <= range.toDate; from = nextMonthStart(from)) {
    const last = monthEnd(from);
    chunks.push({ fromDate: from, toDate: last < range.toDate ? last : range.toDate });
  }
  return chunks;
}
