import type { SourceRecord } from '../source';
import type { RowDetails } from './validated-reader';

/**
 * One batch's records reduced to what a quarantine entry needs: every record's fields (and its
 * raw text, unless that is just its fields joined) back to back as UTF-16 code units, then where
 * each piece ends and where each record's pieces start, all in one reusable buffer outside V8's
 * heap. Kept as record objects, the ten or so batches the reader thread holds for the writer's
 * questions (tens of thousands of rows, ten small objects each) survived every scavenge: copying
 * and promoting them took 0.6–0.9 s of a 1M-line file, nearly what parsing it did.
 */
export interface PackedRecords {
  text: Buffer;
  /** Piece i ends at ends[i] (in code units). */
  ends: Uint32Array;
  /** Record r's pieces are firstPiece[r] up to firstPiece[r + 1]: its raw text when kept, then its fields. */
  firstPiece: Uint32Array;
  /** 1 where a record's raw text was not kept: it is its fields joined by `delimiter`. */
  rawIsJoined: Uint8Array;
  delimiter: string | null;
}

const BYTES_PER_CODE_UNIT = 2;
const BYTES_PER_INDEX = Uint32Array.BYTES_PER_ELEMENT;

const alignedToIndex = (bytes: number): number => Math.ceil(bytes / BYTES_PER_INDEX) * BYTES_PER_INDEX;

/**
 * Packs `records` into `slot` when they fit, else into a new, larger buffer: the caller keeps
 * the returned `slot` for the next batch, so a steady load allocates nothing (and a thread's
 * freed allocations cannot pile up in its malloc arena).
 */
export function packRecords(records: readonly SourceRecord[], slot: Buffer): { packed: PackedRecords; slot: Buffer } {
  const pieces: string[] = [];
  const starts: number[] = [];
  const joined: number[] = [];
  // Rebuilding a raw text costs a join per row and joining it in again cost 4× the fields alone
  // (2 s of a 1M-row orders file): skipped wherever the fields give it back.
  const delimiter = records[0]?.rawJoinsFieldsWith ?? null;
  let units = 0;
  for (const record of records) {
    starts.push(pieces.length);
    const isJoined = delimiter !== null && record.rawJoinsFieldsWith === delimiter;
    joined.push(isJoined ? 1 : 0);
    if (!isJoined) {
      const raw = record.raw;
      pieces.push(raw);
      units += raw.length;
    }
    for (const field of record.fields) {
      pieces.push(field);
      units += field.length;
    }
  }
  starts.push(pieces.length);
  const textBytes = alignedToIndex(units * BYTES_PER_CODE_UNIT);
  const flagsAt = textBytes + (pieces.length + starts.length) * BYTES_PER_INDEX;
  const needed = flagsAt + joined.length;
  const buffer = needed <= slot.length ? slot : Buffer.allocUnsafeSlow(Math.max(needed, 2 * slot.length));
  buffer.write(pieces.join(''), 0, 'utf16le');
  const ends = new Uint32Array(buffer.buffer, buffer.byteOffset + textBytes, pieces.length);
  let length = 0;
  for (let i = 0; i < pieces.length; i += 1) {
    length += (pieces[i] as string).length;
    ends[i] = length;
  }
  const firstPiece = new Uint32Array(buffer.buffer, buffer.byteOffset + textBytes + pieces.length * BYTES_PER_INDEX, starts.length);
  firstPiece.set(starts);
  const rawIsJoined = new Uint8Array(buffer.buffer, buffer.byteOffset + flagsAt, joined.length);
  rawIsJoined.set(joined);
  return { packed: { text: buffer, ends, firstPiece, rawIsJoined, delimiter }, slot: buffer };
}

/** The raw text and fields of record `row`, or null when the batch has no such row. */
export function unpackRecord({ text, ends, firstPiece, rawIsJoined, delimiter }: PackedRecords, row: number): RowDetails | null {
  if (!Number.isInteger(row) || row < 0 || row + 1 >= firstPiece.length) return null;
  const from = firstPiece[row] as number;
  const to = firstPiece[row + 1] as number;
  const piece = (i: number): string =>
    text.toString('utf16le', BYTES_PER_CODE_UNIT * (i === 0 ? 0 : (ends[i - 1] as number)), BYTES_PER_CODE_UNIT * (ends[i] as number));
  const isJoined = rawIsJoined[row] === 1 && delimiter !== null;
  const fields: string[] = [];
  for (let i = isJoined ? from : from + 1; i < to; i += 1) fields.push(piece(i));
  return { raw: isJoined ? fields.join(delimiter) : piece(from), fields };
}
