/**
 * A small, deterministic star-schema warehouse written straight into the tables, for the API,
 * report and export tests. It keeps the plain rows it wrote (`StarFixture`) so tests can compute
 * expected figures independently in TypeScript instead of re-running SQL.
 */

export interface FixtureOrder {
  orderKey: number;
  orderId: string;
  customerKey: number;
  channelKey: number;
  status: 'created' | 'paid' | 'fulfilled' | 'delivered' | 'returned' | 'cancelled';
  orderDate: string;
  deliveredDate: string | null;
  lines: { lineNo: number; sku: string; productKey: number; quantity: number; unitPriceCents: number; discountCents: number }[];
  taxCents: number;
  shippingCents: number;
  isCounted: boolean;
}

export interface FixtureReturn {
  orderKey: number;
  lineNo: number;
  quantity: number;
  returnDate: string;
  refundCents: number;
  rule: 'within_30_days' | 'after_30_days';
}

export interface StarFixture {
  firstDate: string;
  lastDate: string;
  customers: { key: number; id: string; name: string; region: string; segment: string }[];
  products: { key: number; sku: string; name: string; category: string; priceCents: number; validFrom: string; validTo: string | null }[];
  orders: FixtureOrder[];
  returns: FixtureReturn[];
  alerts: { sku: string; raisedDate: string; status: 'open' | 'resolved' }[];
}

export const FIXTURE_FIRST_DATE = '2024-01-01';
export const FIXTURE_LAST_DATE = '2024-03-31';

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** mulberry32: the same fixture on every run and machine. */
function randomSource(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

const REGIONS = ['North', 'South', 'West'];

function buildFixture(): StarFixture {
  const random = randomSource(42);
  const customers = Array.from({ length: 10 }, (_, i) => ({
    key: i + 1,
    id: `C${String(i + 1).padStart(3, '0')}`,
    name: `Customer ${i + 1}`,
    region: REGIONS[i % 3] ?? 'North',
    segment: i % 4 === 0 ? 'wholesale' : 'retail',
  }));
  const products: StarFixture['products'] = [
    { key: 1, sku: 'SKU-A', name: 'Linen shirt', category: 'Apparel', priceCents: 4_000, validFrom: '2023-01-01', validTo: '2024-02-15' },
    { key: 2, sku: 'SKU-A', name: 'Linen shirt', category: 'Apparel', priceCents: 4_500, validFrom: '2024-02-15', validTo: null },
    { key: 3, sku: 'SKU-B', name: 'Wool scarf', category: 'Apparel', priceCents: 2_500, validFrom: '2023-01-01', validTo: null },
    { key: 4, sku: 'SKU-C', name: 'Ceramic mug', category: 'Home', priceCents: 1_200, validFrom: '2023-01-01', validTo: null },
    { key: 5, sku: 'SKU-D', name: 'Oak tray', category: 'Home', priceCents: 3_900, validFrom: '2023-01-01', validTo: null },
    { key: 6, sku: 'SKU-E', name: 'Wooden train', category: 'Toys', priceCents: 2_900, validFrom: '2023-01-01', validTo: null },
    { key: 7, sku: 'SKU-F', name: 'Puzzle 500', category: 'Toys', priceCents: 1_800, validFrom: '2023-01-01', validTo: null },
  ];
  const skus = ['SKU-A', 'SKU-B', 'SKU-C', 'SKU-D', 'SKU-E', 'SKU-F'];
  const versionOn = (sku: string, date: string) =>
    products.find((p) => p.sku === sku && p.validFrom <= date && (p.validTo === null || date < p.validTo));

  const orders: FixtureOrder[] = [];
  for (const customer of customers) {
    const orderCount = 2 + random(4);
    let date = addDays(FIXTURE_FIRST_DATE, random(60));
    for (let n = 0; n < orderCount && date <= FIXTURE_LAST_DATE; n += 1) {
      const orderKey = orders.length + 1;
      const lineCount = 1 + random(3);
      const lines = Array.from({ length: lineCount }, (_, l) => {
        const sku = skus[random(skus.length)] ?? 'SKU-A';
        const version = versionOn(sku, date);
        const quantity = 1 + random(3);
        const unitPriceCents = version?.priceCents ?? 1_000;
        return { lineNo: l + 1, sku, productKey: version?.key ?? 1, quantity, unitPriceCents, discountCents: random(3) === 0 ? 500 : 0 };
      });
      const roll = random(12);
      const status: FixtureOrder['status'] = roll === 0 ? 'cancelled' : roll === 1 ? 'created' : 'delivered';
      orders.push({
        orderKey,
        orderId: `O${String(orderKey).padStart(4, '0')}`,
        customerKey: customer.key,
        channelKey: 1 + random(2),
        status,
        orderDate: date,
        deliveredDate: status === 'delivered' ? addDays(date, 3) : null,
        lines,
        taxCents: 200 * lineCount,
        shippingCents: 495,
        isCounted: status === 'delivered',
      });
      date = addDays(date, 3 + random(25));
    }
  }
  // Two returns on the first two delivered multi-unit lines: one refunded, one too late.
  const returns: FixtureReturn[] = [];
  for (const order of orders.filter((o) => o.deliveredDate !== null)) {
    const line = order.lines.find((l) => l.quantity >= 2);
    if (!line || returns.length >= 2 || order.deliveredDate === null) continue;
    const isLate = returns.length === 1;
    const returnDate = addDays(order.deliveredDate, isLate ? 40 : 10);
    if (returnDate > FIXTURE_LAST_DATE) continue;
    const lineNet = line.quantity * line.unitPriceCents - line.discountCents;
    returns.push({
      orderKey: order.orderKey,
      lineNo: line.lineNo,
      quantity: 1,
      returnDate,
      refundCents: isLate ? 0 : Math.round(lineNet / line.quantity),
      rule: isLate ? 'after_30_days' : 'within_30_days',
    });
  }
  const alerts: StarFixture['alerts'] = [
    { sku: 'SKU-C', raisedDate: '2024-03-20', status: 'open' },
    { sku: 'SKU-E', raisedDate: '2024-03-25', status: 'open' },
    { sku: 'SKU-B', raisedDate: '2024-02-01', status: 'resolved' },
  ];
  return { firstDate: FIXTURE_FIRST_DATE, lastDate: FIXTURE_LAST_DATE, customers, products, orders, returns, alerts };
}

export const STAR_FIXTURE: StarFixture = buildFixture();
