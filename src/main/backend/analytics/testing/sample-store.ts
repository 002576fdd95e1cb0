import { addDays } from '../scope';
import type { FixtureOrder, FixtureProduct, FixtureReturn, FixtureSpec, FixtureStatus } from './fixture';

/** A tiny deterministic PRNG (mulberry32) so fixtures are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleStoreOptions {
  seed?: number;
  customers?: number;
  orders?: number;
  startDate?: string;
  days?: number;
}

const REGIONS = ['North', 'South', 'East', null] as const;
const SEGMENTS = ['retail', 'wholesale', null] as const;
const CATEGORIES = ['Shoes', 'Bags', 'Hats', 'Socks'] as const;
const STATUSES: FixtureStatus[] = ['delivered', 'delivered', 'delivered', 'paid', 'fulfilled', 'returned', 'cancelled', 'created'];

/**
 * A small varied store: 3 channels, 2 currencies (EUR dominant), customers with unknown region
 * or segment, SCD-2 price changes mid-range, a fee line without a category, cancelled and
 * unpaid orders, returns inside and after 30 days, reviews, inventory days and alerts.
 */
export function sampleStore(options: SampleStoreOptions = {}): FixtureSpec {
  const random = seededRandom(options.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const start = options.startDate ?? '2024-01-01';
  const days = options.days ?? 150;
  const customers = Array.from({ length: options.customers ?? 40 }, (_, i) => ({
    id: `C${String(i + 1).padStart(3, '0')}`,
    name: `Customer ${i + 1}`,
    email: `customer${i + 1}@example.com`,
    region: pick(REGIONS),
    segment: pick(SEGMENTS),
  }));
  const products: FixtureProduct[] = Array.from({ length: 12 }, (_, i) => {
    const price = 1000 + Math.floor(random() * 9000);
    const versions = [{ validFrom: '2020-01-01', listPriceCents: price, costCents: Math.floor(price * 0.5) }];
    if (i % 3 === 0) versions.push({ validFrom: addDays(start, 60 + i), listPriceCents: price + 500, costCents: Math.floor(price * 0.55) });
    return { sku: `SKU-${i + 1}`, name: `Product ${i + 1}`, category: CATEGORIES[i % CATEGORIES.length] ?? null, reorderPoint: 5 + i, isProduct: true, versions };
  });
  products.push({ sku: 'POST', name: 'Postage', category: null, reorderPoint: 0, isProduct: false, versions: [{ validFrom: '2020-01-01', listPriceCents: 500, costCents: 0 }] });
  const orders: FixtureOrder[] = Array.from({ length: options.orders ?? 300 }, (_, i) => {
    const lineCount = 1 + Math.floor(random() * 3);
    const date = addDays(start, Math.floor(random() * days));
    const lines = Array.from({ length: lineCount }, () => {
      const product = pick(products.slice(0, 12));
      const quantity = 1 + Math.floor(random() * 3);
      const version = [...product.versions].reverse().find((v) => v.validFrom <= date) ?? product.versions[0];
      const unitPriceCents = version?.listPriceCents ?? 1000;
      const discountCents = random() < 0.3 ? Math.floor(quantity * unitPriceCents * 0.1) : 0;
      return { sku: product.sku, quantity, unitPriceCents, discountCents, taxCents: Math.floor((quantity * unitPriceCents - discountCents) * 0.2) };
    });
    if (random() < 0.15) lines.push({ sku: 'POST', quantity: 1, unitPriceCents: 500, discountCents: 0, taxCents: 100 });
    return {
      id: `O${String(i + 1).padStart(4, '0')}`,
      customerId: random() < 0.03 ? null : pick(customers).id,
      channel: pick(['web', 'web', 'app', 'marketplace']),
      date,
      status: pick(STATUSES),
      currency: random() < 0.15 ? 'USD' : 'EUR',
      extraDiscountCents: random() < 0.1 ? 300 : 0,
      shippingCents: pick([0, 495, 995]),
      lines,
    };
  });
  const returns: FixtureReturn[] = [];
  for (const order of orders) {
    if (order.status === 'cancelled' || order.status === 'created' || random() > 0.12) continue;
    const line = order.lines[0];
    if (!line) continue;
    const isLate = random() < 0.3;
    const quantity = Math.max(1, Math.floor(line.quantity / 2));
    returns.push({
      orderId: order.id,
      lineNo: 1,
      quantity,
      date: addDays(order.date, isLate ? 45 : 5 + Math.floor(random() * 20)),
      refundCents: isLate ? 0 : Math.round(((line.quantity * line.unitPriceCents - line.discountCents) * quantity) / line.quantity),
      rule: isLate ? 'after_30_days' : 'within_30_days',
    });
  }
  const reviews = orders
    .filter((o) => o.customerId && random() < 0.25)
    .map((o, i) => ({ id: `R${i + 1}`, sku: o.lines[0]?.sku ?? 'SKU-1', customerId: o.customerId ?? '', rating: 1 + Math.floor(random() * 5), date: addDays(o.date, 10) }));
  const lastDay = addDays(start, days - 1);
  const inventory = products.slice(0, 12).flatMap((p, i) =>
    [addDays(lastDay, -1), lastDay].map((date, d) => ({ sku: p.sku, date, onHand: 3 + ((i * 7 + d) % 30), allocated: i % 4, reorderPoint: p.reorderPoint })),
  );
  const alerts = products.slice(0, 5).map((p, i) => ({
    sku: p.sku,
    raisedDate: addDays(start, 20 * i),
    onHand: 2,
    allocated: 1,
    reorderPoint: p.reorderPoint,
    resolvedDate: i % 2 === 0 ? addDays(start, 20 * i + 7) : null,
  }));
  return {
    channels: [
      { code: 'web', label: 'Web shop' },
      { code: 'app', label: 'Mobile app' },
      { code: 'marketplace', label: 'Marketplace' },
    ],
    customers,
    products,
    orders,
    returns,
    reviews,
    inventory,
    alerts,
  };
}
