import type { Db } from '../../db/open';
import { decodeTuples, encodeTuples } from './day-set-codec';

/**
 * agg_month_sets (0021_analytics_month_sets.sql): the whole-month union of the day cells, built
 * from agg_day_sets after those are current, so it can never disagree with them. A month is
 * rebuilt whole: every cell of the month is re-read, not just the days an import touched.
 */

type MonthKind = 'customer' | 'customer_category' | 'line' | 'return';

interface MonthCell {
  currency: string;
  channel: number;
  category: string;
  tuples: Map<string | number, number[]>;
}

const dayNumber = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;

/** Whether the warehouse has the 0021 tables (a warehouse migrated before 0021 existed may not). */
export function hasMonthSets(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'agg_month_sets'").get() !== undefined;
}

function readMonthDayCells(db: Db, kind: string, currencies: readonly string[], month: string): { currency: string; day: number; channel: number; category: string; data: Float64Array }[] {
  const select = db.prepare<[string, string, string, string], [string, string, number, string, Buffer]>(
    `SELECT currency, date_key, channel_key, category, data FROM agg_day_sets
     WHERE kind = ? AND currency = ? AND date_key BETWEEN ? AND ?`,
  ).raw();
  return currencies.flatMap((currency) =>
    select.all(kind, currency, `${month}-01`, `${month}-31`).map(([cur, date, channel, category, data]) => ({ currency: cur, day: dayNumber(date), channel, category, data: decodeTuples(data) })),
  );
}

function cellFor(cells: Map<string, MonthCell>, currency: string, channel: number, category: string): MonthCell {
  const key = `${currency}\u0001${channel}\u0001${category}`;
  let cell = cells.get(key);
  if (!cell) {
    cell = { currency, channel, category, tuples: new Map() };
    cells.set(key, cell);
  }
  return cell;
}

function customerCells(db: Db, currencies: readonly string[], month: string): Map<string, MonthCell> {
  const cells = new Map<string, MonthCell>();
  for (const { currency, day, channel, data } of readMonthDayCells(db, 'customer', currencies, month)) {
    const cell = cellFor(cells, currency, channel, '');
    for (let i = 0; i < data.length; i += 3) {
      const key = data[i] as number;
      const tuple = cell.tuples.get(key) ?? [key, 0, 0, day, day];
      tuple[1] = (tuple[1] ?? 0) + (data[i + 1] as number);
      tuple[2] = (tuple[2] ?? 0) + (data[i + 2] as number);
      if (day < (tuple[3] ?? day)) tuple[3] = day;
      if (day > (tuple[4] ?? 0)) tuple[4] = day;
      cell.tuples.set(key, tuple);
    }
  }
  return cells;
}

/** From the order cells [order, customer, line net, shipping]: each order is in one day cell per category. */
function customerCategoryCells(db: Db, currencies: readonly string[], month: string): Map<string, MonthCell> {
  const cells = new Map<string, MonthCell>();
  for (const { currency, day, channel, category, data } of readMonthDayCells(db, 'order', currencies, month)) {
    const cell = cellFor(cells, currency, channel, category);
    for (let i = 0; i < data.length; i += 4) {
      const key = data[i + 1] as number;
      const tuple = cell.tuples.get(key) ?? [key, 0, 0, 0, day];
      tuple[1] = (tuple[1] ?? 0) + 1;
      tuple[2] = (tuple[2] ?? 0) + (data[i + 2] as number);
      tuple[3] = (tuple[3] ?? 0) + (data[i + 3] as number);
      if (day > (tuple[4] ?? 0)) tuple[4] = day;
      cell.tuples.set(key, tuple);
    }
  }
  return cells;
}

/** From the line cells [sku, customer, net, units, lines]: one entry per (SKU, customer) in the month. */
function lineCells(db: Db, currencies: readonly string[], month: string): Map<string, MonthCell> {
  const cells = new Map<string, MonthCell>();
  for (const { currency, channel, category, data } of readMonthDayCells(db, 'line', currencies, month)) {
    const cell = cellFor(cells, currency, channel, category);
    for (let i = 0; i < data.length; i += 5) {
      const key = (data[i] as number) * 67_108_864 + (data[i + 1] as number) + 1;
      const tuple = cell.tuples.get(key) ?? [data[i] as number, data[i + 1] as number, 0, 0, 0];
      tuple[2] = (tuple[2] ?? 0) + (data[i + 2] as number);
      tuple[3] = (tuple[3] ?? 0) + (data[i + 3] as number);
      tuple[4] = (tuple[4] ?? 0) + (data[i + 4] as number);
      cell.tuples.set(key, tuple);
    }
  }
  return cells;
}

