import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWarehouse, type Db } from '../db/open';
import { runImport } from './import-run';
import { expandImportPaths, landingDays, pendingLandingDays } from './landing';
import { retryQuarantine } from './quarantine-retry';
import { customer, line, order, product, writeNativeFiles } from './testing/csv-fixture';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-retry-'));
  db = openWarehouse(path.join(dir, 'w.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('retryQuarantine', () => {
  it('loads rows whose parents arrived, re-quarantines the rest under the retry batch, and keeps the counts whole', async () => {
    const first = writeNativeFiles(path.join(dir, 'a'), {
      products: [product('S1', '5.00', '2024-01-01T00:00:00Z')],
      orders: [order('O1', 'C1', '2024-01-02T00:00:00Z'), order('O2', 'C7', '2024-01-02T00:00:00Z')],
      order_items: [line('O1', 1, 'S1', 1, '5.00'), line('O1', 1, 'S1', 1, '5.00')],
    });
    const loaded = await runImport(db, { kind: 'files', source: 'a', files: first });
    expect(loaded).toMatchObject({ rowsRead: 5, rowsLoaded: 1, rowsDuplicate: 0, rowsQuarantined: 4 });
    // O1's line is quarantined twice (its order was) — the retry must load one and count the other as a duplicate.
    await runImport(db, { kind: 'files', source: 'b', files: writeNativeFiles(path.join(dir, 'b'), { customers: [customer('C1')] }) });
    expect(retryQuarantine(db, { batchId: 999 })).toMatchObject({ runId: null, attempted: 0 });
    const retried = retryQuarantine(db, { reasonCode: 'unknown_parent' });
    expect(retried).toMatchObject({ attempted: 4, loaded: 2, duplicates: 1, stillQuarantined: 1 });
    const batches = db.prepare("SELECT rows_read, rows_loaded, rows_duplicate, rows_quarantined FROM import_batches WHERE status = 'retry'").all();
    expect(batches).toEqual([{ rows_read: 4, rows_loaded: 2, rows_duplicate: 1, rows_quarantined: 1 }]);
    expect(db.prepare('SELECT status, count(*) AS n FROM quarantine GROUP BY status ORDER BY status').all()).toEqual([
      { status: 'open', n: 1 },
      { status: 'resolved', n: 3 },
      { status: 'superseded', n: 1 },
    ]);
    expect(db.prepare("SELECT reason FROM quarantine WHERE status = 'open'").pluck().get()).toMatch(/customer C7 is not in this import/);
    expect(db.prepare('SELECT order_id, net_cents, line_count FROM fct_orders').all()).toEqual([{ order_id: 'O1', net_cents: 500, line_count: 1 }]);
    expect(db.prepare('SELECT is_passed FROM quality_runs ORDER BY quality_run_id DESC LIMIT 1').pluck().get()).toBe(1);
  });
});

describe('landing folders', () => {
  it('lists day folders oldest first, knows which were imported, and expands folders to files', async () => {
    const root = path.join(dir, 'landing');
    for (const day of ['2024-01-02', '2024-01-01', 'notes']) mkdirSync(path.join(root, day), { recursive: true });
    writeNativeFiles(path.join(root, '2024-01-01'), { customers: [customer('C1')] });
    writeNativeFiles(path.join(root, '2024-01-02'), { customers: [customer('C2')] });
    writeFileSync(path.join(root, 'manifest.json'), '{}');
    writeFileSync(path.join(root, 'readme.md'), 'not data');
    expect(landingDays(root)).toEqual(['2024-01-01', '2024-01-02']);
    expect(() => landingDays(path.join(dir, 'missing'))).toThrow(/is not a folder/);
    expect(expandImportPaths([root]).map((f) => path.relative(root, f))).toEqual(['2024-01-01/customers.csv', '2024-01-02/customers.csv']);
    expect(() => expandImportPaths([path.join(dir, 'nothing-here')])).toThrow(/does not exist/);
    mkdirSync(path.join(dir, 'empty'));
    expect(() => expandImportPaths([path.join(dir, 'empty')])).toThrow(/No importable files/);
    await runImport(db, { kind: 'landing', source: root, files: expandImportPaths([path.join(root, '2024-01-01')]), landing: { root, days: ['2024-01-01'] } });
    expect(pendingLandingDays(db, root)).toEqual(['2024-01-02']);
  });
});
