/**
 * For bench/import.bench.ts: the order-lines staging load with the reader (parse + validate) on
 * the writer's thread and in a worker thread, side by side in one fresh warehouse whose parents
 * (customers, products, orders) are staged once. Wall seconds, and CPU seconds of the process
 * (both threads), since on a shared machine the wall clock says more about the neighbours.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { openWarehouse } from '../src/main/backend/db/open';
import { createFileReader, type ReaderThread } from '../src/main/backend/etl/load/file-reader';
import { ParentKeys } from '../src/main/backend/etl/load/parent-keys';
import { QuarantineWriter } from '../src/main/backend/etl/load/quarantine-writer';
import { stageFile, type StagedFile } from '../src/main/backend/etl/load/stage-file';

export interface ReaderRun {
  thread: ReaderThread;
  file: StagedFile;
  wallSeconds: number;
  cpuSeconds: number;
}

function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

const WORKER_START_ALLOWANCE_MS = 1500;

export async function compareReaderThreads(flatDir: string, scratch: string): Promise<ReaderRun[]> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(scratch + suffix, { force: true });
  const db = openWarehouse(scratch);
  db.pragma('temp_store = FILE');
  db.exec('BEGIN IMMEDIATE');
  try {
    const runId = Number(
      db.prepare(
        `INSERT INTO import_runs (kind, source, status, started_at, finished_at, files, rows_read, rows_loaded, rows_duplicate, rows_quarantined,
           stage_ms, transform_ms, quality_ms) VALUES ('files', 'bench', 'succeeded', ?, ?, 0, 0, 0, 0, 0, 0, 0, 0)`,
      ).run(new Date().toISOString(), new Date().toISOString()).lastInsertRowid,
    );
    const quarantine = new QuarantineWriter(db);
    const stage = async (entity: string, thread: ReaderThread, parents: ParentKeys): Promise<ReaderRun> => {
      const file = path.join(flatDir, `${entity}.csv`);
      const reader = createFileReader(thread, [file]);
      // As in an import, where the thread starts with the run and is up before its big file
      // comes (its ~0.45 s start under tsx is not the staging load's).
      if (thread === 'worker') await new Promise((resolve) => setTimeout(resolve, WORKER_START_ALLOWANCE_MS));
      const wall = performance.now();
      const cpu = cpuSeconds();
      try {
        const staged = await stageFile(file, {
          db, runId, ingestedAt: new Date().toISOString(), parents, quarantine, reader, onBytes: () => undefined, throwIfCancelled: () => undefined,
        });
        return { thread, file: staged, wallSeconds: (performance.now() - wall) / 1000, cpuSeconds: cpuSeconds() - cpu };
      } finally {
        await reader.close();
      }
    };
    const parents = new ParentKeys(db);
    for (const entity of ['customers', 'products', 'orders']) await stage(entity, 'inline', parents);
    const runs: ReaderRun[] = [];
    for (const thread of ['inline', 'worker'] as const) {
      // Each run starts from the same state: no order lines staged, parent keys known.
      // (and no batch of the same bytes, which would make the second run a skip).
      db.exec("DELETE FROM stg_order_items; DELETE FROM quarantine WHERE entity = 'order_items'; DELETE FROM import_batches WHERE file_name = 'order_items.csv'");
      runs.push(await stage('order_items', thread, parents));
    }
    return runs;
  } finally {
    db.exec('ROLLBACK');
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(scratch + suffix, { force: true });
  }
}
