import { afterAll, describe, expect, it } from 'vitest';
import { FiltersSchema } from '../../../shared/contract/analytics';
import { firstOrderCustomers, lifetimeTotalsCovering } from './customer-lifetimes';
import { customerTotalsFromCells } from './customer-totals';
import { customerMask } from './day-sets';
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
    const flags = firstOrderCustomers(db, range, 1000);
    expect([...flags.keys()].filter((key) => flags[key] === 1)).toEqual(expected);
  });
});
