import { describe, expect, it } from 'vitest';
import { breakdownBarOption } from './breakdown';
import { cohortHeatmapOption, regionCategoryHeatmapOption } from './heatmap';
import { cohortLtvOption, rfmCustomerAt, rfmScatterOption } from './customers';
import { inventoryRiskOption } from './inventory';
import { categoryMarginOption, priceHistoryOption, salesVsRatingOption } from './products';
import { periodRevenueOption, revenueTrendOption } from './revenue';

const money = (v: number | null) => `€${v}`;

describe('revenueTrendOption', () => {
  const series = {
    columns: ['date', 'gross_sales', 'net_sales', 'orders', 'net_sales_ma7', 'net_sales_cumulative'],
    rows: [
      ['2024-01-01', 100, 90, 2, 90, 90],
      ['2024-01-02', 50, 40, 1, 65, 130],
    ],
  };
  it('plots net sales and the 7-day average against the dates', () => {
    const option = revenueTrendOption(series, money);
    expect(option.xAxis.data).toEqual(['2024-01-01', '2024-01-02']);
    expect(option.series.map((s) => s.data)).toEqual([[90, 40], [90, 65]]);
    expect(option.dataZoom).toEqual([]);
    expect(option.tooltip.valueFormatter(12)).toBe('€12');
  });
  it('fails loudly when the engine drops a column', () => {
    expect(() => revenueTrendOption({ columns: ['date'], rows: [] }, money)).toThrow(/net_sales/);
  });
});

describe('breakdownBarOption', () => {
  const series = {
    columns: ['key', 'label', 'gross_sales', 'discounts', 'net_sales', 'units', 'orders', 'share'],
    rows: [
      ['web', 'Web shop', 0, 0, 300, 0, 0, 0.75],
      ['mkt', 'Marketplace', 0, 0, 100, 0, 0, 0.25],
    ],
  };
  it('puts the biggest bar on top (last on a category y axis) and keeps engine keys for clicks', () => {
    const option = breakdownBarOption(series, money);
    expect(option.yAxis.data).toEqual(['Marketplace', 'Web shop']);
    expect(option.series[0]?.data.map((d) => d.key)).toEqual(['mkt', 'web']);
  });
  it('dims every bar but the cross-filtered one', () => {
    const data = breakdownBarOption(series, money, 'web').series[0]?.data ?? [];
    expect(data.map((d) => 'itemStyle' in d)).toEqual([true, false]);
  });
});

describe('cohortHeatmapOption', () => {
  it('draws unfinished months as their own series, not as 0 %', () => {
    const option = cohortHeatmapOption({
      offsets: [0, 1, 2],
      cohorts: [
        { cohortMonth: '2024-01', customers: 10, retention: [1, 0.3, 0.2], isComplete: [true, true, true] },
        { cohortMonth: '2024-02', customers: 5, retention: [1, 0.4, null], isComplete: [true, true, false] },
      ],
    });
    const [light, dark, unfinished] = option.series;
    // Finished cells, split by shade (dark labels on light cells, white on dark ones).
    expect(light?.data).toEqual([[1, 0, 0.3], [2, 0, 0.2], [1, 1, 0.4]]);
    expect(dark?.data).toEqual([[0, 0, 1], [0, 1, 1]]);
    expect([light?.label.color, dark?.label.color]).toEqual(['#1b1f27', '#ffffff']);
    expect(unfinished?.data.map((d) => d.slice(0, 2))).toEqual([[2, 1]]);
    expect(option.visualMap.seriesIndex).toEqual([0, 1]);
  });
});

describe('regionCategoryHeatmapOption', () => {
  it('places each cell at its category × region and outlines the top category per region', () => {
    const option = regionCategoryHeatmapOption(['North', 'South'], ['Books', 'Toys'], {
      columns: ['region', 'category', 'net_sales', 'rank_in_region'],
      rows: [
        ['South', 'Toys', 50, 1],
        ['North', 'Books', 20, 2],
        ['North', 'Toys', 30, 1],
      ],
    }, money);
    const data = option.series[0]?.data ?? [];
    expect(data.map((d) => d.value)).toEqual([[1, 1, 50], [0, 0, 20], [1, 0, 30]]);
    expect(data.map((d) => 'itemStyle' in d)).toEqual([true, false, true]);
    expect(option.visualMap.max).toBe(50);
  });
});

