import type { ErrorInfo } from '../../../../shared/result';
import type { SourceRecord } from '../source';
import type { ReadOptions, ReaderEvent, RowDetails } from './validated-reader';

/** Messages from the writer (the import's thread) to the reader worker. */
export type ToReader =
  | { type: 'read'; file: string; options: ReadOptions }
  /** One more batch may be sent: the writer took one off its queue, so at most a few are in flight. */
  | { type: 'credit' }
  /** The writer is done with a batch: its records can be forgotten. */
  | { type: 'release'; seq: number }
  | { type: 'details'; seq: number; rows: number[] };

/** Messages from the reader worker to the writer. */
export type FromReader =
  | { type: 'event'; event: ReaderEvent }
  | { type: 'failed'; error: ErrorInfo }
  | { type: 'details'; seq: number; rows: RowDetails[] };

/**
 * The valid records of batches the writer has not released yet: a row whose parent is missing
 * is quarantined with its raw text and fields, which only the reader still has.
 */
export class RetainedRecords {
  private readonly bySeq = new Map<number, SourceRecord[]>();

  keep(seq: number, records: SourceRecord[]): void {
    this.bySeq.set(seq, records);
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
