import type { SourceRecord } from '../source';
import type { RowDetails } from './validated-reader';

/**
 * One batch's records reduced to what a quarantine entry needs, in three objects: every record's
 * raw text and fields back to back in one string, with where each piece ends. Kept as record
 * objects, the ten or so batches the writer may still ask about (tens of thousands of rows, ten
 * small objects each) outlived V8's young generation at every scavenge: copying and promoting
 * them took the reader thread 0.6–0.9 s on a 1M-line file, nearly what parsing it did.
 */
interface PackedRecords {
  /** UTF-16 code units, outside V8's heap: a retained string is copied at every scavenge it survives. */
  text: Buffer;
  /** Piece i ends at ends[i]; a record's pieces are its raw text, then its fields. */
  ends: Uint32Array;
  /** Record r's pieces are firstPiece[r] up to firstPiece[r + 1]. */
  firstPiece: Uint32Array;
}

function packRecords(records: readonly SourceRecord[]): PackedRecords {
  const pieces: string[] = [];
  const firstPiece = new Uint32Array(records.length + 1);
  for (let r = 0; r < records.length; r += 1) {
    const record = records[r] as SourceRecord;
    firstPiece[r] = pieces.length;
    pieces.push(record.raw);
    for (const field of record.fields) pieces.push(field);
  }
  firstPiece[records.length] = pieces.length;
  const ends = new Uint32Array(pieces.length);
  let length = 0;
  for (let i = 0; i < pieces.length; i += 1) {
    length += (pieces[i] as string).length;
    ends[i] = length;
  }
  return { text: Buffer.from(pieces.join(''), 'utf16le'), ends, firstPiece };
}

function unpackRecord({ text, ends, firstPiece }: PackedRecords, row: number): RowDetails | null {
  if (row < 0 || row + 1 >= firstPiece.length) return null;
  const from = firstPiece[row] as number;
  const to = firstPiece[row + 1] as number;
  const piece = (i: number): string => text.toString('utf16le', 2 * (i === 0 ? 0 : (ends[i - 1] as number)), 2 * (ends[i] as number));
  const fields: string[] = [];
  for (let i = from + 1; i < to; i += 1) fields.push(piece(i));
  return { raw: piece(from), fields };
}

/** A batch as held: packed, or its record objects as they are. */
type HeldBatch = { packed: PackedRecords } | { records: readonly SourceRecord[] };

function detailsOf(held: HeldBatch, row: number): RowDetails | null {
  if ('packed' in held) return unpackRecord(held.packed, row);
  const record = held.records[row];
  return record === undefined ? null : { raw: record.raw, fields: record.fields };
}

/**
 * The valid records of batches the writer may still ask about: a row whose parent is missing is
 * quarantined with its raw text and fields, which only the reader still has.
 */
export class RetainedRecords {
  private readonly bySeq = new Map<number, HeldBatch>();

  /**
   * `packs`: for a reader thread, whose batches outlive many young-generation collections. Inline,
   * the writer releases each batch as soon as it is staged: the records die young and packing
   * them would only add its cost (~0.2 s per million rows) to the critical path.
   */
  constructor(private readonly packs: boolean) {}

  keep(seq: number, records: readonly SourceRecord[]): void {
    this.bySeq.set(seq, this.packs ? { packed: packRecords(records) } : { records });
  }

  /**
   * Keeps a batch and forgets the one `retain` batches older. The reader thread's way: the writer
   * asks for a batch's details while staging it, and a reader holding `credits` batches of
   * credit cannot have read more than that many batches further by the time the question comes
   * (the question precedes, in the same queue, the credit for the batch after). Told "release"
   * by message instead, the reader heard it only when its loop turned, once per megabyte read.
   */
  keepLatest(seq: number, records: readonly SourceRecord[], retain: number): void {
    this.keep(seq, records);
    this.bySeq.delete(seq - retain);
  }

  release(seq: number): void {
    this.bySeq.delete(seq);
  }

  clear(): void {
    this.bySeq.clear();
  }

  /** Raw text and fields of some rows of a batch, which is then released. */
  take(seq: number, rows: readonly number[]): RowDetails[] {
    const held = this.bySeq.get(seq);
    this.bySeq.delete(seq);
    return rows.map((row) => (held === undefined ? null : detailsOf(held, row)) ?? { raw: '', fields: [] });
  }
}
