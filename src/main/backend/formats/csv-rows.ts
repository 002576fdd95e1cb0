import path from 'node:path';
import type { CsvDelimiter, FileEncoding } from '../../../shared/contract/formats';
import { AppError } from '../../../shared/result';
import { CsvScanner } from '../csv/csv-scanner';
import type { CsvRow } from './csv-tokenizer';
import { decodeFile } from './encoding';

export type { CsvRow } from './csv-tokenizer';

export interface CsvRowStream {
  /** Batches of records in file order, the header included as the first record. */
  batches: AsyncIterable<CsvRow[]>;
  bytesRead(): number;
}

/**
 * The one place files are tokenised for loading: text decoded from any supported encoding
 * (iconv-lite, streaming) goes through the import pipeline's fast CSV scanner, so mapped and
 * native files read quotes and line ends the same way. (The small tokenizer in csv-tokenizer.ts
 * only sniffs dialects on partial samples.)
 */
export function readCsvRows(file: string, options: { encoding: FileEncoding; delimiter: CsvDelimiter }): CsvRowStream {
  const text = decodeFile(file, options.encoding);
  async function* batches(): AsyncGenerator<CsvRow[]> {
    const scanner = new CsvScanner(path.basename(file), options.delimiter);
    const adapt = (rows: ReturnType<CsvScanner['push']>): CsvRow[] =>
      rows.map((row) => ({ line: row.line, fields: row.fields, raw: row.raw, problem: row.error ? row.error.message : null }));
    try {
      for await (const chunk of text.chunks) {
        const rows = scanner.push(chunk);
        if (rows.length > 0) yield adapt(rows);
      }
      const rows = scanner.push('', true);
      if (rows.length > 0) yield adapt(rows);
    } catch (error) {
      // The scanner names the file by its base name; the refusal's details carry the full path.
      if (error instanceof AppError && error.code === 'IMPORT_REFUSED') throw new AppError(error.code, error.message, { ...error.details, file });
      throw error;
    }
  }
  return { batches: batches(), bytesRead: text.bytesRead };
}

/** True for rows with no content at all (blank lines, or only delimiters as spreadsheets write). */
export function isBlankRow(row: CsvRow): boolean {
  return row.fields.every((field) => field.trim() === '');
}
