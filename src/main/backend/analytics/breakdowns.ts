import type {
  BreakdownDimension,
  BreakdownResult,
  CategoryMarginResult,
  ParsedFilters,
  RegionCategoryHeatmapResult,
  SeasonalityResult,
} from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { dimensionLabeler, UNKNOWN_LABEL } from './labels';
import { cellId, returnCells, returnSql, salesCells, salesSql } from './sales-query';
import { metaOf, resolveScope, toUnits } from './scope';

/** Line net sales (after returns booked in the range) by one dimension, with each key's share. */
export function breakdown(db: Db, filters: ParsedFilters, dimension: BreakdownDimension): BreakdownResult {
  const scope = resolveScope(db, filters);
  const columns = ['key', 'label', 'gross_sales', 'discounts', 'net_sales', 'units', 'orders', 'share'];
  const empty = (): BreakdownResult => ({ meta: metaOf(scope, true), dimension, series: { columns, rows: [] } });
  if (scope.emptyReason || !scope.range) return empty();
  const sales = salesCells(db, scope, { range: scope.range, groupBy: [dimension] });
  const refunds = new Map(returnCells(db, scope, { range: scope.range, groupBy: [dimension] }).map((r) => [cellId(r.key, null), r.refund]));
  const keys = new Set([...sales.map((s) => cellId(s.key, null)), ...refunds.keys()]);
  if (keys.size === 0) return empty();
  const label = dimensionLabeler(db, dimension);
  const bySalesKey = new Map(sales.map((s) => [cellId(s.key, null), s]));
  const rows = [...keys].map((id) => {
    const cell = bySalesKey.get(id);
    const rawKey = (JSON.parse(id) as [(string | number)[], null])[0][0] ?? '';
    const net = (cell?.lineNet ?? 0) - (refunds.get(id) ?? 0);
    return { ...label(rawKey), gross: cell?.gross ?? 0, discounts: cell?.lineDiscount ?? 0, net, units: cell?.units ?? 0, orders: cell?.orders ?? 0 };
  });
  const total = rows.reduce((s, r) => s + r.net, 0);
  rows.sort((a, b) => b.net - a.net || a.label.localeCompare(b.label));
  return {
    meta: metaOf(scope, false),
    dimension,
    series: {
      columns,
      rows: rows.map((r) => [r.key, r.label, toUnits(r.gross), toUnits(r.discounts), toUnits(r.net), r.units, r.orders, total !== 0 ? r.net / total : null]),
    },
  };
}

/** Region × category line net sales, ranked within each region by RANK() in SQL. */
export function regionCategoryHeatmap(db: Db, filters: ParsedFilters): RegionCategoryHeatmapResult {
  const scope = resolveScope(db, filters);
  const columns = ['region', 'category', 'net_sales', 'rank_in_region'];
  const empty = (): RegionCategoryHeatmapResult => ({ meta: metaOf(scope, true), regions: [], categories: [], cells: { columns, rows: [] }, topCategoryByRegion: [] });
  if (scope.emptyReason || !scope.range) return empty();
  const query = { range: scope.range, groupBy: ['region', 'category'] as const };
  const sales = salesSql(scope, query);
  const returns = returnSql(scope, query);
  const rows = db
    .prepare<unknown[], { region: string; category: string; net: number; rnk: number }>(
      `WITH s AS (${sales.sql}), r AS (${returns.sql}),
       cells AS (SELECT k0 AS region, k1 AS category, sum(v) AS net
                 FROM (SELECT k0, k1, lineNet AS v FROM s UNION ALL SELECT k0, k1, -refund FROM r) GROUP BY k0, k1)
       SELECT region, category, net, RANK() OVER (PARTITION BY region ORDER BY net DESC) AS rnk
       FROM cells ORDER BY region, rnk, category`,
    )
    .all(...sales.params, ...returns.params);
  if (rows.length === 0) return empty();
  const name = (value: string): string => (value === '' ? UNKNOWN_LABEL : value);
  const regions = [...new Set(rows.map((r) => name(r.region)))];
  const categories = [...new Set(rows.map((r) => name(r.category)))].sort();
  return {
    meta: metaOf(scope, false),
    regions,
    categories,
    cells: { columns, rows: rows.map((r) => [name(r.region), name(r.category), toUnits(r.net), r.rnk]) },
    topCategoryByRegion: rows
      .filter((r) => r.rnk === 1)
      .filter((r, i, all) => all.findIndex((o) => o.region === r.region) === i)
      .map((r) => ({ region: name(r.region), category: name(r.category), netSales: toUnits(r.net) })),
  };
}

/**
 * Margin = net line amount − cost of the product version valid when ordered (cost is on the line).
 * Exports such as Shopify's and UCI's carry no cost, which arrives as 0: a category-month whose
 * lines have no cost at all has an unknown margin (null), never a 100 % one.
 */
export function categoryMargin(db: Db, filters: ParsedFilters): CategoryMarginResult {
  const scope = resolveScope(db, filters);
  const columns = ['month', 'category', 'net_sales', 'cost', 'margin', 'margin_rate'];
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  const cells = salesCells(db, scope, { range: scope.range, groupBy: ['category'], period: 'month' });
  if (cells.length === 0) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  const rows = cells
    .map((c) => ({ month: c.period ?? '', category: String(c.key[0] ?? '') || UNKNOWN_LABEL, net: c.lineNet, cost: c.cost }))
    .sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category))
    .map((r) => {
      const isCostKnown = r.cost !== 0;
      return [r.month, r.category, toUnits(r.net), isCostKnown ? toUnits(r.cost) : null, isCostKnown ? toUnits(r.net - r.cost) : null, isCostKnown && r.net !== 0 ? (r.net - r.cost) / r.net : null];
    });
  return { meta: metaOf(scope, false), series: { columns, rows } };
}

/** Category × calendar month (1–12) of line net sales after returns, and each month's share of the category. */
export function seasonality(db: Db, filters: ParsedFilters): SeasonalityResult {
  const scope = resolveScope(db, filters);
  const columns = ['category', 'month_of_year', 'net_sales', 'share_of_category'];
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), categories: [], cells: { columns, rows: [] } };
  const query = { range: scope.range, groupBy: ['category'] as const, period: 'month_of_year' as const };
  const net = new Map<string, { category: string; month: number; net: number }>();
  const add = (category: string, month: number, value: number): void => {
    const id = `${category}|${month}`;
    const entry = net.get(id) ?? { category, month, net: 0 };
    entry.net += value;
    net.set(id, entry);
  };
  for (const c of salesCells(db, scope, query)) add(String(c.key[0] ?? ''), Number(c.period), c.lineNet);
  for (const r of returnCells(db, scope, query)) add(String(r.key[0] ?? ''), Number(r.period), -r.refund);
  if (net.size === 0) return { meta: metaOf(scope, true), categories: [], cells: { columns, rows: [] } };
  const totals = new Map<string, number>();
  for (const e of net.values()) totals.set(e.category, (totals.get(e.category) ?? 0) + e.net);
  const entries = [...net.values()].sort((a, b) => a.category.localeCompare(b.category) || a.month - b.month);
  const name = (c: string): string => c || UNKNOWN_LABEL;
  return {
    meta: metaOf(scope, false),
    categories: [...totals.keys()].sort().map(name),
    cells: {
      columns,
      rows: entries.map((e) => {
        const total = totals.get(e.category) ?? 0;
        return [name(e.category), e.month, toUnits(e.net), total !== 0 ? e.net / total : null];
      }),
    },
  };
}
