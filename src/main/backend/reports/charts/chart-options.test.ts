import { describe, expect, it } from 'vitest';
import { aovOption } from './aov-option';
import { formatMoneyShort } from './chart-style';
import { inventoryAlertsOption } from './inventory-option';
import { netRevenueOption } from './net-revenue-option';
import { retentionOption } from './retention-option';

type AnySeries = { name?: string; type?: string; data?: unknown[]; connectNulls?: boolean };
const seriesOf = (option: { series?: unknown }): AnySeries[] => option.series as AnySeries[];
const axisData = (axis: unknown): unknown[] => (axis as { data: unknown[] }).data;

describe('netRevenueOption', () => {
  it('draws net sales as bars and the 7-day average as a line over the same dates', () => {
    const option = netRevenueOption({ dates: ['2024-03-01', '2024-03-02'], netSales: [10, 20], movingAverage: [10, 15], currency: 'EUR' });
    expect(axisData(option.xAxis)).toEqual(['2024-03-01', '2024-03-02']);
    expect(seriesOf(option).map((s) => [s.type, s.data])).toEqual([
      ['bar', [10, 20]],
      ['line', [10, 15]],
    ]);
    expect((option.title as { text: string }).text).toContain('EUR');
    expect(option.animation).toBe(false);
  });
});

describe('aovOption', () => {
  it('keeps periods without orders as gaps, never as zero', () => {
    const option = aovOption({ periods: ['2024-03-04', '2024-03-11', '2024-03-18'], aov: [40, null, 55], bucket: 'week', currency: 'USD' });
    const [series] = seriesOf(option);
    expect(series?.data).toEqual([40, null, 55]);
    expect(series?.connectNulls).toBe(false);
    expect((option.title as { text: string }).text).toBe('Average order value per week (USD)');
  });
});

describe('retentionOption', () => {
  it('draws one line per cohort, labelled with its size, unfinished months as gaps', () => {
    const option = retentionOption({
      offsets: [0, 1, 2],
      cohorts: [
        { cohortMonth: '2024-01', customers: 7, retention: [1, 0.42, null] },
        { cohortMonth: '2024-02', customers: 3, retention: [1, null, null] },
      ],
    });
    expect(seriesOf(option).map((s) => s.name)).toEqual(['2024-01 (7)', '2024-02 (3)']);
    expect(seriesOf(option)[0]?.data).toEqual([1, 0.42, null]);
    expect(axisData(option.xAxis)).toEqual(['0', '1', '2']);
    const yAxis = option.yAxis as { max: number; axisLabel: { formatter: (v: number) => string } };
    expect(yAxis.max).toBe(1);
    expect(yAxis.axisLabel.formatter(0.25)).toBe('25%');
  });
});

describe('retentionOption layout', () => {
  it('starts the plot below every legend row, which a static image cannot scroll', () => {
    const cohorts = (n: number) => Array.from({ length: n }, (_, i) => ({ cohortMonth: `2024-0${i + 1}`, customers: 10, retention: [1, 0.5] }));
    const top = (n: number) => (retentionOption({ offsets: [0, 1], cohorts: cohorts(n) }).grid as { top: number }).top;
    expect(top(6)).toBeGreaterThan(top(4));
    expect(top(4)).toBe(top(1));
  });
});

describe('inventoryAlertsOption', () => {
  it('pairs each SKU’s available stock with its reorder point', () => {
    const option = inventoryAlertsOption([
      { sku: 'A', name: 'Mug', available: 2, reorderPoint: 10 },
      { sku: 'B', name: null, available: 0, reorderPoint: 5 },
    ]);
    expect(axisData(option.yAxis)).toEqual(['A Mug', 'B']);
    expect(seriesOf(option).map((s) => s.data)).toEqual([
      [2, 0],
      [10, 5],
    ]);
    const xAxis = option.xAxis as { max: (e: { max: number }) => number };
    expect(xAxis.max({ max: 10 })).toBeGreaterThan(10);
  });
});

describe('formatMoneyShort', () => {
  it.each([
    [950, '950'],
    [1_234, '1.2k'],
    [45_000, '45k'],
    [2_500_000, '2.5M'],
  ])('%d → %s', (value, text) => expect(formatMoneyShort(value, null)).toBe(text));
});
