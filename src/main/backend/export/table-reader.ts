import type { Db } from '../db/open';
import { quoteIdentifier } from './data-dictionary';

export type Cell = bigint | number | string | null | Buffer;

/**
 * Reads a whole table in batches so a million-row fact never sits in memory twice. Integers come
 * back as bigint (safeIntegers) so a cents column can never lose precision on the way out.
 */
export function* readTableInBatches(db: Db, table: string, batchSize: number): Generator<Cell[][]> {
  const statement = db.prepare(`SELECT * FROM ${quoteIdentifier(table)}`).raw(true).safeIntegers(true);
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
