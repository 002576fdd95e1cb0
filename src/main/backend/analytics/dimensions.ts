import type { BreakdownDimension } from '../../../shared/contract/analytics';
import type { Scope } from './scope';

/**
 * The one allow-list for SQL identifiers that vary with a request: a dimension name picks a
 * column from this table, never from user text. Values always go in as parameters.
 */
export const DIMENSIONS = {
  channel: { bit: 1, column: 'channel_key' },
  region: { bit: 2, column: 'region' },
  segment: { bit: 4, column: 'segment' },
  category: { bit: 8, column: 'category' },
} as const satisfies Record<BreakdownDimension, { bit: number; column: string }>;

export type Dimension = keyof typeof DIMENSIONS;

/** Grouping sets materialised in agg_sales_daily / agg_returns_daily: none, singles, pairs, all. */
export const GROUPING_IDS: readonly number[] = [0, 1, 2, 4, 8, 3, 5, 6, 9, 10, 12, 15];

export function dimensionColumn(dimension: Dimension): string {
  const spec = DIMENSIONS[dimension] as { column: string } | undefined;
  if (!spec) throw new Error(`Not an analytics dimension: ${String(dimension)}`);
  return spec.column;
}

export function filteredDimensions(scope: Scope): Dimension[] {
  const dims: Dimension[] = [];
  if (scope.channelKeys) dims.push('channel');
  if (scope.regions) dims.push('region');
  if (scope.segments) dims.push('segment');
  if (scope.categories) dims.push('category');
  return dims;
}

/** The smallest materialised grouping that keeps every dimension a query filters or groups by. */
export function groupingFor(dimensions: readonly Dimension[]): number {
  const needed = dimensions.reduce((mask, d) => mask | DIMENSIONS[d].bit, 0);
  const candidates = GROUPING_IDS.filter((id) => (id & needed) === needed);
  return candidates.reduce((best, id) => (bitCount(id) < bitCount(best) ? id : best), 15);
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m > 0; m >>= 1) count += m & 1;
  return count;
}

export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * WHERE conditions for the dimension filters on an aggregate table (`alias.` prefixed). The
 * IN lists are placeholders only.
 */
export function dimensionConditions(scope: Scope, alias: string): SqlPart {
  const sql: string[] = [];
  const params: unknown[] = [];
  const add = (column: string, values: readonly (string | number)[] | null): void => {
    if (!values) return;
    sql.push(`${alias}.${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...values);
  };
  add('channel_key', scope.channelKeys);
  add('region', scope.regions);
  add('segment', scope.segments);
  add('category', scope.categories);
  return { sql: sql.map((s) => ` AND ${s}`).join(''), params };
}

/** Same as dimensionConditions but without category (for order- and customer-grain tables). */
export function customerDimensionConditions(scope: Scope, alias: string): SqlPart {
  return dimensionConditions({ ...scope, categories: null }, alias);
}
