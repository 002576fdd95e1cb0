import type { Db } from '../../db/open';

/**
 * Hand-specified warehouse rows for analytics tests, written straight into dim_* / fct_*.
 * Amounts are integer cents. Tests compute expected figures from these same specs in plain
 * TypeScript (see expectations.ts), never with the engine's SQL.
 */
export interface FixtureChannel {
  code: string;
  label: string;
}
export interface FixtureCustomer {
  id: string;
  name: string;
  email: string;
  region: string | null;
  segment: string | null;
}
export interface FixtureProductVersion {
  validFrom: string;
  listPriceCents: number;
  costCents: number;
}
export interface FixtureProduct {
  sku: string;
  name: string;
  category: string | null;
  reorderPoint: number;
  isProduct: boolean;
  versions: FixtureProductVersion[];
}
export interface FixtureLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
  discountCents: number;
  taxCents: number;
}
export type FixtureStatus = 'created' | 'paid' | 'fulfilled' | 'delivered' | 'returned' | 'cancelled';
export interface FixtureOrder {
  id: string;
  customerId: string | null;
  channel: string;
  date: string;
  status: FixtureStatus;
  currency: string;
  /** Order-level discount on top of the line discounts. */
  extraDiscountCents: number;
  shippingCents: number;
  lines: FixtureLine[];
}
export interface FixtureReturn {
  orderId: string;
  lineNo: number;
  quantity: number;
  date: string;
  refundCents: number;
  rule: 'within_30_days' | 'after_30_days' | 'not_delivered';
}
export interface FixtureReview {
  id: string;
  sku: string;
  customerId: string;
  rating: number;
  date: string;
}
export interface FixtureInventoryDay {
  sku: string;
  date: string;
  onHand: number;
  allocated: number;
  reorderPoint: number;
}
export interface FixtureAlert {
  sku: string;
  raisedDate: string;
  onHand: number;
  allocated: number;
  reorderPoint: number;
  resolvedDate: string | null;
}
export interface FixtureSpec {
  channels: FixtureChannel[];
  customers: FixtureCustomer[];
  products: FixtureProduct[];
  orders: FixtureOrder[];
  returns: FixtureReturn[];
  reviews: FixtureReview[];
  inventory: FixtureInventoryDay[];
  alerts: FixtureAlert[];
}

export const isCountedStatus = (status: FixtureStatus): boolean => status !== 'created' && status !== 'cancelled';

/** The product version valid on a date (valid_from inclusive, next valid_from exclusive). */
export function versionOn(product: FixtureProduct, date: string): { index: number; version: FixtureProductVersion } {
  let index = 0;
  product.versions.forEach((v, i) => {
    if (v.validFrom <= date) index = i;
  });
  const version = product.versions[index];
  if (!version) throw new Error(`Product ${product.sku} has no versions`);
  return { index, version };
}

export function lineNet(line: FixtureLine): number {
  return line.quantity * line.unitPriceCents - line.discountCents;
}

