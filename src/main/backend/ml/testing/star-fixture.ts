import type { Db } from '../../db/open';
import { createRng, gamma, poisson } from '../core/rng';
import { simulateBgNbd } from '../clv/simulate';
import { dateOfDay, dayNumber } from '../warehouse/load';

/** A small store written straight into the star tables, for tests of loaders, jobs and reads. */
export interface FixtureOrder {
  orderId: string;
  customerKey: number | null;
  date: string;
  currency: string;
  isCounted: boolean;
  netCents: number;
  lines: { sku: string; quantity: number; netCents: number }[];
}

export interface Fixture {
  customers: { key: number; id: string }[];
  skus: string[];
  /** SKUs that are not products (postage): never in rules or recommendations. */
  feeSkus: string[];
  orders: FixtureOrder[];
  /** Latest inventory per SKU: on_hand − allocated. */
  available: Map<string, number>;
}

export function insertFixture(db: Db, fixture: Fixture): void {
  db.transaction(() => {
    const customer = db.prepare('INSERT INTO dim_customer (customer_key, customer_id) VALUES (?, ?)');
    for (const c of fixture.customers) customer.run(c.key, c.id);
    const product = db.prepare(
      "INSERT INTO dim_product (product_key, sku, name, category, is_product, valid_from, is_current) VALUES (?, ?, ?, 'Test', ?, '2000-01-01', 1)",
    );
    const productKey = new Map<string, number>();
    [...fixture.skus, ...fixture.feeSkus].forEach((sku, i) => {
      productKey.set(sku, i + 1);
      product.run(i + 1, sku, `Product ${sku}`, fixture.feeSkus.includes(sku) ? 0 : 1);
    });
    const order = db.prepare(
      `INSERT INTO fct_orders (order_key, order_id, customer_key, status, order_date, created_at, currency, gross_cents, discount_cents,
         tax_cents, shipping_cents, refund_cents, net_cents, units, line_count, is_counted, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?, ?, '2030-01-01T00:00:00Z')`,
    );
    const line = db.prepare(
      `INSERT INTO fct_order_items (order_key, line_no, order_id, order_date, customer_key, product_key, sku, quantity, unit_price_cents,
         gross_cents, discount_cents, tax_cents, net_cents, is_counted)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
    );
    fixture.orders.forEach((o, i) => {
      const units = o.lines.reduce((s, l) => s + l.quantity, 0);
      order.run(i + 1, o.orderId, o.customerKey, o.isCounted ? 'paid' : 'cancelled', o.date, `${o.date}T10:00:00Z`, o.currency, o.netCents, o.netCents, units, o.lines.length, o.isCounted ? 1 : 0);
      o.lines.forEach((l, n) =>
        line.run(i + 1, n + 1, o.orderId, o.date, o.customerKey, productKey.get(l.sku) ?? null, l.sku, l.quantity, Math.round(l.netCents / l.quantity), l.netCents, l.netCents, o.isCounted ? 1 : 0),
      );
    });
    const inventory = db.prepare(
      'INSERT INTO fct_inventory_daily (sku, date_key, on_hand, allocated, reorder_point, is_at_risk) VALUES (?, ?, ?, ?, 5, ?)',
    );
    for (const [sku, available] of fixture.available) {
      // An older snapshot with stock, then the latest one that decides.
      inventory.run(sku, '2020-01-01', 100, 0, 0);
      inventory.run(sku, '2030-01-01', Math.max(0, available) + 3, 3, available < 5 ? 1 : 0);
    }
  })();
}

/**
 * BG/NBD customers (weeks) whose orders hold items from one of `groups` taste groups, a planted
 * pair (P000 with P001, bought together in most orders holding P000), postage lines, a few
 * cancelled orders and a second-currency order that must never be added to the main currency.
 */
export function simulateFixture(options: { customers: number; seed: number; startDate?: string; weeks?: number }): Fixture {
  const rng = createRng(options.seed);
  const weeks = options.weeks ?? 104;
  const start = dayNumber(options.startDate ?? '2023-01-02');
  const skus = Array.from({ length: 60 }, (_, i) => `P${String(i).padStart(3, '0')}`);
  const groups = 6;
  const births = Float64Array.from({ length: options.customers }, () => Math.floor(rng.next() * weeks * 0.7));
  const ages = births.map((b) => weeks - b);
  const purchases = simulateBgNbd({ r: 0.8, alpha: 4, a: 0.6, b: 3 }, ages, options.seed + 1);
  const customers = Array.from({ length: options.customers }, (_, i) => ({ key: i + 1, id: `C${i + 1}` }));
  const orders: FixtureOrder[] = [];
  // Gamma-Gamma spend: each customer has a spend scale ν ~ Gamma(q = 4, γ = 60), lines ~ Gamma(2, ν).
  const nu = Float64Array.from({ length: options.customers }, () => gamma(rng, 4, 60));
  const pushOrder = (customerKey: number, day: number, group: number, currency = 'EUR') => {
    const lines: FixtureOrder['lines'] = [];
    const count = 1 + poisson(rng, 1.2);
    for (let l = 0; l < count; l += 1) {
      const sku = skus[group * 10 + Math.floor(rng.next() ** 2 * 10)]!;
      if (!lines.some((x) => x.sku === sku)) lines.push({ sku, quantity: 1 + Math.floor(rng.next() * 2), netCents: Math.max(1, Math.round(100 * gamma(rng, 2, nu[customerKey - 1]!))) });
    }
    if (lines.some((x) => x.sku === 'P000') && !lines.some((x) => x.sku === 'P001') && rng.next() < 0.8) lines.push({ sku: 'P001', quantity: 1, netCents: 900 });
    if (rng.next() < 0.3) lines.push({ sku: 'POST', quantity: 1, netCents: 495 });
    const isCounted = rng.next() > 0.03;
    orders.push({ orderId: `O${orders.length + 1}`, customerKey, date: dateOfDay(day), currency, isCounted, netCents: lines.reduce((s, x) => s + x.netCents, 0), lines });
  };
  for (let i = 0; i < options.customers; i += 1) {
    const group = i % groups;
    const first = start + births[i]! * 7 + Math.floor(rng.next() * 7);
    pushOrder(i + 1, first, group);
    // Repeat purchases spread over (first, first + t_x], the last one exactly at t_x.
    const x = purchases.x[i]!;
    const txDays = Math.round(purchases.tx[i]! * 7);
    for (let k = 1; k <= x; k += 1) pushOrder(i + 1, first + (k === x ? txDays : Math.max(1, Math.round(rng.next() * txDays))), group);
  }
  pushOrder(1, start + 10, 0, 'USD');
  orders.sort((a, b) => a.date.localeCompare(b.date) || a.orderId.localeCompare(b.orderId));
  const available = new Map(skus.map((sku, i) => [sku, i % 7 === 3 ? 0 : 50]));
  return { customers, skus, feeSkus: ['POST'], orders, available };
}