/** From the return cells [order, customer, sku id, refund]: one entry per (order, SKU) in the month. */
function returnCells(db: Db, currencies: readonly string[], month: string): Map<string, MonthCell> {
  const cells = new Map<string, MonthCell>();
  for (const { currency, channel, category, data } of readMonthDayCells(db, 'return', currencies, month)) {
    const cell = cellFor(cells, currency, channel, category);
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]}:${data[i + 2]}`;
      const tuple = cell.tuples.get(key) ?? [data[i] as number, data[i + 1] as number, data[i + 2] as number, 0];
      tuple[3] = (tuple[3] ?? 0) + (data[i + 3] as number);
      cell.tuples.set(key, tuple);
    }
  }
  return cells;
}

function writeMonth(db: Db, kind: MonthKind, month: string, cells: Map<string, MonthCell>): number {
  const insert = db.prepare('INSERT INTO agg_month_sets (kind, currency, date_key, channel_key, category, members, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const cell of cells.values()) {
    // Sorted by the leading tuple values (as line-pass.ts writes them), so a rebuild writes identical blobs.
    const tuples = [...cell.tuples.values()].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0));
    insert.run(kind, cell.currency, month, cell.channel, cell.category, tuples.length, encodeTuples(tuples.flat()));
  }
  return cells.size;
}

/** Rebuilds the month cells ('YYYY-MM') of the months with refreshed order days and of those with refreshed return days. */
export function refreshMonthSets(db: Db, orderMonths: readonly string[], returnMonths: readonly string[]): number {
  if (!hasMonthSets(db)) return 0;
  const currencies = db.prepare<[], string>("SELECT DISTINCT currency FROM agg_sales_daily WHERE grouping_id = 0 UNION SELECT DISTINCT currency FROM agg_returns_daily WHERE grouping_id = 0").pluck().all();
  const remove = db.prepare('DELETE FROM agg_month_sets WHERE kind = ? AND date_key = ?');
  let cells = 0;
  for (const month of new Set(orderMonths)) {
    remove.run('customer', month);
    remove.run('customer_category', month);
    remove.run('line', month);
    cells += writeMonth(db, 'customer', month, customerCells(db, currencies, month));
    cells += writeMonth(db, 'customer_category', month, customerCategoryCells(db, currencies, month));
    cells += writeMonth(db, 'line', month, lineCells(db, currencies, month));
  }
  for (const month of new Set(returnMonths)) {
    remove.run('return', month);
    cells += writeMonth(db, 'return', month, returnCells(db, currencies, month));
  }
  return cells;
}

export interface LifetimeSums {
  orders: number;
  net: number;
  firstDay: number;
  lastDay: number;
}

/**
 * Lifetime orders, net, first and last order day per customer and currency, from every
 * 'customer' month cell (no pass over fct_orders). `keep` limits it to some customers.
 */
export function lifetimeFromMonthSets(db: Db, keep: (customerKey: number) => boolean): Map<string, Map<number, LifetimeSums>> {
  const byCurrency = new Map<string, Map<number, LifetimeSums>>();
  const rows = db.prepare<[], [string, Buffer]>("SELECT currency, data FROM agg_month_sets WHERE kind = 'customer'").raw().all();
  for (const [currency, blob] of rows) {
    let sums = byCurrency.get(currency);
    if (!sums) {
      sums = new Map();
      byCurrency.set(currency, sums);
    }
    const d = decodeTuples(blob);
    for (let i = 0; i < d.length; i += 5) {
      const key = d[i] as number;
      if (!keep(key)) continue;
      const entry = sums.get(key);
      if (!entry) {
        sums.set(key, { orders: d[i + 1] as number, net: d[i + 2] as number, firstDay: d[i + 3] as number, lastDay: d[i + 4] as number });
        continue;
      }
      entry.orders += d[i + 1] as number;
      entry.net += d[i + 2] as number;
      entry.firstDay = Math.min(entry.firstDay, d[i + 3] as number);
      entry.lastDay = Math.max(entry.lastDay, d[i + 4] as number);
    }
  }
  return byCurrency;
}
