import { afterAll, describe, expect, it } from 'vitest';
import { breakdown, categoryMargin, regionCategoryHeatmap, seasonality } from './breakdowns';
import { everyDay, revenueDaily, revenueMonthly, revenueWeekly, weekStartOf } from './revenue';
import { isCountedStatus, lineNet } from './testing/fixture';
import { FixtureModel, type ExpectedFilters } from './testing/expectations';
import { sampleStore } from './testing/sample-store';
import { filters, seededWarehouse } from './testing/seeded-warehouse';

const spec = sampleStore();
const model = new FixtureModel(spec);
const warehouse = seededWarehouse(spec);
afterAll(() => warehouse.dispose());

const F: ExpectedFilters = { from: '2024-02-01', to: '2024-04-30', currency: 'EUR', region: ['North', 'South'] };

describe('revenue over time', () => {
  it('daily net sales, 7-day average over calendar days and cumulative', () => {
    const result = revenueDaily(warehouse.db, filters(F));
    const byDay = model.netByDay(F);
    const days = everyDay(F.from, F.to);
    expect(result.series.rows.map((r) => r[0])).toEqual(days);
    let cumulative = 0;
    days.forEach((day, i) => {
      const row = result.series.rows[i] ?? [];
      const net = byDay.get(day) ?? 0;
      cumulative += net;
      const window = days.slice(Math.max(0, i - 6), i + 1).map((d) => byDay.get(d) ?? 0);
      expect(row[2]).toBeCloseTo(net / 100, 6);
      expect(row[4]).toBeCloseTo(window.reduce((s, v) => s + v, 0) / window.length / 100, 2);
      expect(row[5]).toBeCloseTo(cumulative / 100, 6);
    });
  });

  it('monthly net sales add up to the overview net sales of each month', () => {
    const f: ExpectedFilters = { from: '2024-01-01', to: '2024-05-29', currency: 'EUR', category: ['Hats'] };
    const result = revenueMonthly(warehouse.db, filters(f));
    expect(result.series.rows.map((r) => r[0])).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    for (const row of result.series.rows) {
      const month = String(row[0]);
      const last = month === '2024-05' ? '2024-05-29' : `${month}-${month === '2024-02' ? '29' : month === '2024-04' ? '30' : '31'}`;
      const expected = model.kpis({ ...f, from: `${month}-01`, to: last });
      expect(row[4]).toBeCloseTo(expected.net_sales, 6);
      expect(row[5]).toBe(expected.orders);
    }
  });
});

describe('revenue by week', () => {
  it('names a week by its Monday or its Sunday', () => {
    // 2024-03-06 is a Wednesday.
    expect(weekStartOf('2024-03-06', 'monday')).toBe('2024-03-04');
    expect(weekStartOf('2024-03-06', 'sunday')).toBe('2024-03-03');
    expect(weekStartOf('2024-03-04', 'monday')).toBe('2024-03-04');
    expect(weekStartOf('2024-03-03', 'monday')).toBe('2024-02-26');
    expect(weekStartOf('2024-03-03', 'sunday')).toBe('2024-03-03');
  });

  it.each(['monday', 'sunday'] as const)('weeks starting %s hold the overview figures of their days in the range', (weekStart) => {
    // Starts on a Thursday and ends on a Tuesday: the first and last weeks are partial.
    const f: ExpectedFilters = { from: '2024-02-01', to: '2024-04-30', currency: 'EUR', channel: ['web'] };
    const result = revenueWeekly(warehouse.db, filters(f), weekStart);
    const rows = result.series.rows;
    const firstDay = new Date(`${String(rows[0]?.[0])}T00:00:00Z`).getUTCDay();
    expect(firstDay).toBe(weekStart === 'monday' ? 1 : 0);
    expect(rows.length).toBe(14);
    let cumulative = 0;
    for (const [i, row] of rows.entries()) {
      const start = String(row[0]);
      const from = start < f.from ? f.from : start;
      const end = everyDay(start, '2024-12-31')[6] ?? '';
      const expected = model.kpis({ ...f, from, to: end > f.to ? f.to : end });
      cumulative += expected.net_sales ?? 0;
      expect(row[4], start).toBeCloseTo(expected.net_sales ?? 0, 6);
      expect(row[5], start).toBe(expected.orders ?? 0);
      expect(row[6], start).toBeCloseTo(cumulative, 6);
      if (i > 0) expect(start).toBe(everyDay(String(rows[i - 1]?.[0]), '2024-12-31')[7]);
    }
    expect(cumulative).toBeCloseTo(model.kpis(f).net_sales ?? 0, 6);
  });
});

