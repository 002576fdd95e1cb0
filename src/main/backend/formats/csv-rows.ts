import type { CsvDelimiter, FileEncoding } from '../../../shared/contract/formats';
import { CsvTokenizer, UnclosedQuoteError, type CsvRow } from './csv-tokenizer';
import { decodeFile } from './encoding';
import { refuseFile } from './refusal';

export type { CsvRow } from './csv-tokenizer';

export interface CsvRowStream {
  /** Batches of records in file order, the header included as the first record. */
  batches: AsyncIterable<CsvRow[]>;
  bytesRead(): number;
}

/**
 * The adapter every reader in this folder goes through, so the tokenizer can be swapped for the
 * pipeline's fast reader without touching the adapters. Decodes as it streams.
 */
export function readCsvRows(file: string, options: { encoding: FileEncoding; delimiter: CsvDelimiter }): CsvRowStream {
  const text = decodeFile(file, options.encoding);
  async function* batches(): AsyncGenerator<CsvRow[]> {
    const tokenizer = new CsvTokenizer(options.delimiter);
    try {
      for await (const chunk of text.chunks) {
        const out: CsvRow[] = [];
        tokenizer.write(chunk, out);
        if (out.length > 0) yield out;
      }
      const out: CsvRow[] = [];
      tokenizer.end(out);
      if (out.length > 0) yield out;
    } catch (error) {
      if (error instanceof UnclosedQuoteError) throw refuseFile(file, error.message, error.line, String(error.column));
      throw error;
    }
  }
  return { batches: batches(), bytesRead: text.bytesRead };
}

/** True for rows with no content at all (blank lines, or only delimiters as spreadsheets write). */
export function isBlankRow(row: CsvRow): boolean {
  return row.fields.every((field) => field.trim() === '');
}
