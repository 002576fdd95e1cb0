import type { CustomerDetail } from '../../../shared/contract/analytics';
import { AppError } from '../../../shared/result';
import type { Db } from '../db/open';
import { groupBy } from './group-by';
import { toUnits } from './scope';

interface CustomerRecord {
  customer_key: number;
  customer_id: string;
  name: string | null;
  email: string | null;
  region: string | null;
  country: string | null;
  city: string | null;
  segment: string | null;
  signup_date: string | null;
}

interface OrderRecord {
  order_key: number;
  order_id: string;
  order_date: string;
  status: string;
  channel: string | null;
  currency: string;
  gross_cents: number;
  discount_cents: number;
  tax_cents: number;
  shipping_cents: number;
  refund_cents: number;
  net_cents: number;
  is_counted: number;
}

/** Everything about one customer: profile, every order with its lines, returns and reviews. */
export function customerDetail(db: Db, customerId: string): CustomerDetail {
  const customer = db.prepare<[string], CustomerRecord>('SELECT * FROM dim_customer WHERE customer_id = ?').get(customerId);
  if (!customer) throw new AppError('NOT_FOUND', `No customer with id "${customerId}".`, { customerId });
  const key = customer.customer_key;
  const orders = db
    .prepare<[number], OrderRecord>(
      `SELECT o.*, ch.channel_code AS channel FROM fct_orders o LEFT JOIN dim_channel ch ON ch.channel_key = o.channel_key
       WHERE o.customer_key = ? ORDER BY o.order_date DESC, o.order_id DESC`,
    )
    .all(key);
  const lines = db
    .prepare<[number], { order_key: number; line_no: number; sku: string; name: string | null; quantity: number; unit_price_cents: number; net_cents: number }>(
      `SELECT i.order_key, i.line_no, i.sku, p.name, i.quantity, i.unit_price_cents, i.net_cents
       FROM fct_order_items i LEFT JOIN dim_product p ON p.product_key = i.product_key
       WHERE i.customer_key = ? ORDER BY i.order_key, i.line_no`,
    )
    .all(key);
  const linesByOrder = groupBy(lines, (l) => l.order_key);
  const counted = orders.filter((o) => o.is_counted === 1);
  const totals = [...groupBy(counted, (o) => o.currency)].map(([currency, list]) => ({
    currency,
    orders: list.length,
    netRevenue: toUnits(list.reduce((s, o) => s + o.gross_cents - o.discount_cents - o.refund_cents, 0)),
    refunds: toUnits(list.reduce((s, o) => s + o.refund_cents, 0)),
  }));
  const dates = counted.map((o) => o.order_date).sort();
  return {
    customerId: customer.customer_id,
    name: customer.name,
    email: customer.email,
    region: customer.region,
    country: customer.country,
    city: customer.city,
    segment: customer.segment,
    signupDate: customer.signup_date,
    firstOrder: dates[0] ?? null,
    lastOrder: dates.at(-1) ?? null,
    totals,
    orders: orders.map((o) => ({
      orderId: o.order_id,
      orderDate: o.order_date,
      status: o.status,
      channel: o.channel,
      currency: o.currency,
      gross: toUnits(o.gross_cents),
      discount: toUnits(o.discount_cents),
      tax: toUnits(o.tax_cents),
      shipping: toUnits(o.shipping_cents),
      refunds: toUnits(o.refund_cents),
      net: toUnits(o.gross_cents - o.discount_cents - o.refund_cents),
      isCounted: o.is_counted === 1,
      lines: (linesByOrder.get(o.order_key) ?? []).map((l) => ({
        lineNo: l.line_no,
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        unitPrice: toUnits(l.unit_price_cents),
        net: toUnits(l.net_cents),
      })),
    })),
    returns: db
      .prepare<[number], { order_id: string; sku: string; name: string | null; currency: string; quantity: number; return_date: string; refund_cents: number; refund_rule: string; reason: string | null }>(
        `SELECT r.order_id, r.sku, p.name, o.currency, r.quantity, r.return_date, r.refund_cents, r.refund_rule, r.reason
         FROM fct_returns r
         JOIN fct_orders o ON o.order_key = r.order_key
         LEFT JOIN dim_product p ON p.sku = r.sku AND p.is_current = 1
         WHERE r.customer_key = ? ORDER BY r.return_date DESC`,
      )
      .all(key)
      .map((r) => ({
        orderId: r.order_id, sku: r.sku, name: r.name, currency: r.currency, quantity: r.quantity, returnDate: r.return_date,
        refund: toUnits(r.refund_cents), refundRule: r.refund_rule, reason: r.reason,
      })),
    reviews: db
      .prepare<[number], { review_id: string; sku: string; name: string | null; rating: number; body: string | null; review_date: string }>(
        `SELECT r.review_id, r.sku, p.name, r.rating, r.body, r.review_date
         FROM fct_reviews r LEFT JOIN dim_product p ON p.sku = r.sku AND p.is_current = 1
         WHERE r.customer_key = ? ORDER BY r.review_date DESC`,
      )
      .all(key)
      .map((r) => ({ reviewId: r.review_id, sku: r.sku, name: r.name, rating: r.rating, body: r.body, reviewDate: r.review_date })),
  };
}