describe('breakdowns', () => {
  it.each(['category', 'channel', 'region'] as const)('net sales by %s', (dimension) => {
    const f: ExpectedFilters = { from: '2024-01-01', to: '2024-05-29', currency: 'EUR', segment: ['retail', 'wholesale'] };
    const result = breakdown(warehouse.db, filters(f), dimension);
    const expected = model.lineNetBy(f, (l) =>
      dimension === 'category' ? l.category : dimension === 'channel' ? l.order.channel : model.regionOf(l.order),
    );
    const actual = new Map(result.series.rows.map((r) => [String(r[0]), Number(r[4])]));
    expect(actual.size).toBe(expected.size);
    for (const [key, cents] of expected) expect(actual.get(key), key).toBeCloseTo(cents / 100, 6);
    const shares = result.series.rows.reduce((s, r) => s + Number(r[7]), 0);
    expect(shares).toBeCloseTo(1, 9);
  });

  it('region × category heatmap ranks categories within each region', () => {
    const f: ExpectedFilters = { from: '2024-01-01', to: '2024-05-29', currency: 'EUR' };
    const result = regionCategoryHeatmap(warehouse.db, filters(f));
    const expected = model.lineNetBy(f, (l) => `${model.regionOf(l.order) || 'Unknown'}|${l.category || 'Unknown'}`);
    expect(result.cells.rows.length).toBe(expected.size);
    for (const [region, category, net, rank] of result.cells.rows) {
      const key = `${String(region)}|${String(category)}`;
      expect(net, key).toBeCloseTo((expected.get(key) ?? NaN) / 100, 6);
      const higher = [...expected].filter(([k, v]) => k.startsWith(`${String(region)}|`) && v > (expected.get(key) ?? 0)).length;
      expect(rank, key).toBe(higher + 1);
    }
    for (const top of result.topCategoryByRegion) {
      const best = Math.max(...[...expected].filter(([k]) => k.startsWith(`${top.region}|`)).map(([, v]) => v));
      expect(top.netSales).toBeCloseTo(best / 100, 6);
    }
  });

  it('category margin by month uses the cost of the product version valid on the order date', () => {
    const f: ExpectedFilters = { from: '2024-01-01', to: '2024-05-29', currency: 'EUR' };
    const result = categoryMargin(warehouse.db, filters(f));
    const expected = new Map<string, { net: number; cost: number }>();
    for (const l of model.linesIn(f)) {
      const product = model.productBySku.get(l.line.sku);
      const version = [...(product?.versions ?? [])].reverse().find((v) => v.validFrom <= l.order.date);
      const key = `${l.order.date.slice(0, 7)}|${l.category || 'Unknown'}`;
      const e = expected.get(key) ?? { net: 0, cost: 0 };
      e.net += lineNet(l.line);
      e.cost += (version?.costCents ?? 0) * l.line.quantity;
      expected.set(key, e);
    }
    expect(result.series.rows.length).toBe(expected.size);
    for (const [month, category, net, cost, margin] of result.series.rows) {
      const e = expected.get(`${String(month)}|${String(category)}`);
      expect(net).toBeCloseTo((e?.net ?? NaN) / 100, 6);
      if (e?.cost === 0) {
        // No cost on any line: the margin is unknown, not 100 %.
        expect(cost).toBeNull();
        expect(margin).toBeNull();
        continue;
      }
      expect(cost).toBeCloseTo((e?.cost ?? NaN) / 100, 6);
      expect(margin).toBeCloseTo(((e?.net ?? 0) - (e?.cost ?? 0)) / 100, 6);
    }
  });

  it('seasonality: category × month of year, shares sum to 1 per category', () => {
    const f: ExpectedFilters = { from: '2024-01-01', to: '2024-05-29', currency: 'EUR', channel: ['web', 'app'] };
    const result = seasonality(warehouse.db, filters(f));
    const expected = model.lineNetBy(f, (l) => `${l.category || 'Unknown'}|${Number(l.order.date.slice(5, 7))}`);
    // Refunds land in the month of the return date, which lineNetBy keys by order month: compare sales-only cells where no return exists.
    const returnMonths = new Set(model.returnsIn(f).map((r) => r.date.slice(5, 7)));
    for (const [category, month, net] of result.cells.rows) {
      if (returnMonths.size === 0 || !returnMonths.has(String(month).padStart(2, '0'))) {
        expect(net).toBeCloseTo((expected.get(`${String(category)}|${String(month)}`) ?? NaN) / 100, 6);
      }
    }
    const total = result.cells.rows.reduce((s, r) => s + Number(r[2]), 0);
    const all = [...model.lineNetBy(f, () => 'all').values()][0] ?? 0;
    expect(total).toBeCloseTo(all / 100, 6);
    for (const category of result.categories) {
      const shares = result.cells.rows.filter((r) => r[0] === category).reduce((s, r) => s + Number(r[3]), 0);
      expect(shares).toBeCloseTo(1, 9);
    }
  });

  it('fee lines without a category appear as Unknown, never dropped', () => {
    const f: ExpectedFilters = { from: '2024-01-01', to: '2024-05-29', currency: 'EUR' };
    const fees = spec.orders.filter((o) => o.currency === 'EUR' && isCountedStatus(o.status)).flatMap((o) => o.lines).filter((l) => l.sku === 'POST');
    const result = breakdown(warehouse.db, filters(f), 'category');
    const unknown = result.series.rows.find((r) => r[1] === 'Unknown');
    expect(fees.length).toBeGreaterThan(0);
    expect(unknown?.[5]).toBe(fees.reduce((s, l) => s + l.quantity, 0));
  });
});
