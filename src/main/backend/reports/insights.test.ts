import { describe, expect, it } from 'vitest';
import type { BreakdownResult, KpiValue, ResultMeta } from '../../../shared/contract/analytics';
import { categoryMover, computeInsights, newCustomerShare, netSalesTrend, skuMostAtRisk, type InsightInput } from './insights';

const meta: ResultMeta = { currency: 'EUR', availableCurrencies: ['EUR'], range: null, previousRange: null, emptyReason: null };

const categories = (rows: [string, number][]): BreakdownResult => ({
  meta,
  dimension: 'category',
  series: { columns: ['key', 'label', 'gross_sales', 'discounts', 'net_sales', 'units', 'orders', 'share'], rows: rows.map(([label, net]) => [label, label, net, 0, net, 1, 1, 0]) },
});

const kpi = (metricId: string, value: number | null, previous: number | null): KpiValue => ({
  metricId,
  value,
  previous,
  change: value !== null && previous ? (value - previous) / previous : null,
});

const STOCK_COLUMNS = ['sku', 'name', 'category', 'on_hand', 'allocated', 'available', 'reorder_point', 'avg_daily_units', 'days_of_cover', 'is_at_risk'];

function input(overrides: Partial<InsightInput> = {}): InsightInput {
  return {
    currency: 'EUR',
    kpis: [kpi('net_sales', 1200, 1000), kpi('new_customers', 3, 5), kpi('customers', 12, 10), kpi('return_rate_value', 0.05, 0.02)],
    categories: { current: categories([['Home', 500], ['Toys', 300], ['Apparel', 400]]), previous: categories([['Home', 450], ['Toys', 520], ['Apparel', 30]]) },
    stockAtRisk: {
      columns: STOCK_COLUMNS,
      rows: [
        ['A', 'Mug', 'Home', 5, 1, 4, 10, 2, 2, true],
        ['B', 'Tray', 'Home', 3, 0, 3, 10, 0.5, 6, true],
      ],
    },
    ...overrides,
  };
}

describe('insights', () => {
  it('names the category with the largest money change, whatever its sign', () => {
    // Apparel +370, Toys −220, Home +50: Apparel is the biggest mover.
    const insight = categoryMover(input());
    expect(insight?.text).toMatch(/^Apparel moved net sales the most: \+€370\.00 \(\+1233%\)/);
    const falling = categoryMover(input({ categories: { current: categories([['Toys', 100], ['Home', 460]]), previous: categories([['Toys', 520], ['Home', 450]]) } }));
    expect(falling?.text).toMatch(/^Toys moved net sales the most: −€420\.00 \(−81%\)/);
  });

  it('counts a category that only exists in one period', () => {
    const insight = categoryMover(input({ categories: { current: categories([['New line', 80]]), previous: categories([]) } }));
    expect(insight?.text).toContain('New line moved net sales the most: +€80.00 against');
  });

  it('reports the new-customer share and its change in points', () => {
    // 3/12 = 25 % now, 5/10 = 50 % before.
    expect(newCustomerShare(input())?.text).toBe('New customers were 25% of buyers (3 of 12), down 25 points from 50% in the previous period.');
  });

  it('picks the at-risk SKU with the fewest days of cover', () => {
    expect(skuMostAtRisk(input())?.text).toBe('A (Mug) is the SKU most at risk: 4 available against a reorder point of 10, about 2 days of cover. 1 more SKU is below reorder point.');
    const none = skuMostAtRisk(input({ stockAtRisk: { columns: STOCK_COLUMNS, rows: [] } }));
    expect(none?.text).toMatch(/No SKU is below its reorder point/);
  });

  it('says net sales went up by the relative change', () => {
    expect(netSalesTrend(input())?.text).toBe('Net sales were €1,200.00, up 20% on the previous period (€1,000.00).');
    const first = netSalesTrend(input({ kpis: [kpi('net_sales', 50, null)] }));
    expect(first?.text).toContain('no earlier period');
  });

  it('returns at most 5 insights and skips rules without data', () => {
    expect(computeInsights(input())).toHaveLength(5);
    const sparse = computeInsights(input({ kpis: [kpi('net_sales', 50, null)], categories: { current: categories([]), previous: null } }));
    expect(sparse.map((i) => i.id)).toEqual(['net_sales_trend', 'sku_at_risk']);
  });
});
