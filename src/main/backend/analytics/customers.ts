import type {
  CustomerRow,
  CustomerSortKey,
  ParsedFilters,
  TopCustomersByRegionResult,
  TopCustomersResult,
} from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerDimensionConditions, dimensionConditions } from './dimensions';
import { UNKNOWN_LABEL } from './labels';
import { metaOf, resolveScope, toUnits, type Scope } from './scope';

/** Allow-list: a sort key from the request picks one of these expressions, never raw text. */
const SORT_SQL: Record<CustomerSortKey, string> = {
  net_revenue: 'r.net',
  orders: 'r.orders',
  first_order: 'r.first_order_date',
  last_order: 'r.last_order_date',
  name: 'r.name COLLATE NOCASE',
  clv: 'r.clv',
};

/**
 * Per-customer orders and net revenue in the range. Net revenue per customer = gross −
 * discounts − refunds of the customer's orders placed in the range (refunds follow their
 * order, as in historical CLV). Under a category filter: Σ net of the customer's lines in
 * those categories (before returns).
 */
function perCustomerSql(scope: Scope): { sql: string; params: unknown[] } {
  const range = scope.range ?? { from: '', to: '' };
  if (scope.categories) {
    const where = dimensionConditions(scope, 'x');
    return {
      sql: `SELECT x.customer_key, count(DISTINCT x.order_key) AS orders, sum(x.net) AS net FROM (
              SELECT o.customer_key, o.order_key, i.net_cents AS net, coalesce(o.channel_key, 0) AS channel_key,
                coalesce(c.region, '') AS region, coalesce(c.segment, '') AS segment, coalesce(p.category, '') AS category
              FROM fct_order_items i JOIN fct_orders o ON o.order_key = i.order_key
              LEFT JOIN dim_product p ON p.product_key = i.product_key
              LEFT JOIN dim_customer c ON c.customer_key = o.customer_key
              WHERE o.order_date BETWEEN ? AND ? AND o.is_counted = 1 AND o.currency = ? AND o.customer_key IS NOT NULL) x
            WHERE 1 = 1${where.sql} GROUP BY x.customer_key`,
      params: [range.from, range.to, scope.currency, ...where.params],
    };
  }
  const where = customerDimensionConditions(scope, 'a');
  return {
    sql: `SELECT a.customer_key, sum(a.orders) AS orders, sum(a.gross_cents - a.discount_cents - a.refund_cents) AS net
          FROM agg_customer_daily a WHERE a.date_key BETWEEN ? AND ? AND a.currency = ?${where.sql} GROUP BY +a.customer_key`,
    params: [range.from, range.to, scope.currency, ...where.params],
  };
}

function rankedSql(scope: Scope): { sql: string; params: unknown[] } {
  const per = perCustomerSql(scope);
  return {
    sql: `WITH per AS (${per.sql}),
      r AS (SELECT c.customer_id, c.name, c.email, c.region, c.segment, per.orders, per.net,
              l.first_order_date, l.last_order_date, coalesce(l.net_cents, 0) AS clv,
              RANK() OVER (ORDER BY per.net DESC) AS rnk
            FROM per JOIN dim_customer c ON c.customer_key = per.customer_key
            LEFT JOIN agg_customer_lifetime l ON l.customer_key = per.customer_key AND l.currency = ?)`,
    params: [...per.params, scope.currency],
  };
}

interface RankedRow {
  customer_id: string;
  name: string | null;
  email: string | null;
  region: string | null;
  segment: string | null;
  orders: number;
  net: number;
  first_order_date: string | null;
  last_order_date: string | null;
  clv: number;
  rnk: number;
  total?: number;
}

function toCustomerRow(r: RankedRow): CustomerRow {
  return {
    customerId: r.customer_id,
    name: r.name,
    email: r.email,
    region: r.region,
    segment: r.segment,
    orders: Number(r.orders),
    netRevenue: toUnits(r.net),
    firstOrder: r.first_order_date,
    lastOrder: r.last_order_date,
    clv: toUnits(r.clv),
    rank: Number(r.rnk),
  };
}

export interface TopCustomersOptions {
  search: string;
  sort: CustomerSortKey;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** Server-side sorted, searched and paged, so a table over 100k customers stays fast. */
export function topCustomers(db: Db, filters: ParsedFilters, options: TopCustomersOptions): TopCustomersResult {
  const scope = resolveScope(db, filters);
  const page = { offset: options.offset, limit: options.limit };
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), total: 0, ...page, rows: [] };
  const ranked = rankedSql(scope);
  const search = options.search.trim();
  const pattern = `%${search.replaceAll('\\', '\\\\').replaceAll('%', '\\%').replaceAll('_', '\\_')}%`;
  const searchSql = search
    ? "WHERE r.customer_id LIKE ? ESCAPE '\\' OR r.name LIKE ? ESCAPE '\\' OR r.email LIKE ? ESCAPE '\\'"
    : '';
  const direction = options.direction === 'asc' ? 'ASC' : 'DESC';
  const rows = db
    .prepare<unknown[], RankedRow>(
      `${ranked.sql} SELECT r.*, count(*) OVER () AS total FROM r ${searchSql}
       ORDER BY ${SORT_SQL[options.sort]} ${direction} NULLS LAST, r.customer_id LIMIT ? OFFSET ?`,
    )
    .all(...ranked.params, ...(search ? [pattern, pattern, pattern] : []), options.limit, options.offset);
  const total = Number(rows[0]?.total ?? 0);
  const meta = metaOf(scope, rows.length === 0);
  if (rows.length === 0 && search) meta.emptyReason = `No customer matching "${search}" has orders under these filters.`;
  return { meta, total, ...page, rows: rows.map(toCustomerRow) };
}

/** The top N customers by net revenue within each region (ROW_NUMBER over the region partition). */
export function topCustomersByRegion(db: Db, filters: ParsedFilters, options: { perRegion: number }): TopCustomersByRegionResult {
  const scope = resolveScope(db, filters);
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), perRegion: options.perRegion, regions: [] };
  const ranked = rankedSql(scope);
  const rows = db
    .prepare<unknown[], RankedRow & { rn: number }>(
      `${ranked.sql}, by_region AS (
         SELECT r.*, ROW_NUMBER() OVER (PARTITION BY coalesce(r.region, '') ORDER BY r.net DESC, r.customer_id) AS rn FROM r)
       SELECT * FROM by_region WHERE rn <= ? ORDER BY coalesce(region, ''), rn`,
    )
    .all(...ranked.params, options.perRegion);
  const regions = new Map<string, CustomerRow[]>();
  for (const row of rows) {
    const region = row.region ?? UNKNOWN_LABEL;
    regions.set(region, [...(regions.get(region) ?? []), { ...toCustomerRow(row), rank: Number(row.rn) }]);
  }
  return {
    meta: metaOf(scope, rows.length === 0),
    perRegion: options.perRegion,
    regions: [...regions].map(([region, customers]) => ({ region, customers })),
  };
}
