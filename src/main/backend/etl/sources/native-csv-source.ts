import path from 'node:path';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import { readCsvBatches, fileChunks, type CsvRow } from '../../csv/csv-reader';
import type { RecordSource, SourceBatch, SourceRecord, SourceReject } from '../source';
import { reshape, type HeaderMapping } from './native-header';

export interface NativeCsvOptions {
  delimiter: string;
  onChunk?: (chunk: Uint8Array) => void;
  batchRows?: number;
}

/** Shapes CSV records of a recognised native file; rows that cannot be shaped become rejects. */
export function shapeNativeRows(file: string, mapping: HeaderMapping, rows: readonly CsvRow[]): SourceBatch {
  const records: SourceRecord[] = [];
  const rejects: SourceReject[] = [];
  const entity = mapping.entity;
  const name = path.basename(file);
  for (const row of rows) {
    if (row.error) {
      rejects.push({ line: row.line, column: null, reason: `${name} line ${row.line}: ${row.error.message}`, raw: row.raw, code: 'malformed_row', entity });
    } else if (row.fields.length !== mapping.headerWidth) {
      rejects.push({
        line: row.line,
        column: null,
        reason: `the row has ${row.fields.length} fields but the header has ${mapping.headerWidth}; check for an unquoted delimiter`,
        raw: row.raw,
        code: 'malformed_row',
        entity,
      });
    } else {
      records.push({ entity, line: row.line, fields: reshape(mapping, row.fields), raw: row.raw });
    }
  }
  return { records, rejects };
}

/** A native CSV file whose header has already been matched. */
export function nativeCsvSource(file: string, mapping: HeaderMapping, options: NativeCsvOptions): RecordSource {
  const { chunks, bytesRead } = fileChunks(file, options.onChunk);
  const entities: readonly NativeEntity[] = [mapping.entity];
  return {
    file,
    format: 'native',
    entities,
    bytesRead,
    async *batches(): AsyncGenerator<SourceBatch> {
      let isHeader = true;
      for await (const rows of readCsvBatches(chunks, { file: path.basename(file), delimiter: options.delimiter, batchRows: options.batchRows })) {
        const body = isHeader ? rows.slice(1) : rows;
        isHeader = false;
        if (body.length > 0) yield shapeNativeRows(file, mapping, body);
      }
    },
  };
}
