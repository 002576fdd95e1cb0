import { AppError } from '../../../../shared/result';
import type { Db } from '../../db/open';

/**
 * Loaders from the star schema. Only counted orders (paid, not cancelled: fct_orders.is_counted)
 * feed the models, and only product lines (dim_product.is_product; fees and postage are not
 * things anyone "buys together"). Rows stream through raw iterators into typed arrays so a
 * million order lines never become a million objects.
 */

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The currency with the most counted net revenue: models never add currencies together. */
export function dominantCurrency(db: Db, requested?: string): string {
  if (requested) return requested;
  const row = db
    .prepare<[], { currency: string }>(
      'SELECT currency FROM fct_orders WHERE is_counted = 1 GROUP BY currency ORDER BY sum(net_cents) DESC, currency LIMIT 1',
    )
    .get();
  if (!row) throw new AppError('NOT_AVAILABLE', 'There are no paid orders in the warehouse yet: import data or generate a demo store first.');
  return row.currency;
}

export interface PurchaseLines {
  /** Dense customer index per line. */
  users: Int32Array;
  /** Dense item index per line. */
  items: Int32Array;
  days: Int32Array;
  /** Dense basket (order) index per line. */
  baskets: Int32Array;
  length: number;
  skus: string[];
  customerKeys: number[];
  basketCount: number;
}

class GrowableInt32 {
  data = new Int32Array(1 << 16);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** Product lines of counted orders with a known customer, in order-key order. */
export function loadPurchaseLines(db: Db, options: { requireCustomer: boolean }): PurchaseLines {
  const statement = db
    .prepare(
      `SELECT oi.customer_key, oi.sku, oi.order_date, oi.order_key
       FROM fct_order_items oi
       JOIN fct_orders o ON o.order_key = oi.order_key
       LEFT JOIN dim_product p ON p.product_key = oi.product_key
       WHERE o.is_counted = 1 AND oi.quantity > 0 AND coalesce(p.is_product, 1) = 1
         ${options.requireCustomer ? 'AND oi.customer_key IS NOT NULL' : ''}
       ORDER BY oi.order_key`,
    )
    .raw(true);
  const users = new GrowableInt32();
  const items = new GrowableInt32();
  const days = new GrowableInt32();
  const baskets = new GrowableInt32();
  const userIndex = new Map<number, number>();
  const itemIndex = new Map<string, number>();
  const skus: string[] = [];
  const customerKeys: number[] = [];
  let lastOrder = -1;
  let basketCount = 0;
  const dayCache = new Map<string, number>();
  for (const row of statement.iterate() as IterableIterator<[number | null, string, string, number]>) {
    const [customerKey, sku, orderDate, orderKey] = row;
    let user = -1;
    if (customerKey !== null) {
      user = userIndex.get(customerKey) ?? -1;
      if (user < 0) {
        user = customerKeys.length;
        userIndex.set(customerKey, user);
        customerKeys.push(customerKey);
      }
    }
    let item = itemIndex.get(sku);
    if (item === undefined) {
      item = skus.length;
      itemIndex.set(sku, item);
      skus.push(sku);
    }
    let day = dayCache.get(orderDate);
    if (day === undefined) {
      day = dayNumber(orderDate);
      dayCache.set(orderDate, day);
    }
    if (orderKey !== lastOrder) {
      lastOrder = orderKey;
      basketCount += 1;
    }
    users.push(user);
    items.push(item);
    days.push(day);
    baskets.push(basketCount - 1);
  }
  return {
    users: users.toArray(),
    items: items.toArray(),
    days: days.toArray(),
    baskets: baskets.toArray(),
    length: users.length,
    skus,
    customerKeys,
    basketCount,
  };
}

export interface CustomerOrders {
  /** Sorted by customer, then day. */
  customerKeys: Int32Array;
  days: Int32Array;
  netCents: Float64Array;
  length: number;
  customerIds: Map<number, string>;
}

/** Counted orders of known customers in one currency, for CLV and RFM. */
export function loadCustomerOrders(db: Db, currency: string): CustomerOrders {
  const statement = db
    .prepare(
      `SELECT customer_key, order_date, net_cents FROM fct_orders
       WHERE is_counted = 1 AND customer_key IS NOT NULL AND currency = ?
       ORDER BY customer_key, order_date, order_key`,
    )
    .raw(true);
  const keys = new GrowableInt32();
  const days = new GrowableInt32();
  const net: number[] = [];
  for (const [customerKey, orderDate, netCents] of statement.iterate(currency) as IterableIterator<[number, string, number]>) {
    keys.push(customerKey);
    days.push(dayNumber(orderDate));
    net.push(netCents);
  }
  const customerIds = new Map<number, string>();
  for (const row of db.prepare('SELECT customer_key, customer_id FROM dim_customer').raw(true).iterate() as IterableIterator<[number, string]>) {
    customerIds.set(row[0], row[1]);
  }
  return { customerKeys: keys.toArray(), days: days.toArray(), netCents: Float64Array.from(net), length: keys.length, customerIds };
}

/** Counted net revenue per order date in one currency, in cents. */
export function loadDailyNetRevenue(db: Db, currency: string): { date: string; netCents: number }[] {
  return db
    .prepare<[string], { date: string; netCents: number }>(
      `SELECT order_date AS date, sum(net_cents) AS netCents FROM fct_orders
       WHERE is_counted = 1 AND currency = ? GROUP BY order_date ORDER BY order_date`,
    )
    .all(currency);
}

/** SKUs whose latest inventory snapshot has nothing left to sell (on hand − allocated ≤ 0). */
export function outOfStockSkus(db: Db): Set<string> {
  const rows = db
    .prepare<[], { sku: string }>(
      `SELECT f.sku FROM fct_inventory_daily f
       WHERE f.date_key = (SELECT max(g.date_key) FROM fct_inventory_daily g WHERE g.sku = f.sku)
         AND f.on_hand - f.allocated <= 0`,
    )
    .all();
  return new Set(rows.map((r) => r.sku));
}
