import type { Db } from '../../db/open';
import { decodeTuples, type DaySetKind } from './day-set-codec';

/**
 * The in-memory cells the line pass (line-pass.ts) sums into, and how they are written to
 * agg_day_sets (sales cells: sales-cells.ts).
 */

/** Sales measures in agg_sales_daily column order, after the 7 cell columns. */
export const SALES_MEASURES = 13;

export const SEP = '\u0001';

export interface SalesCell {
  parts: [string, string, number, string, string, string]; // date, currency, channel, region, segment, category
  m: number[];
}

/** Tuples of one agg_day_sets cell, keyed so they can be written in a stable order. */
export interface SetCell {
  cell: [string, string, number, string]; // currency, date_key, channel, category
  tuples: Map<number, number[]>;
}

export function cellOf<K, T>(map: Map<K, T>, key: K, make: () => T): T {
  let found = map.get(key);
  if (found === undefined) {
    found = make();
    map.set(key, found);
  }
  return found;
}

/** The set cell under `key`, made from its columns on first use: no array is built for a lookup that finds it. */
export function setCellAt(map: Map<number, SetCell>, key: number, currency: string, date: string, channel: number, category: string): SetCell {
  let found = map.get(key);
  if (found === undefined) map.set(key, (found = { cell: [currency, date, channel, category], tuples: new Map() }));
  return found;
}

export function addInto(target: number[], source: readonly number[], offset = 0): void {
  for (let i = 0; i < source.length; i++) target[offset + i] = (target[offset + i] ?? 0) + (source[i] ?? 0);
}

/**
 * Rows inserted BATCH at a time with one multi-row INSERT: hundreds of thousands of single-row
 * calls cost more in binding and call overhead than SQLite spends storing them.
 */
export function batchedInsert(db: Db, table: string, columns: number, batch = 32): { add(values: readonly (string | number)[]): void; flush(): void } {
  const row = `(${Array.from({ length: columns }, () => '?').join(', ')})`;
  const many = db.prepare(`INSERT INTO ${table} VALUES ${Array.from({ length: batch }, () => row).join(', ')}`);
  const one = db.prepare(`INSERT INTO ${table} VALUES ${row}`);
  let pending: (string | number)[] = [];
  return {
    add(values) {
      for (const v of values) pending.push(v);
      if (pending.length === batch * columns) {
        many.run(pending);
        pending = [];
      }
    },
    flush() {
      for (let i = 0; i < pending.length; i += columns) one.run(pending.slice(i, i + columns));
      pending = [];
    },
  };
}

/** Cells of agg_day_sets (or of agg_month_sets: same columns), tuples in key order. */
export function writeSetCells(db: Db, kind: DaySetKind | 'customer_category', cells: Map<number, SetCell>, table: 'agg_day_sets' | 'agg_month_sets' = 'agg_day_sets'): number {
  const insert = db.prepare(`INSERT INTO ${table} (kind, currency, date_key, channel_key, category, members, data) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  for (const { cell, tuples } of cells.values()) {
    const keys = [...tuples.keys()].sort((a, b) => a - b);
    const width = tuples.get(keys[0] ?? 0)?.length ?? 0;
    const packed = new Float64Array(keys.length * width);
    keys.forEach((key, i) => packed.set(tuples.get(key) ?? [], i * width));
    insert.run(kind, ...cell, keys.length, Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength));
  }
  return cells.size;
}

/**
 * The month's product cells [sku, net, units, lines] re-summed from its line day cells
 * [sku, customer, net, units, lines]: after an import that touched only some days of a month.
 */
export function productMonthFromLineCells(db: Db, month: string): number {
  db.prepare("DELETE FROM agg_day_sets WHERE kind = 'product' AND date_key = ?").run(month);
  const cells = new Map<string, SetCell>();
  const rows = db
    .prepare<[string, string], [string, number, string, Buffer]>(
      "SELECT currency, channel_key, category, data FROM agg_day_sets WHERE kind = 'line' AND date_key BETWEEN ? AND ?",
    )
    .raw()
    .all(`${month}-01`, `${month}-31`);
  for (const [currency, channel, category, data] of rows) {
    const cell = cellOf(cells, `${currency}${SEP}${channel}${SEP}${category}`, (): SetCell => ({ cell: [currency, month, channel, category], tuples: new Map() }));
    const d = decodeTuples(data);
    for (let i = 0; i < d.length; i += 5) {
      const skuId = d[i] as number;
      const tuple = cellOf(cell.tuples, skuId, () => [skuId, 0, 0, 0]);
      tuple[1] = (tuple[1] ?? 0) + (d[i + 2] as number);
      tuple[2] = (tuple[2] ?? 0) + (d[i + 3] as number);
      tuple[3] = (tuple[3] ?? 0) + (d[i + 4] as number);
    }
  }
  return writeSetCells(db, 'product', new Map([...cells.values()].map((cell, i) => [i, cell])));
}