export function seedWarehouse(db: Db, spec: FixtureSpec): void {
  db.transaction(() => {
    const channelKey = new Map<string, number>();
    spec.channels.forEach((c, i) => {
      db.prepare('INSERT INTO dim_channel (channel_key, channel_code, label) VALUES (?, ?, ?)').run(i + 1, c.code, c.label);
      channelKey.set(c.code, i + 1);
    });
    const customerKey = new Map<string, number>();
    const customerOrderDates = new Map<string, string[]>();
    for (const o of spec.orders) {
      if (o.customerId && isCountedStatus(o.status)) customerOrderDates.set(o.customerId, [...(customerOrderDates.get(o.customerId) ?? []), o.date]);
    }
    spec.customers.forEach((c, i) => {
      const dates = (customerOrderDates.get(c.id) ?? []).sort();
      db.prepare(
        `INSERT INTO dim_customer (customer_key, customer_id, email, name, region, country, city, signup_date, segment, first_order_date, last_order_date)
         VALUES (?, ?, ?, ?, ?, 'XX', 'Town', '2023-01-01', ?, ?, ?)`,
      ).run(i + 1, c.id, c.email, c.name, c.region, c.segment, dates[0] ?? null, dates.at(-1) ?? null);
      customerKey.set(c.id, i + 1);
    });
    const productKeys = new Map<string, number[]>();
    let nextProductKey = 1;
    for (const p of spec.products) {
      const keys: number[] = [];
      p.versions.forEach((v, i) => {
        const next = p.versions[i + 1];
        db.prepare(
          `INSERT INTO dim_product (product_key, sku, name, category, brand, supplier, cost_cents, list_price_cents, reorder_point, is_product, valid_from, valid_to, is_current)
           VALUES (?, ?, ?, ?, 'Brand', 'Supplier', ?, ?, ?, ?, ?, ?, ?)`,
        ).run(nextProductKey, p.sku, p.name, p.category, v.costCents, v.listPriceCents, p.reorderPoint, p.isProduct ? 1 : 0, v.validFrom, next?.validFrom ?? null, next ? 0 : 1);
        keys.push(nextProductKey++);
      });
      productKeys.set(p.sku, keys);
    }
    const productBySku = new Map(spec.products.map((p) => [p.sku, p]));
    const orderKey = new Map<string, number>();
    const refundsByOrder = new Map<string, number>();
    for (const r of spec.returns) refundsByOrder.set(r.orderId, (refundsByOrder.get(r.orderId) ?? 0) + r.refundCents);
    const firstDate = new Map<string, string>();
    for (const [id, dates] of customerOrderDates) firstDate.set(id, [...dates].sort()[0] ?? '');
    spec.orders.forEach((o, i) => {
      const key = i + 1;
      orderKey.set(o.id, key);
      const gross = o.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
      const discount = o.lines.reduce((s, l) => s + l.discountCents, 0) + o.extraDiscountCents;
      const tax = o.lines.reduce((s, l) => s + l.taxCents, 0);
      const refunds = refundsByOrder.get(o.id) ?? 0;
      const units = o.lines.reduce((s, l) => s + l.quantity, 0);
      const counted = isCountedStatus(o.status) ? 1 : 0;
      const cKey = o.customerId ? (customerKey.get(o.customerId) ?? null) : null;
      db.prepare(
        `INSERT INTO fct_orders (order_key, order_id, customer_key, channel_key, status, order_date, created_at, currency,
           gross_cents, discount_cents, tax_cents, shipping_cents, refund_cents, net_cents, units, line_count, is_counted, is_first_order, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01T00:00:00Z')`,
      ).run(key, o.id, cKey, channelKey.get(o.channel) ?? null, o.status, o.date, `${o.date}T10:00:00Z`, o.currency,
        gross, discount, tax, o.shippingCents, refunds, gross - discount - refunds, units, o.lines.length, counted,
        counted && o.customerId && firstDate.get(o.customerId) === o.date ? 1 : 0);
      o.lines.forEach((l, lineIndex) => {
        const product = productBySku.get(l.sku);
        const version = product ? versionOn(product, o.date) : null;
        const pKey = product && version ? (productKeys.get(l.sku)?.[version.index] ?? null) : null;
        db.prepare(
          `INSERT INTO fct_order_items (order_key, line_no, order_id, order_date, customer_key, channel_key, product_key, sku, quantity,
             unit_price_cents, gross_cents, discount_cents, tax_cents, net_cents, cost_cents, is_counted)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(key, lineIndex + 1, o.id, o.date, cKey, channelKey.get(o.channel) ?? null, pKey, l.sku, l.quantity, l.unitPriceCents,
          l.quantity * l.unitPriceCents, l.discountCents, l.taxCents, lineNet(l), version ? version.version.costCents * l.quantity : null, counted);
      });
    });
    spec.returns.forEach((r, i) => {
      const order = spec.orders.find((o) => o.id === r.orderId);
      const line = order?.lines[r.lineNo - 1];
      if (!order || !line) throw new Error(`Fixture return ${i} points at a missing order line`);
      const product = productBySku.get(line.sku);
      const version = product ? versionOn(product, order.date) : null;
      db.prepare(
        `INSERT INTO fct_returns (return_key, order_key, line_no, order_id, sku, product_key, customer_key, channel_key, quantity,
           returned_at, return_date, days_since_delivery, refund_cents, refund_rule, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 5, ?, ?, 'size')`,
      ).run(i + 1, orderKey.get(order.id), r.lineNo, order.id, line.sku, version ? (productKeys.get(line.sku)?.[version.index] ?? null) : null,
        order.customerId ? (customerKey.get(order.customerId) ?? null) : null, channelKey.get(order.channel) ?? null, r.quantity,
        `${r.date}T12:00:00Z`, r.date, r.refundCents, r.rule);
    });
    for (const r of spec.reviews) {
      const keys = productKeys.get(r.sku);
      db.prepare('INSERT INTO fct_reviews (review_id, sku, product_key, customer_key, rating, body, review_date) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(r.id, r.sku, keys?.at(-1) ?? null, customerKey.get(r.customerId) ?? null, r.rating, `Review ${r.id}`, r.date);
    }
    for (const d of spec.inventory) {
      db.prepare('INSERT INTO fct_inventory_daily (sku, date_key, on_hand, allocated, reorder_point, is_at_risk) VALUES (?, ?, ?, ?, ?, ?)')
        .run(d.sku, d.date, d.onHand, d.allocated, d.reorderPoint, d.onHand - d.allocated < d.reorderPoint ? 1 : 0);
    }
    spec.alerts.forEach((a, i) => {
      db.prepare(
        'INSERT INTO inventory_alerts (alert_id, sku, raised_date, on_hand, allocated, reorder_point, resolved_date, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(i + 1, a.sku, a.raisedDate, a.onHand, a.allocated, a.reorderPoint, a.resolvedDate, a.resolvedDate ? 'resolved' : 'open');
    });
  })();
}
