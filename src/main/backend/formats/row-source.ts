import { statSync } from 'node:fs';
import type { NativeEntity } from '../../../shared/data-contract/native-format';
import type { CsvDelimiter, FileEncoding } from '../../../shared/contract/formats';
import type { DetectedFormat, RecordSource, SourceBatch, SourceRecord, SourceReject } from '../etl/source';
import { isBlankRow, readCsvRows, type CsvRow } from './csv-rows';
import { uniqueHeader } from './dialect';
import { refuseFile } from './refusal';

/** Collects what one source row becomes. */
export interface RowOutput {
  records: SourceRecord[];
  rejects: SourceReject[];
}

/**
 * A format adapter. Formats whose rows must be grouped (orders over their lines, products over
 * their price history) read the file twice: `scan` sees every good row first, `head` then yields
 * the parents (customers, products, orders) before `emit` streams the children, so a loader that
 * checks foreign keys as rows arrive always finds the parent. Memory holds only the aggregates.
 */
export interface RowAdapter {
  readonly isTwoPass: boolean;
  /** Called with the de-duplicated header; throws a refusal when required columns are missing. */
  start(header: string[]): void;
  scan(row: CsvRow): void;
  head(): SourceRecord[];
  emit(row: CsvRow, out: RowOutput): void;
  tail(out: RowOutput): void;
  warnings(): string[];
}

export interface RowSourceOptions {
  file: string;
  format: DetectedFormat;
  entities: readonly NativeEntity[];
  defaultCurrency?: string;
  encoding: FileEncoding;
  delimiter: CsvDelimiter;
  adapter: RowAdapter;
}

const BATCH_SIZE = 2000;

export interface ForeignRecordSource extends RecordSource {
  /** Things a person should know that are not row errors (e.g. a refund we could not place). */
  warnings(): string[];
  blankRowsSkipped(): number;
  rowsRead(): number;
}

export function createRowSource(options: RowSourceOptions): ForeignRecordSource {
  const { file, adapter } = options;
  const size = statSync(file).size;
  let progress = 0;
  let blankRows = 0;
  let rowsRead = 0;

  /** Row checks shared by both passes, so pass 1 aggregates exactly the rows pass 2 accepts. */
  function rowProblem(row: CsvRow, header: string[]): SourceReject | null {
    if (row.fields.length > header.length) {
      return { line: row.line, column: `field ${header.length + 1}`, reason: `the row has ${row.fields.length} fields but the header has ${header.length}`, raw: row.raw };
    }
    if (row.fields.length < header.length) {
      return { line: row.line, column: header[row.fields.length] ?? null, reason: `the row has ${row.fields.length} fields but the header has ${header.length}: it ends before column ${header[row.fields.length]}`, raw: row.raw };
    }
    if (row.problem) return { line: row.line, column: null, reason: `malformed quoting: ${row.problem}`, raw: row.raw };
    if ((options.encoding === 'utf-8' || options.encoding === 'utf-8-bom') && row.raw.includes('\uFFFD')) {
      const index = row.fields.findIndex((field) => field.includes('\uFFFD'));
      return { line: row.line, column: header[index] ?? null, reason: 'invalid UTF-8 bytes: the file may be Windows-1252; set the encoding', raw: row.raw };
    }
    return null;
  }

  async function* pass(onRow: (row: CsvRow, header: string[]) => void, weight: number, offset: number): AsyncGenerator<void> {
    const stream = readCsvRows(file, { encoding: options.encoding, delimiter: options.delimiter });
    let header: string[] | null = null;
    for await (const rows of stream.batches) {
      for (const row of rows) {
        if (header === null) {
          if (isBlankRow(row)) continue;
          header = uniqueHeader(row.fields).header;
          adapter.start(header);
          continue;
        }
        onRow(row, header);
      }
      progress = offset + stream.bytesRead() * weight;
      yield;
    }
    if (header === null) throw refuseFile(file, 'the file is empty: it has no header row');
  }

  async function* batches(): AsyncGenerator<SourceBatch> {
    if (adapter.isTwoPass) {
      for await (const _ of pass((row, header) => {
        if (!isBlankRow(row) && rowProblem(row, header) === null) adapter.scan(row);
      }, 0.5, 0));
    }
    const head = adapter.head();
    for (let i = 0; i < head.length; i += BATCH_SIZE) yield { records: head.slice(i, i + BATCH_SIZE), rejects: [] };
    let out: RowOutput = { records: [], rejects: [] };
    const weight = adapter.isTwoPass ? 0.5 : 1;
    for await (const _ of pass((row, header) => {
      if (isBlankRow(row)) {
        blankRows += 1;
        return;
      }
      rowsRead += 1;
      const problem = rowProblem(row, header);
      if (problem) out.rejects.push(problem);
      else adapter.emit(row, out);
    }, weight, size * (1 - weight))) {
      if (out.records.length + out.rejects.length >= BATCH_SIZE) {
        yield out;
        out = { records: [], rejects: [] };
      }
    }
    adapter.tail(out);
    if (out.records.length + out.rejects.length > 0) yield out;
    progress = size;
  }

  return {
    file,
    format: options.format,
    entities: options.entities,
    ...(options.defaultCurrency ? { defaultCurrency: options.defaultCurrency } : {}),
    batches,
    bytesRead: () => Math.round(progress),
    warnings: () => adapter.warnings(),
    blankRowsSkipped: () => blankRows,
    rowsRead: () => rowsRead,
  };
}
