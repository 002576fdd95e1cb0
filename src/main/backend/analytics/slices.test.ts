import { afterAll, describe, expect, it } from 'vitest';
import { cohortLtv } from './cohorts';
import { topCustomers } from './customers';
import { inventoryAlerts, inventoryStatus } from './inventory';
import { bestSellers } from './products';
import { rfm } from './rfm';
import { addDays, daysBetween } from './scope';
import { isCountedStatus, lineNet, type FixtureOrder, type FixtureSpec } from './testing/fixture';
import { FixtureModel, type ExpectedFilters } from './testing/expectations';
import { sampleStore } from './testing/sample-store';
import { filters, seededWarehouse } from './testing/seeded-warehouse';

/**
 * The dimension filters on views that used to ignore them (cohort LTV, inventory) and the
 * month-cell paths of the customer views, against plain TypeScript over the fixture rows.
 */
/**
 * The import flags ONE first order per customer (by creation instant); the fixture flags every
 * counted order of the first day, so same-day second orders move to the next day here.
 */
function withOneFirstOrderPerCustomer(store: FixtureSpec): FixtureSpec {
  const firstDay = new Map<string, string>();
  for (const o of store.orders) {
    if (!o.customerId || !isCountedStatus(o.status)) continue;
    const day = firstDay.get(o.customerId);
    if (!day || o.date < day) firstDay.set(o.customerId, o.date);
  }
  const isTaken = new Set<string>();
  const orders = store.orders.map((o) => {
    if (!o.customerId || !isCountedStatus(o.status) || firstDay.get(o.customerId) !== o.date) return o;
    if (!isTaken.has(o.customerId)) {
      isTaken.add(o.customerId);
      return o;
    }
    return { ...o, date: addDays(o.date, 1) };
  });
  return { ...store, orders };
}

const spec = withOneFirstOrderPerCustomer(sampleStore({ customers: 60, orders: 600, days: 200 }));
const model = new FixtureModel(spec);
const warehouse = seededWarehouse(spec);
afterAll(() => warehouse.dispose());
const ALL: ExpectedFilters = { from: '2024-01-01', to: '2024-07-18', currency: 'EUR' };

const refundsOf = (order: FixtureOrder): number => spec.returns.filter((r) => r.orderId === order.id).reduce((s, r) => s + r.refundCents, 0);
const orderNet = (o: FixtureOrder): number => o.lines.reduce((s, l) => s + lineNet(l), 0) - o.extraDiscountCents - refundsOf(o);
const sum = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0);

