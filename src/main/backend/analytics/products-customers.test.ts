import { afterAll, describe, expect, it } from 'vitest';
import { customerDetail } from './customer-detail';
import { topCustomers, topCustomersByRegion } from './customers';
import { inventoryAlerts, inventoryStatus } from './inventory';
import { productDetail } from './product-detail';
import { bestSellers, productRatings } from './products';
import { isCountedStatus, lineNet } from './testing/fixture';
import { FixtureModel, type ExpectedFilters } from './testing/expectations';
import { sampleStore } from './testing/sample-store';
import { filters, seededWarehouse } from './testing/seeded-warehouse';

const spec = sampleStore();
const model = new FixtureModel(spec);
const warehouse = seededWarehouse(spec);
afterAll(() => warehouse.dispose());
const ALL: ExpectedFilters = { from: '2024-01-01', to: '2024-05-29', currency: 'EUR' };

/** Per customer: orders and gross − discounts − refunds (refunds follow their order) in the range. */
function customerTotals(f: ExpectedFilters): Map<string, { orders: number; net: number }> {
  const out = new Map<string, { orders: number; net: number }>();
  for (const o of model.ordersIn(f)) {
    if (!o.customerId) continue;
    const refunds = spec.returns.filter((r) => r.orderId === o.id).reduce((s, r) => s + r.refundCents, 0);
    const e = out.get(o.customerId) ?? { orders: 0, net: 0 };
    e.orders += 1;
    e.net += o.lines.reduce((s, l) => s + lineNet(l), 0) - o.extraDiscountCents - refunds;
    out.set(o.customerId, e);
  }
  return out;
}

describe('products', () => {
  const BEST_SELLER_CASES: ['revenue' | 'units', ExpectedFilters][] = [
    ['revenue', { ...ALL }],
    ['units', { ...ALL, channel: ['web'], region: ['North', 'South', 'East'] }],
  ];
  it.each(BEST_SELLER_CASES)('best sellers by %s', (by, f) => {
    const result = bestSellers(warehouse.db, filters(f), { by, limit: 5 });
    const net = model.lineNetBy(f, (l) => l.line.sku);
    const units = new Map<string, number>();
    for (const l of model.linesIn(f)) units.set(l.line.sku, (units.get(l.line.sku) ?? 0) + l.line.quantity);
    const measure = (sku: string): number => (by === 'units' ? (units.get(sku) ?? 0) : (net.get(sku) ?? 0));
    const expectedOrder = [...units.keys()].filter((s) => s !== 'POST').sort((a, b) => measure(b) - measure(a) || a.localeCompare(b)).slice(0, 5);
    expect(result.series.rows.map((r) => r[0])).toEqual(expectedOrder);
    for (const row of result.series.rows) {
      expect(row[3]).toBeCloseTo((net.get(String(row[0])) ?? NaN) / 100, 6);
      expect(row[4]).toBe(units.get(String(row[0])));
    }
  });

  it('sales vs average rating', () => {
    const result = productRatings(warehouse.db, filters(ALL), { limit: 100 });
    expect(result.points.rows.length).toBeGreaterThan(3);
    for (const [sku, , , , , avg, n] of result.points.rows) {
      const ratings = spec.reviews.filter((r) => r.sku === sku).map((r) => r.rating);
      expect(n).toBe(ratings.length);
      expect(avg).toBeCloseTo(ratings.reduce((s, v) => s + v, 0) / ratings.length, 2);
    }
  });

  it('inventory status on the latest day with the at-risk rule', () => {
    const result = inventoryStatus(warehouse.db, filters({}), { onlyAtRisk: false, limit: 100 });
    const lastDay = spec.inventory.map((d) => d.date).sort().at(-1);
    const latest = spec.inventory.filter((d) => d.date === lastDay);
    expect(result.asOf).toBe(lastDay);
    expect(result.items.rows.length).toBe(latest.length);
    expect(result.atRiskCount).toBe(latest.filter((d) => d.onHand - d.allocated < d.reorderPoint).length);
    for (const row of result.items.rows) {
      const d = latest.find((x) => x.sku === row[0]);
      expect(row[5]).toBe((d?.onHand ?? 0) - (d?.allocated ?? 0));
      expect(row[9]).toBe((d?.onHand ?? 0) - (d?.allocated ?? 0) < (d?.reorderPoint ?? 0));
    }
    const onlyRisk = inventoryStatus(warehouse.db, filters({ category: ['Shoes'] }), { onlyAtRisk: true, limit: 100 });
    expect(onlyRisk.items.rows.every((r) => r[9] === true && r[2] === 'Shoes')).toBe(true);
  });

  it('alert history', () => {
    const all = inventoryAlerts(warehouse.db, filters({}), { status: 'all', limit: 100 });
    expect(all.alerts.rows.length).toBe(spec.alerts.length);
    expect(all.openCount).toBe(spec.alerts.filter((a) => a.resolvedDate === null).length);
    const open = inventoryAlerts(warehouse.db, filters({}), { status: 'open', limit: 100 });
    expect(open.alerts.rows.every((r) => r[7] === 'open')).toBe(true);
  });

  it('product detail lists SCD-2 versions', () => {
    const detail = productDetail(warehouse.db, 'SKU-1');
    const product = spec.products.find((p) => p.sku === 'SKU-1');
    expect(detail.versions.map((v) => v.listPrice)).toEqual(product?.versions.map((v) => v.listPriceCents / 100));
    expect(detail.versions.filter((v) => v.isCurrent)).toHaveLength(1);
    expect(() => productDetail(warehouse.db, 'NOPE')).toThrow(/No product/);
  });
});

