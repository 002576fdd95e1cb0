import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NATIVE_LOAD_ORDER } from '../../../../shared/data-contract/native-format';
import { openWarehouse, type Db } from '../../db/open';
import { runImport, type ImportRunResult } from '../import-run';
import { customer, line, order, product, writeNativeFiles } from '../testing/csv-fixture';
import { filesOfDays, generateSmallStore, type GeneratedStore } from '../testing/generated-store';
import { warehouseChecksums } from '../testing/warehouse-checksum';
import { createFileReader, type ReaderThread } from './file-reader';

let store: GeneratedStore;
let dir: string;

beforeAll(async () => {
  store = await generateSmallStore(5, 40);
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-reader-thread-'));
});
afterAll(() => {
  rmSync(store.dir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** Files whose rows exercise every way a row can leave the writer: orphans, malformed and invalid rows, repeats. */
function noisyFiles(folder: string): string[] {
  const lines = Array.from({ length: 3000 }, (_, i) => line(`O${i % 700}`, Math.floor(i / 700) + 1, i % 3 === 0 ? 'S1' : 'S2', 1 + (i % 4), '9.99'));
  lines.splice(10, 0, line('O-missing', 1, 'S1', 1, '1.00'));
  lines.splice(2500, 0, line('O1', 99, 'S-missing', 1, '1.00'), line('O2', 98, 'S1', 0, '1.00'));
  lines.push(lines[5] as Record<string, string | number>);
  // A repeat of an orphan is an orphan too, not a duplicate: nothing of it was loaded.
  lines.push(line('O-missing', 1, 'S1', 1, '1.00'));
  const files = writeNativeFiles(folder, {
    customers: [customer('C1'), customer('C2')],
    products: [product('S1', '9.99', '2024-01-01T00:00:00Z'), product('S2', '19.99', '2024-01-01T00:00:00Z')],
    orders: [...Array.from({ length: 700 }, (_, i) => order(`O${i}`, `C${1 + (i % 2)}`, '2024-01-02T10:00:00Z')), order('O-lonely', 'C-missing', '2024-01-02T11:00:00Z')],
    order_items: lines,
  });
  appendFileSync(files[3] as string, 'O5,1,S1\n"O6",1,S1,1,"9.99"x,0,0\n');
  return files;
}

interface Loaded {
  result: ImportRunResult;
  staging: Record<string, unknown[]>;
  quarantine: unknown[];
  batches: unknown[];
  facts: Record<string, string>;
}

async function load(name: string, thread: ReaderThread, runs: string[][]): Promise<Loaded> {
  const db: Db = openWarehouse(path.join(dir, `${name}.sqlite`));
  try {
    let result: ImportRunResult | null = null;
    for (const files of runs) result = await runImport(db, { kind: 'files', source: name, files, readerThread: thread });
    const staging = Object.fromEntries(
      NATIVE_LOAD_ORDER.map((e) => [e, (db.prepare(`SELECT * FROM stg_${e} ORDER BY stg_id`).raw().all() as unknown[][]).map((row) => row.filter((_, i) => i !== 4))]),
    );
    return {
      result: result as ImportRunResult,
      staging,
      quarantine: db.prepare('SELECT batch_id, file, entity, line, column_name, reason_code, reason, raw, fields_json FROM quarantine ORDER BY quarantine_id').all(),
      batches: db.prepare('SELECT batch_id, file_name, sha256, format, entity, status, rows_read, rows_loaded, rows_duplicate, rows_quarantined FROM import_batches ORDER BY batch_id').all(),
      facts: warehouseChecksums(db, ['ingested_at']),
    };
  } finally {
    db.close();
  }
}

describe('staging with the reader in a worker thread', () => {
  it('stages, quarantines and counts exactly as the inline reader does, row for row', async () => {
    const noisy = noisyFiles(path.join(dir, 'noisy'));
    const runs = [filesOfDays(store, store.days.slice(0, 25)), filesOfDays(store, store.days.slice(25)), noisy];
    const inline = await load('inline', 'inline', runs);
    const worker = await load('worker', 'worker', runs);
    expect(worker.staging).toEqual(inline.staging);
    expect(worker.quarantine).toEqual(inline.quarantine);
    expect(worker.batches).toEqual(inline.batches);
    expect(worker.facts).toEqual(inline.facts);
    // The noisy run hit every path: an orphan line (its raw text came back from the reader), a missing SKU, a missing customer,
    // an invalid quantity, a short row, text after a closing quote, and a repeated line.
    const codes = (worker.quarantine as { reason_code: string; raw: string; line: number; file: string }[]).filter((q) => q.file.startsWith('noisy'));
    expect(codes.map((q) => q.reason_code).sort()).toEqual(['malformed_row', 'malformed_row', 'out_of_range', 'unknown_parent', 'unknown_parent', 'unknown_parent', 'unknown_parent']);
    expect(codes.find((q) => q.raw.startsWith('O-missing'))).toMatchObject({ raw: 'O-missing,1,S1,1,1.00,0,0', line: 12 });
    const lines = worker.result.files.find((f) => f.path.endsWith(path.join('noisy', 'order_items.csv')));
    expect(lines).toMatchObject({ rowsRead: 3007, rowsDuplicate: 1 });
    expect(lines && lines.rowsRead).toBe((lines?.rowsLoaded ?? 0) + (lines?.rowsDuplicate ?? 0) + (lines?.rowsQuarantined ?? 0));
  });

  it('refuses a file the worker cannot read, with nothing of it kept, and goes on with the next file', async () => {
    const [customers, orders] = writeNativeFiles(path.join(dir, 'bad'), { customers: [customer('C1'), customer('C2')], orders: [order('O1', 'C1', '2024-01-02T00:00:00Z')] });
    appendFileSync(customers as string, Buffer.from([0xff, 0xfe, 0x0a]));
    const db = openWarehouse(path.join(dir, 'bad.sqlite'));
    try {
      const result = await runImport(db, { kind: 'files', source: 'bad', files: [customers as string, orders as string], readerThread: 'worker' });
      expect(result.files.map((f) => f.status)).toEqual(['refused', 'loaded']);
      expect(result.files[0]?.message).toMatch(/customers\.csv: the file is not valid UTF-8/);
      expect(db.prepare('SELECT count(*) FROM stg_customers').pluck().get()).toBe(0);
      expect(result.files[1]).toMatchObject({ rowsRead: 1, rowsQuarantined: 1 });
    } finally {
      db.close();
    }
  });

  it("'auto' reads the big files of a run in the worker and the small ones inline, with the same rows either way", async () => {
    const [customers, orders] = writeNativeFiles(path.join(dir, 'auto'), {
      customers: [customer('C1'), customer('C2')],
      orders: Array.from({ length: 400 }, (_, i) => order(`O${i}`, `C${1 + (i % 2)}`, '2024-01-02T00:00:00Z')),
    });
    const reader = createFileReader('auto', [customers as string, orders as string], 4096);
    const drain = async (file: string): Promise<{ thread: string; rows: number }> => {
      const read = reader.open(file, {});
      let rows = 0;
      for await (const event of read.events) {
        if (event.kind === 'batch') {
          rows += event.batch.rowCount;
          read.release(event.batch.seq);
        }
        if (event.kind === 'end') break;
      }
      return { thread: read.thread, rows };
    };
    try {
      expect(await drain(customers as string)).toEqual({ thread: 'inline', rows: 2 });
      expect(await drain(orders as string)).toEqual({ thread: 'worker', rows: 400 });
    } finally {
      await reader.close();
    }
  });
});
