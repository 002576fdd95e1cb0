import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/open';
import { runImport } from './import-run';
import { customer, writeNativeFiles } from './testing/csv-fixture';
import { freshWarehousePerTest } from './testing/fresh-warehouse';

/**
 * The import shrinks the page caches and moves temp storage to files for its run (peak RSS), on
 * the connection the dashboards read through: afterwards every setting must be what it was.
 */
const warehouse = freshWarehousePerTest('storelens-settings-');

const settings = (conn: Db) => ({
  tempStore: conn.pragma('temp_store', { simple: true }),
  cacheSize: conn.pragma('cache_size', { simple: true }),
  tempCacheSize: conn.pragma('temp.cache_size', { simple: true }),
});

describe('runImport and the connection settings', () => {
  it('puts back temp_store and both cache sizes after a run that succeeds', async () => {
    const before = settings(warehouse.db);
    const seenDuringRun: unknown[] = [];
    const files = writeNativeFiles(path.join(warehouse.dir, 'a'), { customers: [customer('C1'), customer('C2')] });
    const result = await runImport(warehouse.db, { kind: 'files', source: 'a', files, progress: () => seenDuringRun.push(settings(warehouse.db)) });
    expect(result.rowsLoaded).toBe(2);
    // During the run the import's own, smaller caches are in force.
    expect(seenDuringRun.length).toBeGreaterThan(0);
    expect(seenDuringRun[0]).not.toEqual(before);
    expect(settings(warehouse.db)).toEqual(before);
  });

  it('puts them back after a run that fails (cancelled mid-way)', async () => {
    const before = settings(warehouse.db);
    const files = writeNativeFiles(path.join(warehouse.dir, 'b'), { customers: [customer('C1')] });
    const cancelled = runImport(warehouse.db, {
      kind: 'files',
      source: 'b',
      files,
      throwIfCancelled: () => {
        throw new Error('cancelled by the test');
      },
    });
    await expect(cancelled).rejects.toThrow('cancelled by the test');
    expect(settings(warehouse.db)).toEqual(before);
    expect(warehouse.db.prepare('SELECT count(*) FROM dim_customer').pluck().get()).toBe(0);
  });
});
