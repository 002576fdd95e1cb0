import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import { AppError } from '../../../../shared/result';
import { CsvScanner } from '../../csv/csv-scanner';
import type { RecordSource } from '../source';
import { openForeignRecordSource } from './foreign-formats';
import { jsonArraySource, ndjsonSource } from './json-source';
import { nativeCsvSource } from './native-csv-source';
import { matchNativeHeader } from './native-header';

export interface OpenSourceOptions {
  /** A column mapping for the formats module's mapped CSVs (storelens import --mapping). */
  mapping?: unknown;
  /** Sees every byte read, in order: the loader hashes the file with it while it streams. */
  onChunk?: (chunk: Uint8Array) => void;
  batchRows?: number;
}

const PEEK_BYTES = 64 * 1024;

function peek(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    const length = readSync(fd, buffer, 0, PEEK_BYTES, 0);
    return buffer.subarray(0, length).toString('utf8').replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

function refuse(file: string, problem: string): AppError {
  return new AppError('IMPORT_REFUSED', `${path.basename(file)}: ${problem}; nothing from this file was loaded.`, { file, line: null, column: null });
}

/** The native format is comma-separated; a header that splits better on ; or tab says otherwise. */
function guessDelimiter(headerLine: string): string {
  let best = ',';
  let bestCount = headerLine.split(',').length;
  for (const candidate of [';', '\t', '|']) {
    const count = headerLine.split(candidate).length;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Opens any supported file as a RecordSource: our native CSV (recognised by its header) and
 * NDJSON/JSON of the same entities here; everything else through the formats module. Fields are
 * mapped by name, never by position.
 */
export async function openRecordSource(file: string, options: OpenSourceOptions = {}): Promise<RecordSource> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw refuse(file, 'the file cannot be read (does it exist?)');
  }
  if (size === 0) throw refuse(file, 'the file is empty');
  if (options.mapping !== undefined) return openForeignRecordSource(file, options.mapping);
  const extension = path.extname(file).toLowerCase();
  const head = peek(file);
  if (extension === '.ndjson' || extension === '.jsonl') {
    const firstLine = head.split('\n').find((line) => line.trim() !== '') ?? '';
    return ndjsonSource(file, firstLine, options.onChunk, options.batchRows);
  }
  if (extension === '.json') return jsonArraySource(file, options.onChunk);
  if (head.includes('\u0000')) throw refuse(file, 'line 1: this is a binary file, not CSV');
  const firstLine = head.slice(0, head.indexOf('\n') === -1 ? head.length : head.indexOf('\n'));
  const delimiter = guessDelimiter(firstLine);
  const headerRows = new CsvScanner(path.basename(file), delimiter).push(head, size <= PEEK_BYTES);
  const header = headerRows[0]?.fields ?? [];
  const mapping = header.length > 0 ? matchNativeHeader(file, header) : null;
  if (mapping) return nativeCsvSource(file, mapping, { delimiter, onChunk: options.onChunk, batchRows: options.batchRows });
  return openForeignRecordSource(file, undefined);
}

export type { NativeEntity };
