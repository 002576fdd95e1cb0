import { describe, expect, it } from 'vitest';
import { GROUPING_IDS } from '../dimensions';
import { SALES_MEASURES, type SalesCell } from './line-cells';
import { projectByText, projectRanked, rankCells } from './sales-cells';

/** A month's finest cells from a small deterministic generator: repeated part values, channels past 9 (text order ≠ number order). */
function finestCells(count: number): Map<number, SalesCell> {
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const cells = new Map<number, SalesCell>();
  for (let i = 0; i < count; i += 1) {
    const parts: SalesCell['parts'] = [`2024-03-${String(1 + next(31)).padStart(2, '0')}`, ['EUR', 'USD'][next(2)] as string, 1 + next(12), ['', 'North', 'South'][next(3)] as string, ['', 'vip', 'new'][next(3)] as string, ['', 'Books', 'Toys', 'Garden'][next(4)] as string];
    cells.set(i, { parts, m: Array.from({ length: SALES_MEASURES }, () => next(1000)) });
  }
  return cells;
}

/** The grouping's cells summed the plain way, for comparison. */
function bruteForce(cells: Map<number, SalesCell>, groupingId: number): Map<string, number[]> {
  const sums = new Map<string, number[]>();
  for (const { parts, m } of cells.values()) {
    const [date, currency, channel, region, segment, category] = parts;
    const key = JSON.stringify([date, currency, groupingId & 1 ? channel : 0, groupingId & 2 ? region : '', groupingId & 4 ? segment : '', groupingId & 8 ? category : '']);
    const total = sums.get(key) ?? new Array<number>(SALES_MEASURES).fill(0);
    sums.set(key, total.map((v, i) => v + (m[i] ?? 0)));
  }
  return sums;
}

describe('sales cell projection', () => {
  const cells = finestCells(2000);
  const ranked = rankCells(cells);

  it.each(GROUPING_IDS)('grouping %i: ranked keys give the same cells and sums as a plain group-by, in key order', (groupingId) => {
    if (ranked === null) throw new Error('these parts must fit a numeric key');
    const projected = projectRanked(ranked, groupingId);
    expect(new Map(projected.map((c) => [JSON.stringify(c.parts), c.m]))).toEqual(bruteForce(cells, groupingId));
    expect(projectByText(cells, groupingId).map((c) => c.parts).sort()).toEqual(projected.map((c) => c.parts).sort());
    // Key order: date, currency, then channel as a number (10 after 9), region, segment, category.
    const order = projected.map((c) => c.parts);
    const sorted = [...order].sort((a, b) => {
      for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return (a[i] as string | number) < (b[i] as string | number) ? -1 : 1;
      return 0;
    });
    expect(order).toEqual(sorted);
  });

  it.each(GROUPING_IDS)('grouping %i at month grain: the plain group-by of the day cells by month, in key order', (groupingId) => {
    if (ranked === null) throw new Error('these parts must fit a numeric key');
    const byMonth = new Map<string, number[]>();
    for (const [key, sums] of bruteForce(cells, groupingId)) {
      const parts = JSON.parse(key) as [string, ...unknown[]];
      const monthKey = JSON.stringify([parts[0].slice(0, 7), ...parts.slice(1)]);
      const total = byMonth.get(monthKey) ?? new Array<number>(SALES_MEASURES).fill(0);
      byMonth.set(monthKey, total.map((v, i) => v + (sums[i] ?? 0)));
    }
    const projected = projectRanked(ranked, groupingId, 'month');
    expect(new Map(projected.map((c) => [JSON.stringify(c.parts), c.m]))).toEqual(byMonth);
    expect(new Map(projectByText(cells, groupingId, 'month').map((c) => [JSON.stringify(c.parts), c.m]))).toEqual(byMonth);
    const keys = projected.map((c) => JSON.stringify(c.parts));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('declines to rank parts whose key would not fit a double exactly', () => {
    const many = new Map<number, SalesCell>();
    for (let i = 0; i < 4096; i += 1) {
      many.set(i, { parts: [`d${i % 4096}`, `c${(i * 7) % 4096}`, i, `r${(i * 13) % 4096}`, `s${(i * 17) % 4096}`, `k${(i * 19) % 4096}`], m: [] });
    }
    expect(rankCells(many)).toBeNull();
  });
});
