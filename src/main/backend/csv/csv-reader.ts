import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { AppError } from '../../../shared/result';
import { CsvScanner, type CsvRow } from './csv-scanner';

export interface CsvReadOptions {
  /** Named in every refusal and quarantine reason. */
  file: string;
  delimiter?: string;
  /** Records per yielded batch (a batch can be larger when one chunk completes many records). */
  batchRows?: number;
}

/**
 * Streams CSV records in batches from UTF-8 text or bytes. Bytes are decoded strictly: a file
 * that is not UTF-8 is refused (naming the byte offset) rather than loaded with replacement characters.
 */
export async function* readCsvBatches(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: CsvReadOptions,
): AsyncGenerator<CsvRow[]> {
  const scanner = new CsvScanner(options.file, options.delimiter ?? ',');
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const batchRows = options.batchRows ?? 8192;
  let pending: CsvRow[] = [];
  let offset = 0;
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decodeStrict(decoder, chunk, options.file, offset, true);
    offset += chunk.length;
    const rows = scanner.push(text);
    if (rows.length === 0) continue;
    pending = pending.length === 0 ? rows : pending.concat(rows);
    if (pending.length >= batchRows) {
      yield pending;
      pending = [];
    }
  }
  const tail = scanner.push(decodeStrict(decoder, new Uint8Array(0), options.file, offset, false), true);
  if (tail.length > 0) pending = pending.concat(tail);
  if (pending.length > 0) yield pending;
}

function decodeStrict(decoder: TextDecoder, bytes: Uint8Array, file: string, offset: number, isStreaming: boolean): string {
  try {
    return decoder.decode(bytes, { stream: isStreaming });
  } catch {
    throw new AppError(
      'IMPORT_REFUSED',
      `${file}: the file is not valid UTF-8 (bad bytes near byte ${offset.toLocaleString('en-US')}). Save it as UTF-8, or import it through the format detection that converts other encodings.`,
      { file, line: null, column: null, byteOffset: offset },
    );
  }
}

export interface FileChunks {
  chunks: AsyncIterable<Uint8Array>;
  /** Bytes handed out so far. */
  bytesRead(): number;
}

/** A file as a stream of byte chunks, counting bytes for progress and feeding an optional hash. */
export function fileChunks(file: string, onChunk?: (chunk: Uint8Array) => void, chunkBytes = 1 << 20): FileChunks {
  let bytes = 0;
  async function* generate(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes })) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      onChunk?.(buffer);
      yield buffer;
    }
  }
  return { chunks: generate(), bytesRead: () => bytes };
}

export type { CsvRow };
