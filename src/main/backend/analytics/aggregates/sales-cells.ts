import type { Db } from '../../db/open';
import { GROUPING_IDS } from '../dimensions';
import { addInto, batchedInsert, SALES_MEASURES, SEP, type SalesCell } from './line-cells';

/**
 * The cells of one grouping set, summed from the finest cells of a month: the parts a grouping
 * rolls up become 0 / ''. Each finest cell's parts are ranked once (per part, by value), so a
 * projection keys its cells by a number and sorts numbers: building and sorting a joined string
 * per cell and grouping was most of writing a month's sales cells. Ranks follow SQLite's order
 * of the key columns, so the sorted cells append to agg_sales_daily's b-tree.
 */
export interface RankedCells {
  cells: readonly SalesCell[];
  /** Per cell, the rank of each of its six parts among the month's values of that part. */
  ranks: Int32Array;
  /** Per part, how much a rank step moves the key: a mixed-radix number over the six parts. */
  weights: number[];
}

const PARTS = 6;
/** Parts 2, 3, 4 (channel, region, segment) are kept by grouping bits 1, 2, 4; category by bit 8. */
const PART_BITS = [0, 0, 1, 2, 4, 8];

const compareParts = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Ranks the parts of `source`'s cells, or null when their key would not fit a double exactly. */
export function rankCells(source: ReadonlyMap<unknown, SalesCell>): RankedCells | null {
  const cells = [...source.values()];
  const ranks = new Int32Array(cells.length * PARTS);
  const weights = new Array<number>(PARTS).fill(0);
  let radix = 1;
  for (let part = PARTS - 1; part >= 0; part -= 1) {
    const values = [...new Set(cells.map((cell) => cell.parts[part] as string | number))].sort(compareParts);
    const rankOf = new Map(values.map((value, rank) => [value, rank]));
    cells.forEach((cell, i) => (ranks[i * PARTS + part] = rankOf.get(cell.parts[part] as string | number) as number));
    weights[part] = radix;
    radix *= Math.max(1, values.length);
  }
  return radix <= Number.MAX_SAFE_INTEGER ? { cells, ranks, weights } : null;
}

/** Day cells ('YYYY-MM-DD') or their month's cells ('YYYY-MM'), as agg_sales_daily and agg_sales_monthly key them. */
export type CellGrain = 'day' | 'month';

function keptParts(parts: SalesCell['parts'], groupingId: number, grain: CellGrain): SalesCell['parts'] {
  const [date, currency, channel, region, segment, category] = parts;
  return [grain === 'day' ? date : date.slice(0, 7), currency, (groupingId & 1) !== 0 ? channel : 0, (groupingId & 2) !== 0 ? region : '',
    (groupingId & 4) !== 0 ? segment : '', (groupingId & 8) !== 0 ? category : ''];
}

/** The grouping's cells in key order; at month grain the cells of all a month's days add up. */
export function projectRanked({ cells, ranks, weights }: RankedCells, groupingId: number, grain: CellGrain = 'day'): SalesCell[] {
  const kept = weights.map((weight, part) => {
    if (part === 0) return grain === 'day' ? weight : 0;
    return (PART_BITS[part] as number) === 0 || (groupingId & (PART_BITS[part] as number)) !== 0 ? weight : 0;
  });
  const projected = new Map<number, SalesCell>();
  for (let i = 0; i < cells.length; i += 1) {
    let key = 0;
    for (let part = 0; part < PARTS; part += 1) key += (ranks[i * PARTS + part] as number) * (kept[part] as number);
    const cell = cells[i] as SalesCell;
    let target = projected.get(key);
    if (target === undefined) projected.set(key, (target = { parts: keptParts(cell.parts, groupingId, grain), m: new Array<number>(SALES_MEASURES).fill(0) }));
    addInto(target.m, cell.m);
  }
  return [...projected.keys()].sort((a, b) => a - b).map((key) => projected.get(key) as SalesCell);
}

/** The same by joined-string keys: for a month whose parts are too many to number. */
export function projectByText(source: ReadonlyMap<unknown, SalesCell>, groupingId: number, grain: CellGrain = 'day'): SalesCell[] {
  const projected = new Map<string, SalesCell>();
  for (const { parts, m } of source.values()) {
    const kept = keptParts(parts, groupingId, grain);
    const key = kept.join(SEP);
    let target = projected.get(key);
    if (target === undefined) projected.set(key, (target = { parts: kept, m: new Array<number>(SALES_MEASURES).fill(0) }));
    addInto(target.m, m);
  }
  return [...projected.keys()].sort().map((key) => projected.get(key) as SalesCell);
}

/**
 * Writes every grouping set of a month's sales cells to agg_sales_daily, each in key order, and
 * returns the rows written; with the 'month' grain (a whole month) also its agg_sales_monthly
 * cells, so they need not be re-summed from the day cells by a sort of every day cell.
 * Every materialised grouping is a projection of the two finest ones: with category kept, each
 * (order, category) counts once per cell of grouping 15, so its sums project exactly; without
 * category, each order counts once in the channel × region × segment cells.
 */
export function writeSalesCells(db: Db, byCategory: ReadonlyMap<unknown, SalesCell>, byOrderDims: ReadonlyMap<unknown, SalesCell>, grains: readonly CellGrain[] = ['day']): number {
  const ranked = new Map([byCategory, byOrderDims].map((source) => [source, rankCells(source)]));
  let rows = 0;
  for (const grain of grains) {
    const insert = batchedInsert(db, grain === 'day' ? 'agg_sales_daily' : 'agg_sales_monthly', 7 + SALES_MEASURES);
    for (const groupingId of GROUPING_IDS) {
      const source = (groupingId & 8) !== 0 ? byCategory : byOrderDims;
      const ranks = ranked.get(source);
      const cells = ranks ? projectRanked(ranks, groupingId, grain) : projectByText(source, groupingId, grain);
      for (const { parts, m } of cells) insert.add([groupingId, ...parts, ...m]);
      if (grain === 'day') rows += cells.length;
    }
    insert.flush();
  }
  return rows;
}
