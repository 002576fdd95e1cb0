import { afterAll, describe, expect, it } from 'vitest';
import { overview } from './overview';
import { previousPeriod } from './scope';
import { FixtureModel, type ExpectedFilters } from './testing/expectations';
import { sampleStore } from './testing/sample-store';
import { filters, seededWarehouse } from './testing/seeded-warehouse';

const spec = sampleStore();
const model = new FixtureModel(spec);
const warehouse = seededWarehouse(spec);
afterAll(() => warehouse.dispose());

const CASES: { name: string; f: ExpectedFilters }[] = [
  { name: 'whole range', f: { from: '2024-01-01', to: '2024-05-29', currency: 'EUR' } },
  { name: 'a month', f: { from: '2024-03-01', to: '2024-03-31', currency: 'EUR' } },
  { name: 'region', f: { from: '2024-02-01', to: '2024-04-30', currency: 'EUR', region: ['North', 'East'] } },
  { name: 'channel + segment', f: { from: '2024-01-15', to: '2024-05-15', currency: 'EUR', channel: ['web'], segment: ['retail'] } },
  { name: 'one category', f: { from: '2024-01-01', to: '2024-05-29', currency: 'EUR', category: ['Shoes'] } },
  { name: 'two categories + region', f: { from: '2024-02-01', to: '2024-05-29', currency: 'EUR', category: ['Shoes', 'Bags'], region: ['South'] } },
  { name: 'other currency', f: { from: '2024-01-01', to: '2024-05-29', currency: 'USD' } },
];

const firstCountedDay = (currency: string): string =>
  spec.orders.filter((o) => o.currency === currency && o.status !== 'cancelled' && o.status !== 'created').map((o) => o.date).sort()[0] ?? '';

function expectFigures(actual: Record<string, number | null>, expected: Record<string, number | null>): void {
  for (const [metric, value] of Object.entries(expected)) {
    if (value === null) expect(actual[metric], metric).toBeNull();
    else expect(actual[metric], metric).toBeCloseTo(value, 6);
  }
}

describe('overview', () => {
  it.each(CASES)('matches an independent computation: $name', ({ f }) => {
    const result = overview(warehouse.db, filters({ ...f, compare: 'previous_period' }));
    const current = Object.fromEntries(result.kpis.map((k) => [k.metricId, k.value]));
    const previous = Object.fromEntries(result.kpis.map((k) => [k.metricId, k.previous]));
    expect(result.meta.currency).toBe(f.currency);
    expect(result.meta.emptyReason).toBeNull();
    expect(current.orders).toBeGreaterThan(0);
    expectFigures(current, model.kpis(f));
    const before = previousPeriod({ from: f.from, to: f.to });
    if (before.to < firstCountedDay(f.currency)) {
      // Nothing to compare with: no comparison, not every figure against zero.
      expect(result.meta.previousRange).toBeNull();
      expect(result.kpis.every((k) => k.previous === null && k.change === null)).toBe(true);
      return;
    }
    expect(result.meta.previousRange).toEqual(before);
    expectFigures(previous, model.kpis({ ...f, ...before }));
  });

  it('compares with a period that overlaps the data only in part', () => {
    const f: ExpectedFilters = { from: '2024-01-20', to: '2024-03-10', currency: 'EUR' };
    const result = overview(warehouse.db, filters({ ...f, compare: 'previous_period' }));
    const before = previousPeriod(f);
    expect(before.from < firstCountedDay('EUR')).toBe(true);
    expect(result.meta.previousRange).toEqual(before);
    expectFigures(Object.fromEntries(result.kpis.map((k) => [k.metricId, k.previous])), model.kpis({ ...f, ...before }));
  });

  it('reports the change against the previous period', () => {
    const f = CASES[1]?.f as ExpectedFilters;
    const result = overview(warehouse.db, filters(f));
    const net = result.kpis.find((k) => k.metricId === 'net_sales');
    const expectedNow = model.kpis(f).net_sales as number;
    const expectedBefore = model.kpis({ ...f, ...previousPeriod(f) }).net_sales as number;
    expect(net?.change).toBeCloseTo((expectedNow - expectedBefore) / Math.abs(expectedBefore), 9);
  });

  it('defaults to the dominant currency and the whole data range', () => {
    const result = overview(warehouse.db, filters({ compare: 'none' }));
    const eurOrders = spec.orders.filter((o) => o.currency === 'EUR' && o.status !== 'cancelled' && o.status !== 'created');
    const dates = eurOrders.map((o) => o.date).sort();
    expect(result.meta.currency).toBe('EUR');
    expect(result.meta.availableCurrencies).toEqual(['EUR', 'USD']);
    expect(result.meta.range).toEqual({ from: dates[0], to: dates.at(-1) });
    expect(result.kpis.find((k) => k.metricId === 'orders')?.value).toBe(eurOrders.length);
    expect(result.kpis.every((k) => k.previous === null)).toBe(true);
  });

  it("counts a customer whose first and second orders fall in the period as new and returning (Shopify's rule)", () => {
    const f = CASES[0]?.f as ExpectedFilters;
    const kpi = (id: string) => overview(warehouse.db, filters({ ...f, compare: 'none' })).kpis.find((k) => k.metricId === id)?.value as number;
    const counted = spec.orders.filter((o) => o.currency === f.currency && o.customerId && o.status !== 'cancelled' && o.status !== 'created');
    const datesOf = new Map<string, string[]>();
    for (const o of counted) datesOf.set(o.customerId as string, [...(datesOf.get(o.customerId as string) ?? []), o.date]);
    // New (first order in the period) and returning (another order in it, or a later one than the first).
    const newAndReturning = [...datesOf].filter(([id, dates]) => {
      const first = model.firstOrderDate(id) ?? '';
      return first >= f.from && (dates.length >= 2 || dates.some((d) => d > first));
    }).length;
    expect(newAndReturning).toBeGreaterThan(0);
    expect(kpi('new_customers') + kpi('returning_customers')).toBe(kpi('customers') + newAndReturning);
  });

  it('returns an empty result with a reason when nothing matches', () => {
    const unknownRegion = overview(warehouse.db, filters({ region: ['Atlantis'] }));
    expect(unknownRegion.kpis).toEqual([]);
    expect(unknownRegion.meta.emptyReason).toContain('Atlantis');
    const outside = overview(warehouse.db, filters({ from: '2030-01-01', to: '2030-01-31' }));
    expect(outside.kpis).toEqual([]);
    expect(outside.meta.emptyReason).toMatch(/No orders between 2030-01-01 and 2030-01-31/);
    const unknownCurrency = overview(warehouse.db, filters({ currency: 'JPY' }));
    expect(unknownCurrency.meta.emptyReason).toMatch(/JPY/);
  });
});
