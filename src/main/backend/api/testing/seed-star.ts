import type { Db } from '../../db/open';
import { rebuildAllAnalyticsAggregates } from '../../analytics/aggregates/refresh';
import { addDays, daysBetween, STAR_FIXTURE, type FixtureOrder, type StarFixture } from './star-fixture';

const orderNet = (o: FixtureOrder) => o.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents - l.discountCents, 0);
const orderGross = (o: FixtureOrder) => o.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
const orderDiscount = (o: FixtureOrder) => o.lines.reduce((s, l) => s + l.discountCents, 0);

export function refundsOf(fixture: StarFixture, orderKey: number): number {
  return fixture.returns.filter((r) => r.orderKey === orderKey).reduce((s, r) => s + r.refundCents, 0);
}

/** First counted order date per customer key: the cohort date. */
export function firstOrderDates(fixture: StarFixture): Map<number, string> {
  const first = new Map<number, string>();
  for (const o of fixture.orders.filter((x) => x.isCounted)) {
    const known = first.get(o.customerKey);
    if (known === undefined || o.orderDate < known) first.set(o.customerKey, o.orderDate);
  }
  return first;
}

function seedDimensions(db: Db, fx: StarFixture): void {
  const date = db.prepare('INSERT INTO dim_date VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (let d = fx.firstDate; d <= fx.lastDate; d = addDays(d, 1)) {
    const js = new Date(`${d}T00:00:00Z`);
    const dow = ((js.getUTCDay() + 6) % 7) + 1;
    const week = Math.ceil((daysBetween(`${d.slice(0, 4)}-01-01`, d) + 1) / 7);
    date.run(d, js.getUTCFullYear(), Math.floor(js.getUTCMonth() / 3) + 1, js.getUTCMonth() + 1, d.slice(0, 7), week, dow, js.getUTCDate(), dow >= 6 ? 1 : 0);
  }
  db.prepare("INSERT INTO dim_channel VALUES (1, 'web', 'Web shop'), (2, 'marketplace', 'Marketplace')").run();
  const first = firstOrderDates(fx);
  const customer = db.prepare(
    'INSERT INTO dim_customer (customer_key, customer_id, email, name, region, country, city, signup_date, segment, is_guest, first_order_date, last_order_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)',
  );
  for (const c of fx.customers) {
    const counted = fx.orders.filter((o) => o.customerKey === c.key && o.isCounted).map((o) => o.orderDate).sort();
    customer.run(c.key, c.id, `${c.id.toLowerCase()}@example.com`, c.name, c.region, 'DE', 'Berlin', '2023-12-01', c.segment, first.get(c.key) ?? null, counted.at(-1) ?? null);
  }
  const product = db.prepare(
    'INSERT INTO dim_product (product_key, sku, name, category, brand, supplier, cost_cents, list_price_cents, reorder_point, is_product, valid_from, valid_to, is_current) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)',
  );
  for (const p of fx.products) {
    product.run(p.key, p.sku, p.name, p.category, 'Acme', 'Supplier One', Math.round(p.priceCents * 0.4), p.priceCents, 10, p.validFrom, p.validTo, p.validTo === null ? 1 : 0);
  }
}

function seedFacts(db: Db, fx: StarFixture): void {
  // One first order per customer, even when two counted orders share the first date.
  const firstKeys = new Set<number>();
  const seen = new Set<number>();
  for (const o of [...fx.orders].filter((x) => x.isCounted).sort((a, b) => a.orderDate.localeCompare(b.orderDate) || a.orderKey - b.orderKey)) {
    if (!seen.has(o.customerKey)) firstKeys.add(o.orderKey);
    seen.add(o.customerKey);
  }
  const order = db.prepare(
    `INSERT INTO fct_orders (order_key, order_id, customer_key, channel_key, status, order_date, created_at, paid_at, delivered_at, cancelled_at,
       currency, gross_cents, discount_cents, tax_cents, shipping_cents, refund_cents, net_cents, units, line_count, is_counted, is_first_order, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-04-01T00:00:00Z')`,
  );
  const item = db.prepare('INSERT INTO fct_order_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const o of fx.orders) {
    const refund = refundsOf(fx, o.orderKey);
    const isFirst = o.isCounted && firstKeys.has(o.orderKey);
    order.run(o.orderKey, o.orderId, o.customerKey, o.channelKey, o.status, o.orderDate, `${o.orderDate}T10:00:00Z`,
      o.isCounted ? `${o.orderDate}T10:05:00Z` : null, o.deliveredDate ? `${o.deliveredDate}T12:00:00Z` : null,
      o.status === 'cancelled' ? `${o.orderDate}T11:00:00Z` : null, orderGross(o), orderDiscount(o), o.taxCents, o.shippingCents,
      refund, orderGross(o) - orderDiscount(o) - refund, o.lines.reduce((s, l) => s + l.quantity, 0), o.lines.length, o.isCounted ? 1 : 0, isFirst ? 1 : 0);
    for (const l of o.lines) {
      const gross = l.quantity * l.unitPriceCents;
      const cost = Math.round(l.unitPriceCents * 0.4) * l.quantity;
      item.run(o.orderKey, l.lineNo, o.orderId, o.orderDate, o.customerKey, o.channelKey, l.productKey, l.sku, l.quantity,
        l.unitPriceCents, gross, l.discountCents, Math.round(o.taxCents / o.lines.length), gross - l.discountCents, cost, o.isCounted ? 1 : 0);
    }
  }
  const ret = db.prepare(
    `INSERT INTO fct_returns (order_key, line_no, order_id, sku, product_key, customer_key, channel_key, quantity, returned_at, return_date, days_since_delivery, refund_cents, refund_rule, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Did not fit')`,
  );
  for (const r of fx.returns) {
    const o = fx.orders.find((x) => x.orderKey === r.orderKey);
    const l = o?.lines.find((x) => x.lineNo === r.lineNo);
    if (!o || !l || !o.deliveredDate) continue;
    ret.run(r.orderKey, r.lineNo, o.orderId, l.sku, l.productKey, o.customerKey, o.channelKey, r.quantity, `${r.returnDate}T09:00:00Z`, r.returnDate,
      daysBetween(o.deliveredDate, r.returnDate), r.refundCents, r.rule);
  }
  const review = db.prepare('INSERT INTO fct_reviews VALUES (?, ?, ?, ?, ?, ?, ?)');
  fx.orders.filter((o) => o.isCounted).slice(0, 8).forEach((o, i) => {
    const l = o.lines[0];
    if (l) review.run(`R${i + 1}`, l.sku, l.productKey, o.customerKey, 1 + (i % 5), 'Nice', addDays(o.orderDate, 5));
  });
}

