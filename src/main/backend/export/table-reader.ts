import type { Db } from '../db/open';
import { quoteIdentifier } from './data-dictionary';

export type Cell = bigint | number | string | null | Buffer;

/**
 * Reads a whole table in batches so a million-row fact never sits in memory twice. Integers come
 * back as plain numbers: safeIntegers (bigint) made reading 3–4× slower, and every value the
 * warehouse holds (cents, counts, keys) is far below 2^53; the Parquet writer still refuses any
 * integer that is not safe, so precision can never be lost silently.
 */
export function* readTableInBatches(db: Db, table: string, batchSize: number): Generator<Cell[][]> {
  const statement = db.prepare(`SELECT * FROM ${quoteIdentifier(table)}`).raw(true);
  let batch: Cell[][] = [];
  for (const row of statement.iterate() as IterableIterator<Cell[]>) {
    batch.push(row);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
