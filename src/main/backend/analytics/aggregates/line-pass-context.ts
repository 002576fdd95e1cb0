import type { Db } from '../../db/open';
import { cellOf, SEP } from './line-cells';
import { hasMonthSets } from './month-sets';

/** Distinct (region, segment) pairs a key can tell apart: 5 + 10 + 10 + 18 + 10 bits fill a double's 53. */
export const DIMS_RADIX = 1 << 18;

export interface LinePassContext {
  categoryOf: Map<number, string>;
  /** Region and segment per customer_key ('' when unknown), read once instead of a join per order. */
  regionOf: string[];
  segmentOf: string[];
  /** Per customer_key, a small id of its (region, segment) pair; 0 is ('', ''), as for no customer. */
  dimsOf: number[];
  skuIdOf: Map<string, number>;
  nextSkuId: number;
  newSkus: [number, string][];
  /** The warehouse has agg_month_sets (0021): whole months write their month cells here too. */
  withMonthSets: boolean;
}

/** Lookups shared by every month of one refresh: product version → category, SKU → stable id. */
export function linePassContext(db: Db): LinePassContext {
  const categoryOf = new Map(db.prepare<[], [number, string]>("SELECT product_key, coalesce(category, '') FROM dim_product").raw().all());
  const skuIdOf = new Map(db.prepare<[], [string, number]>('SELECT sku, sku_id FROM agg_sku').raw().all());
  const nextSkuId = Math.max(0, ...skuIdOf.values()) + 1;
  const regionOf: string[] = [];
  const segmentOf: string[] = [];
  const dimsOf: number[] = [];
  const dimsIds = new Map<string, number>([[SEP, 0]]);
  for (const [key, region, segment] of db.prepare<[], [number, string, string]>("SELECT customer_key, coalesce(region, ''), coalesce(segment, '') FROM dim_customer").raw().iterate()) {
    regionOf[key] = region;
    segmentOf[key] = segment;
    dimsOf[key] = cellOf(dimsIds, `${region}${SEP}${segment}`, () => dimsIds.size);
  }
  if (dimsIds.size > DIMS_RADIX) throw new Error(`Too many region × segment pairs for the analytics cells (${dimsIds.size}; at most ${DIMS_RADIX}).`);
  return { categoryOf, regionOf, segmentOf, dimsOf, skuIdOf, nextSkuId, newSkus: [], withMonthSets: hasMonthSets(db) };
}

/**
 * A stable id for a SKU: known ids come from agg_sku; a new SKU takes the next id, written to
 * agg_sku after the month's lines are read (nothing may be written while a statement iterates).
 * agg_sku only grows, so ids never change.
 */
export function skuIdFor(context: LinePassContext, sku: string): number {
  let id = context.skuIdOf.get(sku);
  if (id === undefined) {
    id = context.nextSkuId++;
    context.skuIdOf.set(sku, id);
    context.newSkus.push([id, sku]);
  }
  return id;
}

export function saveNewSkus(db: Db, context: LinePassContext): void {
  const insert = db.prepare('INSERT INTO agg_sku (sku_id, sku) VALUES (?, ?)');
  for (const [id, sku] of context.newSkus) insert.run(id, sku);
  context.newSkus = [];
}
