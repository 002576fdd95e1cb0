import { parentPort, workerData } from 'node:worker_threads';
import { AppError, toErrorInfo } from '../../../shared/result';
import { openWarehouse } from '../db/open';
import { loadJob } from './registry';
import type { WorkerMessage, WorkerStartData } from './types';

/** Runs one job with its own connection; the runner owns the worker's lifecycle. */
async function runJob(data: WorkerStartData): Promise<WorkerMessage> {
  const cancelFlag = new Int32Array(data.cancelFlag);
  const isCancelled = (): boolean => Atomics.load(cancelFlag, 0) === 1;
  const db = openWarehouse(data.warehousePath, { isPrepared: true });
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
  } finally {
    db.close();
  }
}

void runJob(workerData as WorkerStartData).then((message) => parentPort?.postMessage(message));
