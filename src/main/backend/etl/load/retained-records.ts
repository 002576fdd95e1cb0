import type { SourceRecord } from '../source';
import { packRecords, unpackRecord, type PackedRecords } from './packed-records';
import type { RowDetails } from './validated-reader';

/** A batch as held: packed into one of the slots, or its record objects as they are. */
type HeldBatch = { packed: PackedRecords } | { records: readonly SourceRecord[] };

/** Large enough for a 64 KB read's records twice over (raw text and fields, two bytes a character). */
const INITIAL_SLOT_BYTES = 512 * 1024;

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
  /** Packing buffers, one per batch a reader thread holds at once; empty when held as is. */
  private readonly slots: Buffer[];

  /**
   * `retain`: a reader thread's window (see keepLatest), whose batches it packs: they outlive
   * many young-generation collections. Without one (inline), the writer releases each batch as
   * soon as it is staged, so its records die young and packing would only add ~0.2 s per million
   * rows to the critical path.
   */
  constructor(readonly retain: number | null = null) {
    this.slots = retain === null ? [] : Array.from({ length: retain }, () => Buffer.allocUnsafeSlow(INITIAL_SLOT_BYTES));
  }

  /** Holds a batch until the writer asks about it or releases it. */
  keep(seq: number, records: readonly SourceRecord[]): void {
    this.bySeq.set(seq, { records });
  }

  /**
   * Holds a batch, packed, and forgets the one `retain` batches older, whose slot it takes. The
   * writer asks for a batch's details while staging it, and a reader holding `credits` batches of
   * credit cannot have read more than that many batches further by the time the question comes
   * (the question precedes, in the same queue, the credit for the batch after). Told "release"
   * by message instead, the reader heard it only when its loop turned, once per megabyte read.
   */
  keepLatest(seq: number, records: readonly SourceRecord[]): void {
    const { retain, slots } = this;
    if (retain === null) throw new Error('keepLatest needs a retention window');
    this.bySeq.delete(seq - retain);
    const index = seq % retain;
    const { packed, slot } = packRecords(records, slots[index] as Buffer);
    slots[index] = slot;
    this.bySeq.set(seq, { packed });
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
