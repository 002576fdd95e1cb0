import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toErrorInfo } from '../../../shared/result';
import { openWarehouse, type Db } from '../db/open';
import { checkpointAfterWrite } from '../db/wal-checkpoint';
import { loadJob } from './registry';
import type { WorkerMessage, WorkerStartData } from './types';

/** Runs one job with its own connection; the runner owns the worker's lifecycle. */
async function runJob(db: Db, data: WorkerStartData): Promise<WorkerMessage> {
  const cancelFlag = new Int32Array(data.cancelFlag);
  const isCancelled = (): boolean => Atomics.load(cancelFlag, 0) === 1;
  try {
    const job = await loadJob(data.kind);
    const params = job.params.parse(data.params ?? {});
    const outcome = await job.run({
      db,
      params,
      jobId: data.jobId,
      warehousePath: data.warehousePath,
      progress: (done, total, phase) => parentPort?.postMessage({ type: 'progress', done, total, phase }),
      isCancelled,
      throwIfCancelled: () => {
        if (isCancelled()) throw new AppError('JOB_CANCELLED', 'The job was cancelled; nothing from its open batch was kept.');
      },
    });
    return { type: 'finished', outcome };
  } catch (error) {
    return { type: 'failed', error: toErrorInfo(error) };
  }
}

function checkpointQuietly(db: Db): void {
  try {
    checkpointAfterWrite(db);
  } catch {
    // Nothing is lost: the log stays and the next checkpoint (or closing the last connection) copies it.
  }
}

/**
 * The result goes out first; then a job that wrote copies its write-ahead log into the database
 * file, on this thread, while the app already shows the result (bulk jobs commit without
 * checkpointing: wal-checkpoint.ts). The worker exits when that is done.
 */
async function main(data: WorkerStartData): Promise<void> {
  let db: Db;
  try {
    db = openWarehouse(data.warehousePath, { isPrepared: true });
  } catch (error) {
    parentPort?.postMessage({ type: 'failed', error: toErrorInfo(error) } satisfies WorkerMessage);
    return;
  }
  try {
    const message = await runJob(db, data);
    parentPort?.postMessage(message);
    if (message.type === 'finished' && message.outcome.changedTables.length > 0) checkpointQuietly(db);
  } finally {
    db.close();
  }
}

void main(workerData as WorkerStartData);
