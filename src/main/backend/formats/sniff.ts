import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { CsvDelimiter, FileDetection, FileEncoding } from '../../../shared/contract/formats';
import { isBlankRow, type CsvRow } from './csv-rows';
import { sniffDelimiter, sniffLineEnding, tokenizeSample, uniqueHeader } from './dialect';
import { sniffEncoding } from './encoding';
import { refuseFile } from './refusal';

const SAMPLE_BYTES = 1024 * 1024;
export const SAMPLE_ROWS = 200;
const SAMPLE_CHARS = 256 * 1024;

/** What the first megabyte of a file says about it. */
export interface FileSniff {
  file: string;
  sizeBytes: number;
  encoding: FileEncoding;
  delimiter: CsvDelimiter;
  lineEnding: FileDetection['lineEnding'];
  /** De-duplicated header names; empty for an empty file. */
  header: string[];
  duplicateHeaders: string[];
  /** Non-blank data rows of the sample (the last one dropped when the sample cut the file). */
  rows: CsvRow[];
  isEmpty: boolean;
}

export async function readHead(file: string, bytes = SAMPLE_BYTES): Promise<{ head: Buffer; size: number }> {
  const info = await stat(file).catch(() => null);
  if (!info) throw refuseFile(file, 'the file does not exist or cannot be read');
  if (info.isDirectory()) throw refuseFile(file, 'this is a folder, not a file');
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(bytes, info.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, bytesRead), size: info.size };
  } finally {
    await handle.close();
  }
}

/**
 * Sniffs encoding, delimiter, line ending and header. Refuses binary files outright (naming the
 * file) and an unbalanced quote inside the sample (naming line and field).
 */
export async function sniffFile(file: string, overrides: { encoding?: FileEncoding; delimiter?: CsvDelimiter } = {}): Promise<FileSniff> {
  const { head, size } = await readHead(file);
  const isWholeFile = head.length >= size;
  const sniffed = sniffEncoding(head, isWholeFile);
  if (sniffed.binaryReason && !overrides.encoding) throw refuseFile(file, `cannot import ${path.basename(file)}: ${sniffed.binaryReason}`);
  const encoding = overrides.encoding ?? sniffed.encoding;
  const text = iconv.decode(head, encoding === 'utf-8-bom' ? 'utf-8' : encoding, { stripBOM: true });
  const empty: FileSniff = { file, sizeBytes: size, encoding, delimiter: overrides.delimiter ?? ',', lineEnding: 'none', header: [], duplicateHeaders: [], rows: [], isEmpty: true };
  if (text.trim() === '') return empty;
  // Rows for sampling come from the first 256 KB; the delimiter vote from the first 64 KB.
  const rowsText = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const isCut = !isWholeFile || rowsText.length < text.length;
  const delimiter = overrides.delimiter ?? sniffDelimiter(rowsText.slice(0, 65536), isCut || rowsText.length > 65536);
  const sample = tokenizeSample(rowsText, delimiter, isCut, SAMPLE_ROWS + 50);
  if (sample.error && !isCut) throw refuseFile(file, sample.error.message, sample.error.line, String(sample.error.column));
  const rows = sample.rows.filter((row) => !isBlankRow(row));
  const headerRow = rows.shift();
  if (!headerRow) return { ...empty, delimiter };
  if (isCut && !sample.error) rows.pop();
  const { header, duplicates } = uniqueHeader(headerRow.fields);
  return {
    file,
    sizeBytes: size,
    encoding,
    delimiter,
    lineEnding: sniffLineEnding(text),
    header,
    duplicateHeaders: duplicates,
    rows: rows.slice(0, SAMPLE_ROWS),
    isEmpty: false,
  };
}
