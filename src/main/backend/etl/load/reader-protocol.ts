import type { ErrorInfo } from '../../../../shared/result';
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
  const buffers = [rest.lines.buffer, rest.hashes.buffer, rest.entityIndexes?.buffer, rest.repeats?.buffer, ...packedTransferables(packed)];
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
