import type { Columnar } from '../../../shared/contract/analytics';

/** Values of one named column; a missing column is a contract drift and fails loudly. */
type Cell = Columnar['rows'][number][number];

export function column(series: Columnar, name: string): Cell[] {
  const index = series.columns.indexOf(name);
  if (index < 0) throw new Error(`Column "${name}" is missing (have: ${series.columns.join(', ')})`);
  return series.rows.map((row) => row[index] ?? null);
}

export function numberColumn(series: Columnar, name: string): (number | null)[] {
  return column(series, name).map((v) => (typeof v === 'number' ? v : v === null ? null : typeof v === 'boolean' ? (v ? 1 : 0) : Number(v)));
}

export function stringColumn(series: Columnar, name: string): string[] {
  return column(series, name).map((v) => (v === null ? '' : String(v)));
}

/** Rows as objects keyed by column name, for tables. */
export function rowObjects(series: Columnar): Record<string, Cell>[] {
  return series.rows.map((row) => Object.fromEntries(series.columns.map((name, i) => [name, row[i] ?? null])));
}
