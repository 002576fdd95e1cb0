import type { ProductDetail } from '../../../shared/contract/analytics';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { addDays, toUnits } from './scope';

interface VersionRecord {
  product_key: number;
  name: string | null;
  category: string | null;
  brand: string | null;
  supplier: string | null;
  valid_from: string;
  valid_to: string | null;
  list_price_cents: number | null;
  cost_cents: number | null;
  is_current: number;
}

/** One SKU: its SCD-2 price/cost versions, latest stock with 90 days of history, sales per currency, rating. */
export function productDetail(db: Db, sku: string): ProductDetail {
  const versions = db.prepare<[string], VersionRecord>('SELECT * FROM dim_product WHERE sku = ? ORDER BY valid_from').all(sku);
  const current = versions.find((v) => v.is_current === 1) ?? versions.at(-1);
  if (!current) throw new AppError('NOT_FOUND', `No product with SKU "${sku}".`, { sku });
  const stock = db
    .prepare<[string], { date_key: string; on_hand: number; allocated: number; reorder_point: number }>(
      'SELECT date_key, on_hand, allocated, reorder_point FROM fct_inventory_daily WHERE sku = ? ORDER BY date_key DESC LIMIT 1',
    )
    .get(sku);
  const history = stock
    ? db
        .prepare<[string, string], { date_key: string; on_hand: number; allocated: number; reorder_point: number }>(
          'SELECT date_key, on_hand, allocated, reorder_point FROM fct_inventory_daily WHERE sku = ? AND date_key > ? ORDER BY date_key',
        )
        .all(sku, addDays(stock.date_key, -90))
    : [];
  const rating = db.prepare<[string], { avg: number | null; n: number }>('SELECT avg(rating) AS avg, count(*) AS n FROM fct_reviews WHERE sku = ?').get(sku);
  const sales = db
    .prepare<[string], { currency: string; units: number; net: number; orders: number }>(
      `SELECT a.currency, sum(a.units) AS units, sum(a.line_net_cents) AS net, sum(a.lines) AS orders
       FROM agg_product_daily a WHERE a.sku = ? GROUP BY a.currency ORDER BY net DESC`,
    )
    .all(sku);
  return {
    sku,
    name: current.name,
    category: current.category,
    brand: current.brand,
    supplier: current.supplier,
    versions: versions.map((v) => ({
      productKey: v.product_key,
      validFrom: v.valid_from,
      validTo: v.valid_to,
      listPrice: v.list_price_cents === null ? null : toUnits(v.list_price_cents),
      cost: v.cost_cents === null ? null : toUnits(v.cost_cents),
      isCurrent: v.is_current === 1,
    })),
    stock: stock
      ? { asOf: stock.date_key, onHand: stock.on_hand, allocated: stock.allocated, reorderPoint: stock.reorder_point, isAtRisk: stock.on_hand - stock.allocated < stock.reorder_point }
      : null,
    stockHistory: { columns: ['date', 'on_hand', 'allocated', 'reorder_point'], rows: history.map((h) => [h.date_key, h.on_hand, h.allocated, h.reorder_point]) },
    sales: sales.map((s) => ({ currency: s.currency, units: Number(s.units), netSales: toUnits(s.net), orders: Number(s.orders) })),
    rating: { average: rating?.avg === null || rating?.avg === undefined ? null : Math.round(rating.avg * 100) / 100, reviews: Number(rating?.n ?? 0) },
  };
}
