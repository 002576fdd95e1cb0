import { afterAll, describe, expect, it } from 'vitest';
import { FiltersSchema } from '../../../shared/contract/analytics';
import { firstOrderDays, lifetimeTotalsCovering } from './customer-lifetimes';
import { customerTotalsFromCells } from './customer-totals';
import { customerMask, dayNumber } from './day-sets';
import { overview } from './overview';
import { isCountedStatus } from './testing/fixture';
import { addDays, resolveScope } from './scope';
import { sampleStore } from './testing/sample-store';
import { seededWarehouse } from './testing/seeded-warehouse';

/**
 * The all-dates fast path reads agg_customer_lifetime instead of summing the cells: it must give
 * the cell path's figures for every customer, under customer-attribute filters too, and step
 * aside whenever the range or a channel / category filter could split a customer's orders.
 */
const warehouse = seededWarehouse(sampleStore({ customers: 60, orders: 500, days: 150 }));
afterAll(() => warehouse.dispose());
const { db } = warehouse;

const figures = (totals: { keys: number[]; orders: Int32Array; net: Float64Array; lastDay: Float64Array }) =>
  [...totals.keys].sort((a, b) => a - b).map((key) => [key, totals.orders[key], totals.net[key], totals.lastDay[key]]);

describe('per-customer lifetime totals', () => {
  it.each([{}, { region: ['North'] }, { segment: ['retail'] }, { region: ['North', 'South'], segment: ['retail', 'wholesale'] }])(
    'equal the summed cells over all dates (%o)',
    (filters) => {
      const scope = resolveScope(db, FiltersSchema.parse(filters));
      if (!scope.range) throw new Error('the sample store has no orders');
      const fast = lifetimeTotalsCovering(db, scope, scope.range, customerMask(db, scope));
      expect(fast).not.toBeNull();
      const cells = customerTotalsFromCells(db, scope, scope.range);
      expect(cells.keys.length).toBeGreaterThan(0);
      expect(figures(fast!)).toEqual(figures(cells));
    },
  );

  it('step aside for a range that misses a day, or a channel or category filter', () => {
    const all = resolveScope(db, FiltersSchema.parse({}));
    if (!all.range) throw new Error('the sample store has no orders');
    const shorter = { from: addDays(all.range.from, 1), to: all.range.to };
    expect(lifetimeTotalsCovering(db, all, shorter, null)).toBeNull();
    const byChannel = resolveScope(db, FiltersSchema.parse({ channel: ['web'] }));
    expect(lifetimeTotalsCovering(db, byChannel, all.range, null)).toBeNull();
    const byCategory = resolveScope(db, FiltersSchema.parse({ category: ['Shoes'] }));
    expect(lifetimeTotalsCovering(db, byCategory, all.range, null)).toBeNull();
  });

  it('new customers in a range are those whose first counted order (any currency) falls in it', () => {
    const range = { from: '2024-02-01', to: '2024-03-15' };
    const firstByCustomer = new Map<number, string>();
    const orders = db
      .prepare<[], [number, string]>('SELECT customer_key, order_date FROM fct_orders WHERE is_counted = 1 AND customer_key IS NOT NULL')
      .raw()
      .all();
    for (const [key, date] of orders) if (!firstByCustomer.has(key) || date < (firstByCustomer.get(key) as string)) firstByCustomer.set(key, date);
    const expected = [...firstByCustomer].filter(([, date]) => date >= range.from && date <= range.to).map(([key]) => key).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    const days = firstOrderDays(db);
    const [from, to] = [dayNumber(range.from), dayNumber(range.to)];
    expect([...days.keys()].filter((key) => (days[key] ?? Number.NaN) >= from && (days[key] ?? Number.NaN) <= to)).toEqual(expected);
  });
});

describe('month cells at the data edge', () => {
  /**
   * A guest order on the very last day is in no customer's cells, but the month cells of one
   * category count it (orders and shipping). A range ending the day before must not read that
   * month's cell whole.
   */
  const spec = sampleStore({ customers: 30, orders: 300, days: 120, seed: 11 });
  const counted = spec.orders.filter((o) => isCountedStatus(o.status) && o.currency === 'EUR');
  const lastDay = counted.map((o) => o.date).sort().at(-1) ?? '';
  const shoe = spec.products.find((p) => p.category === 'Shoes' && p.isProduct);
  const guestDay = addDays(lastDay, 1);
  spec.orders.push({
    id: 'GUEST-LAST', customerId: null, channel: spec.orders[0]?.channel ?? 'web', date: guestDay, status: 'paid', currency: 'EUR',
    extraDiscountCents: 0, shippingCents: 700, lines: [{ sku: shoe?.sku ?? '', quantity: 1, unitPriceCents: 5000, discountCents: 0, taxCents: 0 }],
  });
  const edge = seededWarehouse(spec);
  afterAll(() => edge.dispose());

  it('a one-category overview up to the day before the guest order leaves it out', () => {
    expect(shoe).toBeDefined();
    expect(guestDay.slice(0, 7)).toBe(lastDay.slice(0, 7));
    const range = { from: addDays(lastDay, -40), to: lastDay };
    const category = (sku: string) => spec.products.find((p) => p.sku === sku)?.category;
    const inRange = spec.orders.filter((o) => isCountedStatus(o.status) && o.currency === 'EUR' && o.date >= range.from && o.date <= range.to
      && o.lines.some((l) => category(l.sku) === 'Shoes'));
    expect(inRange.length).toBeGreaterThan(0);
    const result = overview(edge.db, FiltersSchema.parse({ ...range, currency: 'EUR', category: ['Shoes'], compare: 'none' }));
    const kpi = (id: string) => result.kpis.find((k) => k.metricId === id)?.value;
    expect(kpi('orders')).toBe(inRange.length);
    expect(kpi('shipping')).toBeCloseTo(inRange.reduce((sum, o) => sum + o.shippingCents, 0) / 100, 6);
  });
});