describe('rfmScatterOption', () => {
  const option = rfmScatterOption({
    columns: ['customer_id', 'name', 'recency_days', 'frequency', 'monetary', 'r', 'f', 'm', 'segment'],
    rows: [
      ['C1', 'Ana', 3, 9, 900, 5, 5, 5, 'Champions'],
      ['C2', null, 200, 1, 0, 1, 1, 1, 'Lost'],
      ['C3', 'Bo', 5, 7, 700, 5, 4, 5, 'Champions'],
      ['C4', 'Cy', 40, 2, 120, 3, 2, 2, 'Champions'],
    ],
  }, money);

  it('splits each segment into frequency bands that share its name and colour, and keeps customer ids for the drawer', () => {
    expect(option.legend.data).toEqual(['Champions', 'Lost']);
    expect(option.series.map((s) => [s.name, s.symbolSize, s.customerIds])).toEqual([
      ['Champions', 15, ['C1', 'C3']],
      ['Lost', 6, ['C2']],
      ['Champions', 10, ['C4']],
    ]);
    expect(new Set(option.series.filter((s) => s.name === 'Champions').map((s) => s.itemStyle.color)).size).toBe(1);
    expect(option.series[0]?.itemStyle.color).not.toBe(option.series[1]?.itemStyle.color);
    expect(option.series[0]?.data).toEqual([[3, 900, 9], [5, 700, 7]]);
  });

  it('finds the clicked customer by series and point, and lifts a zero total onto the log axis', () => {
    expect(rfmCustomerAt(option, 0, 1)).toBe('C3');
    expect(rfmCustomerAt(option, 2, 0)).toBe('C4');
    expect(rfmCustomerAt(option, 3, 0)).toBeNull();
    // A nameless customer is labelled by id; a zero total is lifted to 1 so the log axis can place it.
    expect(option.series[1]?.customerNames).toEqual(['C2']);
    expect(option.series[1]?.data[0]).toEqual([200, 1, 1]);
  });
});

describe('cohortLtvOption', () => {
  it('lays out one bar series per window and marks windows that are still running', () => {
    const option = cohortLtvOption({
      columns: ['cohort_month', 'window_days', 'customers', 'retained_customers', 'retention_rate', 'revenue', 'ltv', 'is_complete'],
      rows: [
        ['2024-02', 7, 5, 1, 0.2, 50, 10, 1],
        ['2024-01', 7, 4, 1, 0.25, 40, 10, 1],
        ['2024-01', 90, 4, 2, 0.5, 80, 20, 0],
      ],
    }, money);
    expect(option.xAxis.data).toEqual(['2024-01', '2024-02']);
    expect(option.series.map((s) => s.name)).toEqual(['7-day LTV', '30-day LTV', '90-day LTV']);
    expect(option.series[0]?.data).toEqual([10, 10]);
    expect(option.series[1]?.data).toEqual([null, null]);
    expect(option.series[2]?.data[0]).toMatchObject({ value: 20, isIncomplete: true });
  });
});

