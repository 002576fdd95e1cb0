import { closeSync, openSync, writeSync } from 'node:fs';
import type { Cell } from './table-reader';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * RFC 4180 field: NULL is an empty unquoted field and an empty string is `""`, so DuckDB and
 * pandas can tell them apart.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'bigint' || typeof value === 'number') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (value === '' || NEEDS_QUOTES.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

export function csvLine(values: readonly Cell[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** Writes a header and then batches of rows to one file, UTF-8, CRLF line ends. */
export class CsvFileWriter {
  private readonly fd: number;

  constructor(file: string, header: readonly string[]) {
    this.fd = openSync(file, 'w');
    writeSync(this.fd, csvLine(header));
  }

  writeRows(rows: readonly Cell[][]): void {
    let chunk = '';
    for (const row of rows) chunk += csvLine(row);
    writeSync(this.fd, chunk);
  }

  close(): void {
    closeSync(this.fd);
  }
}
