import type { Columnar } from '../../../shared/contract/analytics';

const camel = (column: string): string => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/**
 * The engine returns compact columnar results (what ECharts takes); API clients and BI tools
 * want one object per row. Keys become camelCase so every response reads alike.
 */
export function rowsOf(table: Columnar): Record<string, string | number | boolean | null>[] {
  const keys = table.columns.map(camel);
  return table.rows.map((row) => Object.fromEntries(keys.map((key, i) => [key, (row[i] ?? null) as string | number | boolean | null])));
}