describe('product options', () => {
  it('drops unrated products from sales vs rating', () => {
    const option = salesVsRatingOption({
      columns: ['sku', 'name', 'category', 'net_sales', 'units', 'avg_rating', 'reviews'],
      rows: [
        ['A', 'Alpha', 'x', 100, 1, 4.5, 2],
        ['B', 'Beta', 'x', 50, 1, null, 0],
      ],
    }, money);
    expect(option.series[0]?.data.map((d) => d.sku)).toEqual(['A']);
  });
  it('draws price versions as steps, ending a retired product at its valid_to', () => {
    const option = priceHistoryOption([
      { productKey: 1, validFrom: '2024-01-01', validTo: '2024-03-01', listPrice: 10, cost: 4, isCurrent: false },
      { productKey: 2, validFrom: '2024-03-01', validTo: '2024-05-01', listPrice: 12, cost: 5, isCurrent: false },
    ], money);
    expect(option.series[0]?.data).toEqual([['2024-01-01', 10], ['2024-03-01', 12], ['2024-05-01', 12]]);
    expect(option.series[1]?.data).toEqual([['2024-01-01', 4], ['2024-03-01', 5], ['2024-05-01', 5]]);
  });
  it('runs the current version on to the data\'s last day, so one version is a line, not a dot', () => {
    const current = [{ productKey: 1, validFrom: '2024-01-01T00:00:00Z', validTo: null, listPrice: 10, cost: 4, isCurrent: true }];
    expect(priceHistoryOption(current, money, '2024-12-30').series[0]?.data).toEqual([['2024-01-01T00:00:00Z', 10], ['2024-12-30', 10]]);
    expect(priceHistoryOption(current, money, null).series[0]?.data).toEqual([['2024-01-01T00:00:00Z', 10]]);
    // A last day before the version began (another currency's range) adds nothing.
    expect(priceHistoryOption(current, money, '2023-06-30').series[1]?.data).toEqual([['2024-01-01T00:00:00Z', 4]]);
  });
});

describe('categoryMarginOption', () => {
  it('puts each rate at its category and month, leaves gaps empty and fits the axis to the rates', () => {
    const option = categoryMarginOption({
      columns: ['month', 'category', 'margin_rate'],
      rows: [
        ['2024-02', 'Shoes', 0.52],
        ['2024-01', 'Bags', 0.61],
        ['2024-01', 'Shoes', 0.5],
      ],
    });
    expect(option.xAxis.data).toEqual(['2024-01', '2024-02']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([['Bags', [0.61, null]], ['Shoes', [0.5, 0.52]]]);
    expect(option.yAxis.scale).toBe(true);
  });
});

describe('inventoryRiskOption', () => {
  const days = (n: number) => ({
    columns: ['date', 'at_risk_skus', 'alerts_raised', 'alerts_resolved'],
    rows: Array.from({ length: n }, (_, i) => [`2024-01-${String((i % 28) + 1).padStart(2, '0')}`, 10 + i, i % 3, i % 2]),
  });
  it('draws the count as a step line and the day\'s alerts as bars on one integer axis', () => {
    const option = inventoryRiskOption(days(3));
    expect(option.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['SKUs at risk', 'line', [10, 11, 12]],
      ['Alerts raised', 'bar', [0, 1, 2]],
      ['Alerts resolved', 'bar', [0, 1, 0]],
    ]);
    expect(option.series[0]).toMatchObject({ step: 'end' });
    expect(option.yAxis.minInterval).toBe(1);
    expect(option.dataZoom).toEqual([]);
  });
  it('adds a zoom past four months', () => {
    expect(inventoryRiskOption(days(200)).dataZoom).toHaveLength(2);
  });
});

describe('periodRevenueOption', () => {
  const weeks = (n: number) => ({
    columns: ['week', 'gross_sales', 'discounts', 'refunds', 'net_sales', 'orders', 'net_sales_cumulative'],
    rows: Array.from({ length: n }, (_, i) => [`w${i}`, 10, 0, 0, 9, 1, 9 * (i + 1)]),
  });
  it('opens a long weekly series on its latest year, with the rest a drag away', () => {
    const option = periodRevenueOption(weeks(208), money, 'week');
    expect(option.xAxis.data).toHaveLength(208);
    expect(option.dataZoom.map((z) => [z.start, z.end])).toEqual([[75, 100], [75, 100]]);
    expect(option.yAxis[0]?.name).toBe('Week');
  });
  it('shows a short series whole', () => {
    expect(periodRevenueOption(weeks(30), money, 'week').dataZoom).toEqual([]);
    expect(periodRevenueOption({ ...weeks(24), columns: ['month', ...weeks(1).columns.slice(1)] }, money).yAxis[0]?.name).toBe('Month');
  });
});

