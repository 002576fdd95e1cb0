import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWarehouse } from '../db/open';
import { runImport } from './import-run';
import { filesOfDays, generateSmallStore, type GeneratedStore } from './testing/generated-store';
import { warehouseChecksums } from './testing/warehouse-checksum';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'crash-child.ts');
let store: GeneratedStore;

beforeAll(async () => {
  store = await generateSmallStore(11, 100);
});
afterAll(() => rmSync(store.dir, { recursive: true, force: true }));

function snapshot(file: string): { facts: Record<string, string>; bookkeeping: unknown } {
  const db = openWarehouse(file);
  try {
    return {
      facts: warehouseChecksums(db),
      bookkeeping: db
        .prepare(
          `SELECT (SELECT count(*) FROM import_runs) AS runs, (SELECT count(*) FROM import_batches) AS batches,
             (SELECT count(*) FROM quarantine) AS quarantined, (SELECT count(*) FROM stg_orders) AS staged_orders,
             (SELECT count(*) FROM stg_order_items) AS staged_lines, (SELECT count(*) FROM quality_runs) AS quality_runs`,
        )
        .get(),
    };
  } finally {
    db.close();
  }
}

/** Runs the child import and SIGKILLs it as soon as it reports real progress. */
function importAndKill(warehouse: string, files: string[]): Promise<{ signal: NodeJS.Signals | null; sawProgress: boolean; sawFinished: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, warehouse, ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
    let sawProgress = false;
    let sawFinished = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      if (text.includes('finished')) sawFinished = true;
      // Kill once the run has staged part of the order lines: mid-transaction, mid-file.
      if (!sawProgress && /progress \d+ \d+ staging order_items/.test(text)) {
        sawProgress = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, sawProgress, sawFinished }));
  });
}

describe('crash safety', () => {
  it('leaves the warehouse exactly as before when the importing process is killed mid-run', async () => {
    const warehouse = path.join(store.dir, 'warehouse.sqlite');
    const db = openWarehouse(warehouse);
    await runImport(db, { kind: 'landing', source: store.landing, files: filesOfDays(store, store.days.slice(0, 50)) });
    db.close();
    const before = snapshot(warehouse);
    const outcome = await importAndKill(warehouse, filesOfDays(store, store.days.slice(50)));
    expect(outcome).toEqual({ signal: 'SIGKILL', sawProgress: true, sawFinished: false });
    expect(snapshot(warehouse)).toEqual(before);
    // And the warehouse still works: the same import now completes.
    const again = openWarehouse(warehouse);
    try {
      const result = await runImport(again, { kind: 'landing', source: store.landing, files: filesOfDays(store, store.days.slice(50)) });
      expect(result.status).toBe('succeeded');
      expect(result.rowsRead).toBe(result.rowsLoaded + result.rowsDuplicate + result.rowsQuarantined);
    } finally {
      again.close();
    }
  });
});
