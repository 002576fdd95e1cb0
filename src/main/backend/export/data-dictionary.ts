import type { Db } from '../db/open';
import { listTables } from '../db/open';
import { COLUMN_MEANINGS } from './column-meanings';

export type ColumnType = 'INTEGER' | 'REAL' | 'TEXT';

export interface DictionaryColumn {
  column: string;
  type: ColumnType;
  /** Parquet physical/logical type the export writes for this column. */
  parquetType: 'INT64' | 'DOUBLE' | 'STRING';
  isNullable: boolean;
  meaning: string;
  unit: string | null;
}

export interface DictionaryTable {
  table: string;
  rows: number;
  columns: DictionaryColumn[];
}

/** Exported tables: the star schema (dimensions, facts) plus the inventory alert records. */
export function isExportedTable(name: string): boolean {
  return name.startsWith('dim_') || name.startsWith('fct_') || name === 'inventory_alerts';
}

export function exportedTables(db: Db): string[] {
  return listTables(db).filter(isExportedTable);
}

/** Units follow the schema's naming conventions, which every migration keeps. */
export function unitOf(column: string): string | null {
  if (column.endsWith('_cents')) return 'cents (1/100 of the row currency)';
  if (column === 'date_key' || column.endsWith('_date') || column === 'valid_from' || column === 'valid_to') {
    return 'date YYYY-MM-DD';
  }
  if (column.endsWith('_at')) return 'ISO-8601 timestamp';
  if (column.startsWith('is_')) return 'boolean 0/1';
  if (column.endsWith('_month')) return 'month YYYY-MM';
  if (column === 'window_days' || column.startsWith('days_')) return 'days';
  if (['units', 'quantity', 'on_hand', 'allocated', 'reorder_point'].includes(column)) return 'units';
  if (column === 'currency') return 'ISO-4217 code';
  return null;
}

function fallbackMeaning(column: string): string {
  if (column.endsWith('_key')) return `Key joining to the ${column.slice(0, -'_key'.length)} dimension`;
  return 'Not yet described in the data dictionary';
}

function normalisedType(declared: string): ColumnType {
  const upper = declared.toUpperCase();
  if (upper.includes('INT')) return 'INTEGER';
  if (upper.includes('REAL') || upper.includes('FLOA') || upper.includes('DOUB')) return 'REAL';
  return 'TEXT';
}

const PARQUET_TYPE = { INTEGER: 'INT64', REAL: 'DOUBLE', TEXT: 'STRING' } as const;

/** Table names come from sqlite_schema (never from a user), so quoting them is safe. */
export const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

export function describeTable(db: Db, table: string): DictionaryTable {
  const info = db.prepare<[], { name: string; type: string; notnull: number; pk: number }>(
    `PRAGMA table_info(${quoteIdentifier(table)})`,
  );
  const columns = info.all().map((column): DictionaryColumn => {
    const type = normalisedType(column.type);
    return {
      column: column.name,
      type,
      parquetType: PARQUET_TYPE[type],
      isNullable: column.notnull === 0 && column.pk === 0,
      meaning: COLUMN_MEANINGS[table]?.[column.name] ?? fallbackMeaning(column.name),
      unit: unitOf(column.name),
    };
  });
  const rows = (db.prepare(`SELECT count(*) AS n FROM ${quoteIdentifier(table)}`).get() as { n: number }).n;
  return { table, rows, columns };
}

export function buildDataDictionary(db: Db): DictionaryTable[] {
  return exportedTables(db).map((table) => describeTable(db, table));
}

const escapeCell = (text: string): string => text.replaceAll('|', '\\|');

export function dataDictionaryMarkdown(tables: readonly DictionaryTable[], stamp: { appVersion: string; generatedAt: string }): string {
  const lines = [
    '# Storelens warehouse data dictionary',
    '',
    `Exported by Storelens ${stamp.appVersion} at ${stamp.generatedAt}.`,
    'Money is INTEGER cents of the row currency: divide by 100 for currency units, and never add amounts of different currencies.',
    'Dates are YYYY-MM-DD text; timestamps ISO-8601 text; booleans 0/1.',
    '',
  ];
  for (const table of tables) {
    lines.push(`## ${table.table} (${table.rows.toLocaleString('en-US')} rows)`, '');
    lines.push('| column | type | parquet | nullable | unit | meaning |', '|---|---|---|---|---|---|');
    for (const c of table.columns) {
      lines.push(
        `| ${c.column} | ${c.type} | ${c.parquetType} | ${c.isNullable ? 'yes' : 'no'} | ${c.unit ?? ''} | ${escapeCell(c.meaning)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
