import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open';
import { CsvFileWriter } from './csv-writer';
import { buildDataDictionary, dataDictionaryMarkdown } from './data-dictionary';
import { ParquetTableWriter } from './parquet-table-writer';
import { readTableInBatches } from './table-reader';

export const EXPORT_FORMATS = ['csv', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  outDir: string;
  appVersion: string;
  batchSize?: number;
  /** Rows written so far out of all rows; called once per batch. */
  onProgress?: (done: number, total: number, table: string) => void;
  /** Called between batches; throw to stop (a job's throwIfCancelled). */
  checkCancelled?: () => void;
}

export interface ExportedFile {
  table: string;
  file: string;
  rows: number;
  bytes: number;
}

export interface ExportResult {
  format: ExportFormat;
  outDir: string;
  files: ExportedFile[];
  dictionaryFiles: string[];
  totalRows: number;
}

/**
 * Writes every dimension and fact table as CSV or Parquet, with a data dictionary (markdown and
 * JSON) beside them, so a team can load the same star schema into DuckDB, Spark or a cloud
 * warehouse. Reads only: safe on a read-only connection.
 */
export async function exportWarehouse(db: Db, options: ExportOptions): Promise<ExportResult> {
  const outDir = path.resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const batchSize = options.batchSize ?? 50_000;
  const generatedAt = new Date().toISOString();
  const dictionary = buildDataDictionary(db);
  const totalRows = dictionary.reduce((sum, t) => sum + t.rows, 0);
  let done = 0;
  const files: ExportedFile[] = [];

  // One read transaction, so every table comes from the same snapshot even while a job writes.
  const isOwnTransaction = !db.inTransaction;
  if (isOwnTransaction) db.exec('BEGIN');
  try {
    for (const table of dictionary) {
      const file = path.join(outDir, `${table.table}.${options.format}`);
      const header = table.columns.map((c) => c.column);
      const writer =
        options.format === 'csv'
          ? new CsvFileWriter(file, header)
          : new ParquetTableWriter(file, table, `Storelens ${options.appVersion}`);
      let rows = 0;
      for (const batch of readTableInBatches(db, table.table, batchSize)) {
        options.checkCancelled?.();
        await writer.writeRows(batch);
        rows += batch.length;
        done += batch.length;
        options.onProgress?.(done, totalRows, table.table);
      }
      await writer.close();
      // The snapshot's count can differ from the one read before BEGIN; report what was written.
      table.rows = rows;
      files.push({ table: table.table, file, rows, bytes: statSync(file).size });
    }
  } finally {
    if (isOwnTransaction) db.exec('COMMIT');
  }

  const stamp = { appVersion: options.appVersion, generatedAt };
  const markdownFile = path.join(outDir, 'data-dictionary.md');
  const jsonFile = path.join(outDir, 'data-dictionary.json');
  writeFileSync(markdownFile, dataDictionaryMarkdown(dictionary, stamp));
  writeFileSync(jsonFile, `${JSON.stringify({ ...stamp, format: options.format, tables: dictionary }, null, 2)}\n`);
  options.onProgress?.(totalRows, totalRows, 'done');
  return { format: options.format, outDir, files, dictionaryFiles: [markdownFile, jsonFile], totalRows: done };
}