function seedInventory(db: Db, fx: StarFixture): void {
  const daily = db.prepare('INSERT INTO fct_inventory_daily VALUES (?, ?, ?, ?, ?, ?)');
  const skus = [...new Set(fx.products.map((p) => p.sku))];
  skus.forEach((sku, i) => {
    for (let day = 0; day < 14; day += 1) {
      const date = addDays(fx.lastDate, day - 13);
      const isLow = sku === 'SKU-C' || sku === 'SKU-E';
      const onHand = isLow ? Math.max(2, 30 - day * 2) : 40 + i * 5;
      const allocated = sku === 'SKU-C' ? 4 : isLow ? 1 : 3;
      daily.run(sku, date, onHand, allocated, 10, onHand - allocated < 10 ? 1 : 0);
    }
  });
  const alert = db.prepare('INSERT INTO inventory_alerts (sku, raised_date, on_hand, allocated, reorder_point, resolved_date, status) VALUES (?, ?, ?, ?, 10, ?, ?)');
  for (const a of fx.alerts) alert.run(a.sku, a.raisedDate, 8, 4, a.status === 'resolved' ? addDays(a.raisedDate, 6) : null, a.status);
}

/** The pre-aggregates, computed here in TypeScript from the fixture rows (not by the pipeline's SQL). */
function seedAggregates(db: Db, fx: StarFixture): void {
  const first = firstOrderDates(fx);
  const counted = fx.orders.filter((o) => o.isCounted);
  const daily = db.prepare('INSERT INTO fct_revenue_daily VALUES (?, \'EUR\', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (let d = fx.firstDate; d <= fx.lastDate; d = addDays(d, 1)) {
    const day = counted.filter((o) => o.orderDate === d);
    const refunds = fx.returns.filter((r) => r.returnDate === d).reduce((s, r) => s + r.refundCents, 0);
    if (day.length === 0 && refunds === 0) continue;
    const gross = day.reduce((s, o) => s + orderGross(o), 0);
    const discount = day.reduce((s, o) => s + orderDiscount(o), 0);
    const buyers = new Set(day.map((o) => o.customerKey));
    const newBuyers = [...buyers].filter((c) => first.get(c) === d).length;
    daily.run(d, gross, discount, refunds, day.reduce((s, o) => s + o.taxCents, 0), day.reduce((s, o) => s + o.shippingCents, 0),
      gross - discount - refunds, day.length, day.reduce((s, o) => s + o.lines.reduce((u, l) => u + l.quantity, 0), 0),
      day.length > 0 ? Math.round((gross - discount) / day.length) : null, newBuyers, buyers.size - newBuyers);
  }
  const cohort = db.prepare("INSERT INTO fct_cohort_ltv VALUES (?, ?, 'EUR', ?, ?, ?, ?, ?)");
  const months = [...new Set([...first.values()].map((d) => d.slice(0, 7)))].sort();
  for (const month of months) {
    const members = [...first].filter(([, d]) => d.startsWith(month));
    for (const window of [7, 30, 90]) {
      let revenue = 0;
      let retained = 0;
      let isComplete = true;
      for (const [customerKey, firstDate] of members) {
        const end = addDays(firstDate, window);
        if (end > fx.lastDate) isComplete = false;
        const inWindow = counted.filter((o) => o.customerKey === customerKey && o.orderDate >= firstDate && o.orderDate < end);
        revenue += inWindow.reduce((s, o) => s + orderNet(o) - refundsOf(fx, o.orderKey), 0);
        if (inWindow.some((o) => o.orderDate > firstDate)) retained += 1;
      }
      cohort.run(month, window, members.length, retained, revenue, Math.round(revenue / members.length), isComplete ? 1 : 0);
    }
  }
}

/** Writes the fixture into an empty, migrated warehouse in one transaction. */
export function seedStarFixture(db: Db, fixture: StarFixture = STAR_FIXTURE): StarFixture {
  db.transaction(() => {
    seedDimensions(db, fixture);
    seedFacts(db, fixture);
    seedInventory(db, fixture);
    seedAggregates(db, fixture);
  })();
  return fixture;
}

/** The fixture plus the analytics engine's own pre-aggregates, as an import would leave them. */
export function seedAnalyticsWarehouse(db: Db, fixture: StarFixture = STAR_FIXTURE): StarFixture {
  seedStarFixture(db, fixture);
  rebuildAllAnalyticsAggregates(db);
  return fixture;
}