describe('customers', () => {
  it('top customers: ranked, paged, with net revenue and orders in the range', () => {
    const f: ExpectedFilters = { ...ALL, from: '2024-02-01' };
    const expected = customerTotals(f);
    const sorted = [...expected].sort((a, b) => b[1].net - a[1].net || a[0].localeCompare(b[0]));
    const page1 = topCustomers(warehouse.db, filters(f), { search: '', sort: 'net_revenue', direction: 'desc', offset: 0, limit: 10 });
    const page2 = topCustomers(warehouse.db, filters(f), { search: '', sort: 'net_revenue', direction: 'desc', offset: 10, limit: 10 });
    expect(page1.total).toBe(expected.size);
    expect([...page1.rows, ...page2.rows].map((r) => r.customerId)).toEqual(sorted.slice(0, 20).map(([id]) => id));
    for (const row of page1.rows) {
      expect(row.netRevenue).toBeCloseTo((expected.get(row.customerId)?.net ?? NaN) / 100, 6);
      expect(row.orders).toBe(expected.get(row.customerId)?.orders);
    }
    const lifetime = customerTotals({ ...ALL, from: '2000-01-01' });
    expect(page1.rows[0]?.clv).toBeCloseTo((lifetime.get(page1.rows[0]?.customerId ?? '')?.net ?? NaN) / 100, 6);
  });

  it('top customers under two categories and a region: distinct orders with such lines, their line net', () => {
    const f: ExpectedFilters = { ...ALL, category: ['Shoes', 'Bags'], region: ['North', 'South'] };
    const expected = new Map<string, { orders: number; net: number }>();
    for (const o of model.ordersIn(f)) {
      if (!o.customerId) continue;
      const e = expected.get(o.customerId) ?? { orders: 0, net: 0 };
      e.orders += 1;
      e.net += model.linesOf(o, f).reduce((s, l) => s + lineNet(l.line), 0);
      expected.set(o.customerId, e);
    }
    const sorted = [...expected].sort((a, b) => b[1].net - a[1].net || a[0].localeCompare(b[0]));
    const result = topCustomers(warehouse.db, filters(f), { search: '', sort: 'net_revenue', direction: 'desc', offset: 0, limit: 1000 });
    expect(result.total).toBe(expected.size);
    expect(result.rows.map((r) => [r.customerId, r.orders, Math.round(r.netRevenue * 100)])).toEqual(sorted.map(([id, e]) => [id, e.orders, e.net]));
    expect(result.rows.some((r) => r.orders >= 2)).toBe(true);
  });

  it('sorts by orders ascending with ties by customer id, and ranks by net revenue', () => {
    const f: ExpectedFilters = { ...ALL, channel: ['web'] };
    const expected = customerTotals(f);
    const result = topCustomers(warehouse.db, filters(f), { search: '', sort: 'orders', direction: 'asc', offset: 0, limit: 1000 });
    const byOrders = [...expected].sort((a, b) => a[1].orders - b[1].orders || a[0].localeCompare(b[0]));
    expect(result.rows.map((r) => r.customerId)).toEqual(byOrders.map(([id]) => id));
    const nets = [...expected.values()].map((e) => e.net);
    for (const row of result.rows) {
      const net = expected.get(row.customerId)?.net ?? 0;
      expect(row.rank, row.customerId).toBe(1 + nets.filter((n) => n > net).length);
    }
  });

  it('search and sort run on the server', () => {
    const result = topCustomers(warehouse.db, filters(ALL), { search: 'customer1', sort: 'name', direction: 'asc', offset: 0, limit: 50 });
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((r) => r.email?.includes('customer1'))).toBe(true);
    const names = result.rows.map((r) => r.name ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const none = topCustomers(warehouse.db, filters(ALL), { search: 'zzz%_', sort: 'name', direction: 'asc', offset: 0, limit: 50 });
    expect(none.rows).toEqual([]);
    expect(none.meta.emptyReason).toMatch(/zzz/);
  });

  it('top N per region', () => {
    const result = topCustomersByRegion(warehouse.db, filters(ALL), { perRegion: 2 });
    const totals = customerTotals(ALL);
    for (const { region, customers } of result.regions) {
      const inRegion = [...totals]
        .filter(([id]) => (model.customerById.get(id)?.region ?? 'Unknown') === region)
        .sort((a, b) => b[1].net - a[1].net || a[0].localeCompare(b[0]));
      expect(customers.map((c) => c.customerId)).toEqual(inRegion.slice(0, 2).map(([id]) => id));
    }
    expect(result.regions.length).toBe(4);
  });

  it('customer detail has every order, line, return and review', () => {
    const id = spec.orders.find((o) => o.customerId && spec.returns.some((r) => r.orderId === o.id))?.customerId ?? '';
    const detail = customerDetail(warehouse.db, id);
    const orders = spec.orders.filter((o) => o.customerId === id);
    expect(detail.orders.map((o) => o.orderId).sort()).toEqual(orders.map((o) => o.id).sort());
    expect(detail.orders.reduce((s, o) => s + o.lines.length, 0)).toBe(orders.reduce((s, o) => s + o.lines.length, 0));
    const returns = spec.returns.filter((r) => orders.some((o) => o.id === r.orderId));
    expect(detail.returns.length).toBe(returns.length);
    // Each refund in its order's currency, each product by name.
    for (const r of detail.returns) {
      const order = orders.find((o) => o.id === r.orderId)!;
      expect(r.currency).toBe(order.currency);
      expect(r.name).toBe(spec.products.find((p) => p.sku === r.sku)?.name ?? null);
    }
    expect(detail.returns.reduce((s, r) => s + r.refund, 0)).toBeCloseTo(returns.reduce((s, r) => s + r.refundCents, 0) / 100, 6);
    expect(detail.reviews.length).toBe(spec.reviews.filter((r) => r.customerId === id).length);
    for (const r of detail.reviews) expect(r.name).toBe(spec.products.find((p) => p.sku === r.sku)?.name ?? null);
    expect(detail.firstOrder).toBe(orders.filter((o) => isCountedStatus(o.status)).map((o) => o.date).sort()[0]);
    expect(() => customerDetail(warehouse.db, 'nobody')).toThrow(/No customer/);
  });
});
