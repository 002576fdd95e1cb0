import { describe, expect, it } from 'vitest';
import type { ImportBatchSummary } from '../../../shared/contract/imports';
import { entityTotals, fileLabel, problemsFirst, repeatedFileNames } from './run-files';

const batch = (batchId: number, path: string, entity: string | null, counts: Partial<ImportBatchSummary> = {}): ImportBatchSummary => ({
  batchId, runId: 1, path, fileName: path.split('/').pop()!, sizeBytes: 1, sha256: '', format: 'native', entity, status: 'loaded', message: null,
  rowsRead: 0, rowsLoaded: 0, rowsDuplicate: 0, rowsQuarantined: 0, parseMs: 0, validateMs: 0, stageMs: 0, ingestedAt: '', ...counts,
});

const RUN = [
  batch(1, '/land/2024-03-04/customers.csv', 'customers', { rowsRead: 5, rowsLoaded: 5 }),
  batch(2, '/land/2024-03-04/orders.csv', 'orders', { rowsRead: 9, rowsLoaded: 7, rowsQuarantined: 2 }),
  batch(3, '/land/2024-03-05/customers.csv', 'customers', { rowsRead: 4, rowsLoaded: 3, rowsDuplicate: 1 }),
  batch(4, '/land/2024-03-05/notes.txt', null, { status: 'refused', message: 'not CSV' }),
];

describe('a run\'s files', () => {
  it('names a repeated file by its folder too, and a unique one by itself', () => {
    const repeated = repeatedFileNames(RUN);
    expect(RUN.map((b) => fileLabel(b, repeated))).toEqual(['2024-03-04/customers.csv', 'orders.csv', '2024-03-05/customers.csv', 'notes.txt']);
  });

  it('sums each entity, with refused files on their own line', () => {
    expect(entityTotals(RUN)).toEqual([
      { entity: 'customers', files: 2, rowsRead: 9, rowsLoaded: 8, rowsDuplicate: 1, rowsQuarantined: 0, refused: 0 },
      { entity: 'orders', files: 1, rowsRead: 9, rowsLoaded: 7, rowsDuplicate: 0, rowsQuarantined: 2, refused: 0 },
      { entity: 'refused file', files: 1, rowsRead: 0, rowsLoaded: 0, rowsDuplicate: 0, rowsQuarantined: 0, refused: 1 },
    ]);
  });

  it('lists refused files, then files with quarantined rows, then the rest in run order', () => {
    expect(problemsFirst(RUN).map((b) => b.batchId)).toEqual([4, 2, 1, 3]);
  });
});
