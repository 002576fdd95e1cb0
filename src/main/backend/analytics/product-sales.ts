import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { dimensionConditions } from './dimensions';
import type { Scope } from './scope';

export interface ProductSales {
  sku: string;
  name: string | null;
  category: string;
  /** Line net after returns booked in the range (cents). */
  net: number;
  units: number;
  lines: number;
}

/**
 * Sales per SKU in the range. Without a channel/region/segment filter this reads the
 * product-day aggregate; with one it reads the order lines of the range (index on order_date).
 */
export function productSales(db: Db, scope: Scope, range: DateRange): ProductSales[] {
  const hasCustomerFilters = scope.channelKeys !== null || scope.regions !== null || scope.segments !== null;
  const where = dimensionConditions(scope, 'x');
  const salesSource = hasCustomerFilters
    ? `SELECT i.sku, coalesce(p.category, '') AS category, i.net_cents AS net, i.quantity AS units, 1 AS lines,
         coalesce(o.channel_key, 0) AS channel_key, coalesce(c.region, '') AS region, coalesce(c.segment, '') AS segment
       FROM fct_order_items i
       JOIN fct_orders o ON o.order_key = i.order_key
       LEFT JOIN dim_product p ON p.product_key = i.product_key
       LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
       WHERE o.order_date BETWEEN ? AND ? AND o.is_counted = 1 AND o.currency = ?`
    : `SELECT a.sku, a.category, a.line_net_cents AS net, a.units, a.lines
       FROM agg_product_daily a WHERE a.date_key BETWEEN ? AND ? AND a.currency = ?`;
  const sql = `
    WITH x AS (${salesSource}),
    sold AS (SELECT x.sku, max(x.category) AS category, sum(x.net) AS net, sum(x.units) AS units, sum(x.lines) AS lines
             FROM x WHERE 1 = 1${where.sql} GROUP BY x.sku),
    r AS (SELECT r.sku, coalesce(p.category, '') AS category, r.refund_cents AS refund,
            coalesce(o.channel_key, 0) AS channel_key, coalesce(c.region, '') AS region, coalesce(c.segment, '') AS segment
          FROM fct_returns r
          JOIN fct_orders o ON o.order_key = r.order_key
          LEFT JOIN dim_product p ON p.product_key = r.product_key
          LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
          WHERE r.return_date BETWEEN ? AND ? AND o.is_counted = 1 AND o.currency = ?),
    refunded AS (SELECT r.sku, sum(r.refund) AS refund FROM r WHERE 1 = 1${where.sql.replaceAll('x.', 'r.')} GROUP BY r.sku)
    SELECT s.sku, (SELECT name FROM dim_product d WHERE d.sku = s.sku AND d.is_current = 1) AS name, s.category,
      s.net - coalesce(f.refund, 0) AS net, s.units, s.lines
    FROM sold s LEFT JOIN refunded f ON f.sku = s.sku`;
  return db
    .prepare<unknown[], ProductSales>(sql)
    .all(range.from, range.to, scope.currency, ...where.params, range.from, range.to, scope.currency, ...where.params)
    .map((row) => ({ ...row, net: Number(row.net), units: Number(row.units), lines: Number(row.lines) }));
}
