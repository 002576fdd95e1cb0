import path from 'node:path';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import { AppError } from '../../../../shared/result';
import { fileChunks } from '../../csv/csv-reader';
import { CsvScanner, type CsvRow } from '../../csv/csv-scanner';
import { strictUtf8Decoder } from '../../csv/strict-utf8';
import type { RecordSource, SourceBatch, SourceRecord, SourceReject } from '../source';
import { reshape, type HeaderMapping } from './native-header';

export interface NativeCsvOptions {
  delimiter: string;
  onChunk?: (chunk: Uint8Array) => void;
  batchRows?: number;
}

/**
 * A native CSV record. Its raw text is built only when asked for (quarantine needs it for a few
 * rows): for a record without quotes it is exactly the source fields joined by the delimiter, so
 * a million-line file does not keep a million copies of its lines.
 */
class NativeCsvRecord implements SourceRecord {
  constructor(
    readonly entity: NativeEntity,
    readonly line: number,
    readonly fields: string[],
    private readonly sourceFields: string[],
    private readonly rawText: string | null,
    private readonly delimiter: string,
  ) {}

  get raw(): string {
    return this.rawText ?? this.sourceFields.join(this.delimiter);
  }

  get rawJoinsFieldsWith(): string | undefined {
    return this.rawText === null && this.sourceFields === this.fields ? this.delimiter : undefined;
  }
}

/** Shapes CSV records of a recognised native file; rows that cannot be shaped become rejects. */
export function shapeNativeRows(file: string, mapping: HeaderMapping, rows: readonly CsvRow[]): SourceBatch {
  const batch: SourceBatch = { records: [], rejects: [] };
  const add = recordShaper(file, mapping, ',', batch);
  for (const row of rows) add(row.line, row.fields, row.raw, row.error);
  return batch;
}

function recordShaper(file: string, mapping: HeaderMapping, delimiter: string, batch: SourceBatch) {
  const entity = mapping.entity;
  const name = path.basename(file);
  return (line: number, fields: string[], raw: string | null, error: CsvRow['error'] | undefined): void => {
    if (error) {
      batch.rejects.push({ line, column: null, reason: `${name} line ${line}: ${error.message}`, raw: raw ?? fields.join(delimiter), code: 'malformed_row', entity } satisfies SourceReject);
    } else if (fields.length !== mapping.headerWidth) {
      batch.rejects.push({
        line,
        column: null,
        reason: `the row has ${fields.length} fields but the header has ${mapping.headerWidth}; check for an unquoted delimiter`,
        raw: raw ?? fields.join(delimiter),
        code: 'malformed_row',
        entity,
      });
    } else {
      batch.records.push(new NativeCsvRecord(entity, line, reshape(mapping, fields), fields, raw, delimiter));
    }
  };
}

/** A native CSV file whose header has already been matched. */
export function nativeCsvSource(file: string, mapping: HeaderMapping, options: NativeCsvOptions): RecordSource {
  // 64 KB reads: each decoded chunk stays below V8's large-object size (a string per 1 MB chunk
  // made decoding three times slower), and each batch, with what it keeps alive, dies young.
  const { chunks, bytesRead } = fileChunks(file, options.onChunk, 1 << 16);
  const entities: readonly NativeEntity[] = [mapping.entity];
  const name = path.basename(file);
  return {
    file,
    format: 'native',
    entities,
    bytesRead,
    async *batches(): AsyncGenerator<SourceBatch> {
      const scanner = new CsvScanner(name, options.delimiter);
      const decodeUtf8 = strictUtf8Decoder();
      let batch: SourceBatch = { records: [], rejects: [] };
      let add = recordShaper(file, mapping, options.delimiter, batch);
      let isHeader = true;
      const sink = (line: number, fields: string[], raw: string | null, error: CsvRow['error'] | undefined): void => {
        if (isHeader) {
          isHeader = false;
          return;
        }
        add(line, fields, raw, error);
      };
      const decode = (bytes: Uint8Array, isStreaming: boolean): string => {
        try {
          return decodeUtf8(bytes, isStreaming);
        } catch {
          throw new AppError('IMPORT_REFUSED', `${name}: the file is not valid UTF-8 (bad bytes near byte ${bytesRead().toLocaleString('en-US')}); nothing from this file was loaded.`, {
            file, line: null, column: null,
          });
        }
      };
      for await (const chunk of chunks) {
        scanner.pushInto(decode(chunk, true), false, sink);
        if (batch.records.length + batch.rejects.length >= (options.batchRows ?? 8192)) {
          yield batch;
          batch = { records: [], rejects: [] };
          add = recordShaper(file, mapping, options.delimiter, batch);
        }
      }
      scanner.pushInto(decode(new Uint8Array(0), false), true, sink);
      if (batch.records.length + batch.rejects.length > 0) yield batch;
    },
  };
}