describe('cohort LTV under dimension filters', () => {
  // The first order as the fixture flags it (is_first_order): the counted order on the customer's first day.
  const counted = spec.orders.filter((o) => o.customerId && isCountedStatus(o.status));
  const firstOf = new Map<string, FixtureOrder>();
  for (const o of counted) {
    const first = firstOf.get(o.customerId ?? '');
    if (!first || o.date < first.date) firstOf.set(o.customerId ?? '', o);
  }
  const lastOrderDay = spec.orders.map((o) => o.date).sort().at(-1) ?? '';

  function expected(pick: (first: FixtureOrder, customerId: string) => boolean, windows: number[]): unknown[][] {
    const members = [...firstOf].filter(([id, first]) => first.currency === 'EUR' && pick(first, id));
    const months = [...new Set(members.map(([, f]) => f.date.slice(0, 7)))].sort();
    return months.flatMap((month) => {
      const cohort = members.filter(([, f]) => f.date.slice(0, 7) === month);
      return windows.map((w) => {
        const perCustomer = cohort.map(([id, first]) => {
          const inWindow = counted.filter((o) => o.customerId === id && o.currency === first.currency && o.date >= first.date && o.date < addDays(first.date, w));
          return { revenue: sum(inWindow.map(orderNet)), isRetained: inWindow.some((o) => o !== first), first: first.date };
        });
        const n = cohort.length;
        const revenue = sum(perCustomer.map((c) => c.revenue));
        const retained = perCustomer.filter((c) => c.isRetained).length;
        const lastFirst = perCustomer.map((c) => c.first).sort().at(-1) ?? '';
        return [month, w, n, retained, retained / n, revenue / 100, Math.trunc((revenue * 2 + n) / (2 * n)) / 100, addDays(lastFirst, w - 1) <= lastOrderDay];
      });
    });
  }

  it('the fixture flags exactly one first order per customer (as the import does)', () => {
    for (const [id, first] of firstOf) expect(counted.filter((o) => o.customerId === id && o.date === first.date).length, id).toBe(1);
  });

  it('region and segment pick the cohort members', () => {
    const result = cohortLtv(warehouse.db, filters({ ...ALL, region: ['North'], segment: ['retail', 'wholesale'] }), {});
    const want = expected((_, id) => model.customerById.get(id)?.region === 'North' && ['retail', 'wholesale'].includes(model.customerById.get(id)?.segment ?? ''), [7, 30, 90]);
    expect(want.length).toBeGreaterThan(3);
    expect(result.series.rows).toEqual(want);
    expect(result.meta.emptyReason).toBeNull();
  });

  it('channel picks members by their first order channel; the channel slices add up to all members', () => {
    const all = expected(() => true, [30]);
    const byChannel = spec.channels.map((c) => cohortLtv(warehouse.db, filters({ ...ALL, channel: [c.code] }), { windowDays: 30 }).series.rows);
    expect(byChannel[0]).toEqual(expected((first) => first.channel === spec.channels[0]?.code, [30]));
    for (const row of all) {
      const slices = byChannel.flat().filter((r) => r[0] === row[0]);
      expect(sum(slices.map((r) => Number(r[2]))), String(row[0])).toBe(row[2]);
      expect(sum(slices.map((r) => Number(r[5]))), String(row[0])).toBeCloseTo(Number(row[5]), 6);
    }
  });

  it('category picks members whose first order has a line in the category', () => {
    const result = cohortLtv(warehouse.db, filters({ ...ALL, category: ['Shoes'] }), { windowDays: 90 });
    expect(result.series.rows).toEqual(expected((first) => first.lines.some((l) => model.categoryOf(l.sku) === 'Shoes'), [90]));
  });

  it('a filter that matches no member gives an empty result with a reason', () => {
    const january = { ...ALL, from: '2024-01-01', to: '2024-01-31' };
    const combos = spec.channels.flatMap((c) => ['North', 'South', 'East'].flatMap((region) => ['Shoes', 'Bags', 'Hats', 'Socks'].map((category) => ({ channel: c.code, region, category }))));
    const none = combos.find(({ channel, region, category }) =>
      expected((first, id) => first.date <= january.to && first.channel === channel && model.customerById.get(id)?.region === region
        && first.lines.some((l) => model.categoryOf(l.sku) === category), [7]).length === 0);
    expect(none).toBeDefined();
    const result = cohortLtv(warehouse.db, filters({ ...january, channel: [none?.channel ?? ''], region: [none?.region ?? ''], category: [none?.category ?? ''] }), {});
    expect(result.series.rows).toEqual([]);
    expect(result.meta.emptyReason).toMatch(/No paid EUR orders match the channel, region, category filters/);
  });
});

describe('inventory under region, channel and segment filters', () => {
  const latestDay = spec.inventory.map((d) => d.date).sort().at(-1) ?? '';
  const f: ExpectedFilters = { from: '2024-05-01', to: '2024-07-18', currency: 'EUR', region: ['South'], channel: ['web'] };
  const sold = new Set(model.linesIn(f).map((l) => l.line.sku));

  it('lists the SKUs sold under the filters in the range, with their own stock', () => {
    const result = inventoryStatus(warehouse.db, filters(f), { onlyAtRisk: false, limit: 100 });
    const want = spec.inventory.filter((d) => d.date === latestDay && sold.has(d.sku));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(spec.inventory.filter((d) => d.date === latestDay).length);
    expect(result.items.rows.map((r) => r[0]).sort()).toEqual(want.map((d) => d.sku).sort());
    for (const row of result.items.rows) {
      const d = want.find((x) => x.sku === row[0]);
      expect(row[5]).toBe((d?.onHand ?? NaN) - (d?.allocated ?? NaN));
    }
  });

  it('nearly whole months at both edges (month cells less the days outside) list the same SKUs as the lines', () => {
    const edges: ExpectedFilters = { from: '2024-03-02', to: '2024-05-30', currency: 'EUR', region: ['North'] };
    const soldAtEdges = new Set(model.linesIn(edges).map((l) => l.line.sku));
    const result = inventoryStatus(warehouse.db, filters(edges), { onlyAtRisk: false, limit: 100 });
    const want = spec.inventory.filter((d) => d.date === latestDay && soldAtEdges.has(d.sku)).map((d) => d.sku).sort();
    expect(want.length).toBeGreaterThan(0);
    expect(result.items.rows.map((r) => r[0]).sort()).toEqual(want);
  });

  it('days of cover from the units sold (every currency) in the 28 days up to the stock day', () => {
    const result = inventoryStatus(warehouse.db, filters({}), { onlyAtRisk: false, limit: 100 });
    const from = addDays(latestDay, -28);
    for (const row of result.items.rows) {
      const units = sum(spec.orders.filter((o) => isCountedStatus(o.status) && o.date > from && o.date <= latestDay)
        .flatMap((o) => o.lines.filter((l) => l.sku === row[0]).map((l) => l.quantity)));
      const perDay = units / 28;
      expect(row[7], String(row[0])).toBe(Math.round(perDay * 100) / 100);
      expect(row[8], String(row[0])).toBe(perDay > 0 ? Math.round((Math.max(0, Number(row[5])) / perDay) * 10) / 10 : null);
    }
    expect(result.items.rows.some((row) => row[8] !== null)).toBe(true);
  });

  it('keeps the alerts of those SKUs active in the range', () => {
    const result = inventoryAlerts(warehouse.db, filters(f), { status: 'all', limit: 100 });
    const want = spec.alerts.filter((a) => sold.has(a.sku) && a.raisedDate <= f.to && (a.resolvedDate === null || a.resolvedDate >= f.from));
    expect(result.alerts.rows.map((r) => r[1]).sort()).toEqual(want.map((a) => a.sku).sort());
  });

  it('says why when nothing was sold under the filters', () => {
    const result = inventoryStatus(warehouse.db, filters({ ...f, from: '2030-01-01', to: '2030-01-31' }), { onlyAtRisk: false, limit: 100 });
    expect(result.items.rows).toEqual([]);
    expect(result.meta.emptyReason).toMatch(/No orders between 2030-01-01 and 2030-01-31/);
  });
});

