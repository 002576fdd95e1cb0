import type { DateRange } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { dimensionColumn, dimensionConditions, filteredDimensions, groupingFor, type Dimension } from './dimensions';
import { splitByMonths } from './day-sets';
import type { Scope } from './scope';

/** Sums of agg_sales_daily for one cell of the requested grouping (cents and counts). */
export interface SalesCell {
  key: (string | number)[];
  period: string | null;
  gross: number;
  lineDiscount: number;
  lineNet: number;
  lineTax: number;
  cost: number;
  units: number;
  orders: number;
  orderGross: number;
  orderDiscount: number;
  orderTax: number;
  orderShipping: number;
}

export interface ReturnsCell {
  key: (string | number)[];
  period: string | null;
  refund: number;
  returnedUnits: number;
}

export type Period = 'day' | 'month' | 'month_of_year' | null;

export interface CellQuery {
  range: DateRange;
  groupBy?: readonly Dimension[];
  period?: Period;
}

const PERIOD_SQL: Record<Exclude<Period, null>, string> = {
  day: 'a.date_key',
  month: 'substr(a.date_key, 1, 7)',
  month_of_year: 'CAST(substr(a.date_key, 6, 2) AS INTEGER)',
};

interface CellSql {
  sql: string;
  params: unknown[];
}

/**
 * Builds a GROUP BY over the smallest materialised grouping that holds the filter and group
 * dimensions. Identifiers come from the dimension allow-list; values are parameters.
 */
function cellSql(table: 'agg_sales_daily' | 'agg_returns_daily', measures: string, scope: Scope, query: CellQuery): CellSql {
  const groupBy = query.groupBy ?? [];
  const grouping = groupingFor([...new Set([...filteredDimensions(scope), ...groupBy])]);
  const keyColumns = groupBy.map((d, i) => `a.${dimensionColumn(d)} AS k${i}`);
  const period = query.period ? PERIOD_SQL[query.period] : 'NULL';
  // The cell tables are `d` inside the union; `a` is the union's rows, which the outer query sums.
  const conditions = dimensionConditions(scope, 'd');
  const groupList = [...groupBy.map((_, i) => `k${i}`), ...(query.period ? ['period'] : [])];
  const source = cellSource(table, query, (from, to) => [grouping, from, to, scope.currency, ...conditions.params], conditions.sql);
  return {
    sql: `SELECT ${[...keyColumns, `${period} AS period`, measures].join(', ')}
      FROM ${source.sql} a
      ${groupList.length > 0 ? `GROUP BY ${groupList.join(', ')}` : ''}`,
    params: source.params,
  };
}

const MONTHLY_TABLE = { agg_sales_daily: 'agg_sales_monthly', agg_returns_daily: 'agg_returns_monthly' } as const;

/**
 * The cells to sum: month cells (0022, date_key 'YYYY-MM') for the whole months of the range and
 * day cells for the days around them. Month and month-of-year periods read the same from both
 * ('YYYY-MM' is a prefix of the day key); a daily period needs day cells throughout.
 */
function cellSource(
  table: 'agg_sales_daily' | 'agg_returns_daily',
  query: CellQuery,
  paramsFor: (from: string, to: string) => unknown[],
  conditions: string,
): CellSql {
  const split = query.period === 'day' ? { months: null, days: [query.range] } : splitByMonths(query.range);
  const parts = [
    ...(split.months ? [{ table: MONTHLY_TABLE[table], range: split.months }] : []),
    ...split.days.map((range) => ({ table, range })),
  ];
  return {
    sql: `(${parts
      .map((part) => `SELECT * FROM ${part.table} d WHERE d.grouping_id = ? AND d.date_key BETWEEN ? AND ? AND d.currency = ?${conditions}`)
      .join(' UNION ALL ')})`,
    params: parts.flatMap((part) => paramsFor(part.range.from, part.range.to)),
  };
}

const SALES_MEASURES = `coalesce(sum(a.gross_cents), 0) AS gross, coalesce(sum(a.line_discount_cents), 0) AS lineDiscount,
  coalesce(sum(a.line_net_cents), 0) AS lineNet, coalesce(sum(a.line_tax_cents), 0) AS lineTax, coalesce(sum(a.cost_cents), 0) AS cost,
  coalesce(sum(a.units), 0) AS units, coalesce(sum(a.orders), 0) AS orders, coalesce(sum(a.order_gross_cents), 0) AS orderGross,
  coalesce(sum(a.order_discount_cents), 0) AS orderDiscount, coalesce(sum(a.order_tax_cents), 0) AS orderTax,
  coalesce(sum(a.order_shipping_cents), 0) AS orderShipping, count(*) AS cellCount`;

const RETURN_MEASURES = 'coalesce(sum(a.refund_cents), 0) AS refund, coalesce(sum(a.returned_units), 0) AS returnedUnits, count(*) AS cellCount';

type RawRow = Record<string, string | number | null>;

function keyOf(row: RawRow, width: number): (string | number)[] {
  return Array.from({ length: width }, (_, i) => row[`k${i}`] ?? '');
}

/** Runs one aggregate query and keeps the non-empty cells with their group key and period. */
function queryCells<T>(
  db: Db,
  table: 'agg_sales_daily' | 'agg_returns_daily',
  measures: string,
  scope: Scope,
  query: CellQuery,
  readMeasures: (row: RawRow) => T,
): (T & { key: (string | number)[]; period: string | null })[] {
  const { sql, params } = cellSql(table, measures, scope, query);
  const width = query.groupBy?.length ?? 0;
  return db
    .prepare<unknown[], RawRow>(sql)
    .all(...params)
    .filter((row) => Number(row.cellCount) > 0)
    .map((row) => ({
      key: keyOf(row, width),
      period: row.period === null || row.period === undefined ? null : String(row.period),
      ...readMeasures(row),
    }));
}

export function salesCells(db: Db, scope: Scope, query: CellQuery): SalesCell[] {
  return queryCells(db, 'agg_sales_daily', SALES_MEASURES, scope, query, (row) => ({
    gross: Number(row.gross),
    lineDiscount: Number(row.lineDiscount),
    lineNet: Number(row.lineNet),
    lineTax: Number(row.lineTax),
    cost: Number(row.cost),
    units: Number(row.units),
    orders: Number(row.orders),
    orderGross: Number(row.orderGross),
    orderDiscount: Number(row.orderDiscount),
    orderTax: Number(row.orderTax),
    orderShipping: Number(row.orderShipping),
  }));
}

export function returnCells(db: Db, scope: Scope, query: CellQuery): ReturnsCell[] {
  return queryCells(db, 'agg_returns_daily', RETURN_MEASURES, scope, query, (row) => ({
    refund: Number(row.refund),
    returnedUnits: Number(row.returnedUnits),
  }));
}

/** Joins returns onto sales cells by key and period (returns may exist where sales do not). */
export function cellId(key: readonly (string | number)[], period: string | null): string {
  return JSON.stringify([key, period]);
}

export function salesSql(scope: Scope, query: CellQuery): CellSql {
  return cellSql('agg_sales_daily', SALES_MEASURES, scope, query);
}

export function returnSql(scope: Scope, query: CellQuery): CellSql {
  return cellSql('agg_returns_daily', RETURN_MEASURES, scope, query);
}
