import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWarehouse, type Db } from '../../db/open';
import { runImport } from '../import-run';
import { customer, order, writeNativeFiles } from '../testing/csv-fixture';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-stage-file-'));
  db = openWarehouse(path.join(dir, 'w.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string, ...params: unknown[]): number => Number(db.prepare(sql).pluck().get(...params));

describe('stageFile', () => {
  it('undoes a file refused part-way (bad bytes after several staged batches) and keeps the rest of the run', async () => {
    // 40,000 rows (~2.5 MB) span several 1 MB chunks and 8,192-row batches, so rows are staged before the bad bytes.
    const customers = Array.from({ length: 40_000 }, (_, i) => customer(`C${i}`));
    customers.splice(3, 0, customer('C-bad', 'not a date'));
    const [customersFile] = writeNativeFiles(path.join(dir, 'a'), { customers });
    appendFileSync(customersFile as string, Buffer.from([0xff, 0xfe, 0x0a]));
    const [ordersFile] = writeNativeFiles(path.join(dir, 'b'), { orders: [order('O1', 'C1', '2024-01-02T00:00:00Z')] });

    const result = await runImport(db, { kind: 'files', source: dir, files: [customersFile as string, ordersFile as string] });

    const refused = result.files.find((f) => f.path.endsWith('customers.csv'));
    expect(refused).toMatchObject({ status: 'refused', message: expect.stringContaining('not valid UTF-8') });
    expect(count('SELECT count(*) FROM stg_customers')).toBe(0);
    expect(count('SELECT count(*) FROM quarantine WHERE batch_id = ?', refused?.batchId)).toBe(0);
    // The staging index dropped for the bulk load is back.
    expect(count("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'stg_customers_by_customer_id'")).toBe(1);
    // C1 was staged and then removed: its order must not find it as a parent.
    expect(result.files.find((f) => f.path.endsWith('orders.csv'))).toMatchObject({ status: 'loaded', rowsRead: 1, rowsQuarantined: 1 });
    expect(db.prepare('SELECT reason_code, column_name FROM quarantine WHERE entity = ?').get('orders')).toEqual({ reason_code: 'unknown_parent', column_name: 'customer_id' });
  });
});