describe('customer views over whole months (month cells) with one category and a region', () => {
  const f: ExpectedFilters = { ...ALL, category: ['Bags'], region: ['North', 'East'] };
  const perCustomer = new Map<string, { orders: number; net: number; last: string }>();
  for (const o of model.ordersIn(f)) {
    if (!o.customerId) continue;
    const e = perCustomer.get(o.customerId) ?? { orders: 0, net: 0, last: '' };
    e.orders += 1;
    e.net += sum(model.linesOf(o, f).map((l) => lineNet(l.line)));
    e.last = o.date > e.last ? o.date : e.last;
    perCustomer.set(o.customerId, e);
  }

  it('top customers: orders with lines in the category and their line net', () => {
    const result = topCustomers(warehouse.db, filters(f), { search: '', sort: 'net_revenue', direction: 'desc', offset: 0, limit: 100 });
    expect(result.total).toBe(perCustomer.size);
    for (const row of result.rows) {
      expect(row.orders, row.customerId).toBe(perCustomer.get(row.customerId)?.orders);
      expect(row.netRevenue, row.customerId).toBeCloseTo((perCustomer.get(row.customerId)?.net ?? NaN) / 100, 6);
    }
  });

  it('RFM recency is measured from the last matching order', () => {
    const result = rfm(warehouse.db, filters(f), { limit: 100 });
    expect(result.totalCustomers).toBe(perCustomer.size);
    for (const [id, , recency, frequency] of result.customers.rows) {
      expect(recency).toBe(daysBetween(perCustomer.get(String(id))?.last ?? '', ALL.to));
      expect(frequency).toBe(perCustomer.get(String(id))?.orders);
    }
  });
});

describe('best sellers over nearly whole months (month cells minus the days left out)', () => {
  it.each([
    { from: '2024-02-03', to: '2024-04-28', currency: 'EUR' },
    { from: '2024-03-02', to: '2024-03-30', currency: 'EUR', channel: ['web'], category: ['Shoes', 'Bags'] },
    // A region needs the customer: line month cells less the line day cells outside the range.
    { from: '2024-02-03', to: '2024-04-28', currency: 'EUR', region: ['North', 'South'] },
    { from: '2024-03-02', to: '2024-05-30', currency: 'EUR', region: ['South'], category: ['Shoes', 'Bags'] },
  ] satisfies ExpectedFilters[])('every SKU with its net after returns, units and lines: %o', (f) => {
    const result = bestSellers(warehouse.db, filters(f), { by: 'revenue', limit: 1000 });
    const net = model.lineNetBy(f, (l) => l.line.sku);
    const units = new Map<string, number>();
    const lines = new Map<string, number>();
    for (const l of model.linesIn(f)) {
      units.set(l.line.sku, (units.get(l.line.sku) ?? 0) + l.line.quantity);
      lines.set(l.line.sku, (lines.get(l.line.sku) ?? 0) + 1);
    }
    const sold = [...units.keys()].filter((sku) => sku !== 'POST').sort();
    expect(sold.length).toBeGreaterThan(3);
    expect(result.series.rows.map((r) => String(r[0])).sort()).toEqual(sold);
    for (const [sku, , , netSales, u, n] of result.series.rows) {
      expect(netSales, String(sku)).toBeCloseTo((net.get(String(sku)) ?? NaN) / 100, 6);
      expect(u).toBe(units.get(String(sku)));
      expect(n).toBe(lines.get(String(sku)));
    }
  });
});
