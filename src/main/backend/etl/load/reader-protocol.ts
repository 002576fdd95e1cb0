import type { ErrorInfo } from '../../../../shared/result';
import type { SourceRecord } from '../source';
import { packValues, packedTransferables, unpackValues, type PackedValues } from './packed-values';
import type { ReadOptions, ReaderEvent, RowDetails, ValidatedBatch } from './validated-reader';

/** A batch as it crosses threads: its values packed (packed-values.ts), its typed arrays moved. */
type WireBatch = Omit<ValidatedBatch, 'values'> & { packed: PackedValues };
export type WireEvent = Exclude<ReaderEvent, { kind: 'batch' }> | { kind: 'batch'; batch: WireBatch };

/** The reader's side: the event to post and the buffers to move with it. */
export function toWire(event: ReaderEvent): { event: WireEvent; transfer: ArrayBuffer[] } {
  if (event.kind !== 'batch') return { event, transfer: [] };
  const { values, ...rest } = event.batch;
  const packed = packValues(values);
  const buffers = [rest.lines.buffer, rest.hashes.buffer, rest.entityIndexes?.buffer, ...packedTransferables(packed)];
  return { event: { kind: 'batch', batch: { ...rest, packed } }, transfer: buffers.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer) };
}

/** The writer's side. */
export function fromWire(event: WireEvent): ReaderEvent {
  if (event.kind !== 'batch') return event;
  const { packed, ...rest } = event.batch;
  return { kind: 'batch', batch: { ...rest, values: unpackValues(packed) } };
}

/** Messages from the writer (the import's thread) to the reader worker. */
export type ToReader =
  /** `retain`: how many of the latest batches' records to keep for 'details' (see RetainedRecords.keepLatest). */
  | { type: 'read'; file: string; options: ReadOptions; retain: number }
  /** One more batch may be sent: the writer took one off its queue, so at most a few are in flight. */
  | { type: 'credit' }
  | { type: 'details'; seq: number; rows: number[] };

/** Messages from the reader worker to the writer. */
export type FromReader =
  | { type: 'event'; event: WireEvent }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'details'; seq: number; rows: RowDetails[] };

/**
 * The valid records of batches the writer may still ask about: a row whose parent is missing is
 * quarantined with its raw text and fields, which only the reader still has.
 */
export class RetainedRecords {
  private readonly bySeq = new Map<number, SourceRecord[]>();

  keep(seq: number, records: SourceRecord[]): void {
    this.bySeq.set(seq, records);
  }

  /**
   * Keeps a batch and forgets the one `retain` batches older. The reader thread's way: the writer
   * asks for a batch's details while staging it, and a reader holding `credits` batches of
   * credit cannot have read more than that many batches further by the time the question comes
   * (the question precedes, in the same queue, the credit for the batch after). Told "release"
   * by message instead, the reader heard it only when its loop turned, once per megabyte read:
   * tens of thousands of rows outlived V8's young generation, and parsing took twice as long.
   */
  keepLatest(seq: number, records: SourceRecord[], retain: number): void {
    this.bySeq.set(seq, records);
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
    const records = this.bySeq.get(seq) ?? [];
    this.bySeq.delete(seq);
    return rows.map((row) => {
      const record = records[row];
      return record === undefined ? { raw: '', fields: [] } : { raw: record.raw, fields: record.fields };
    });
  }
}
