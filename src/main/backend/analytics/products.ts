import type { BestSellersResult, ParsedFilters, ProductRatingsResult } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { UNKNOWN_LABEL } from './labels';
import { productSales } from './product-sales';
import { cachedUntilDataChanges } from './read-cache';
import { metaOf, resolveScope, toUnits } from './scope';

export interface BestSellersOptions {
  by: 'revenue' | 'units';
  limit: number;
}

/** Best sellers by line net sales (after returns) or by units; fee lines (no product) are left out. */
export function bestSellers(db: Db, filters: ParsedFilters, options: BestSellersOptions): BestSellersResult {
  const scope = resolveScope(db, filters);
  const columns = ['sku', 'name', 'category', 'net_sales', 'units', 'orders', 'rank'];
  const empty = (): BestSellersResult => ({ meta: metaOf(scope, true), by: options.by, series: { columns, rows: [] } });
  if (scope.emptyReason || !scope.range) return empty();
  const products = productSales(db, scope, scope.range).filter((p) => p.isProduct);
  if (products.length === 0) return empty();
  const measure = (p: (typeof products)[number]): number => (options.by === 'units' ? p.units : p.net);
  products.sort((a, b) => measure(b) - measure(a) || a.sku.localeCompare(b.sku));
  const rows = products
    .slice(0, options.limit)
    .map((p, i) => [p.sku, p.name, p.category || UNKNOWN_LABEL, toUnits(p.net), p.units, p.lines, i + 1]);
  return { meta: metaOf(scope, false), by: options.by, series: { columns, rows } };
}

/** One point per product sold in the range: its sales and its average rating over all reviews. */
export function productRatings(db: Db, filters: ParsedFilters, options: { limit: number }): ProductRatingsResult {
  const scope = resolveScope(db, filters);
  const columns = ['sku', 'name', 'category', 'net_sales', 'units', 'avg_rating', 'reviews'];
  const empty = (): ProductRatingsResult => ({ meta: metaOf(scope, true), points: { columns, rows: [] } });
  if (scope.emptyReason || !scope.range) return empty();
  const ratings = cachedUntilDataChanges(db, 'ratings', () => new Map(
    db
      .prepare<[], { sku: string; avg: number; n: number }>('SELECT sku, avg(rating) AS avg, count(*) AS n FROM fct_reviews INDEXED BY fct_reviews_by_sku_rating GROUP BY sku')
      .all()
      .map((r) => [r.sku, r]),
  ));
  const points = productSales(db, scope, scope.range)
    .filter((p) => ratings.has(p.sku))
    .sort((a, b) => b.net - a.net || a.sku.localeCompare(b.sku))
    .slice(0, options.limit)
    .map((p) => {
      const rating = ratings.get(p.sku);
      return [p.sku, p.name, p.category || UNKNOWN_LABEL, toUnits(p.net), p.units, rating ? Math.round(rating.avg * 100) / 100 : null, rating?.n ?? 0];
    });
  if (points.length === 0) return empty();
  return { meta: metaOf(scope, false), points: { columns, rows: points } };
}
