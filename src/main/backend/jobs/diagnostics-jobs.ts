import { z } from 'zod';
import { AppError } from '../../../shared/result';
import { defineJob } from './types';

/**
 * Self-test jobs (`storelens doctor --selftest`): they exercise the whole job path (worker,
 * progress, batched transactions, cancel, typed failure) without touching business tables.
 */
export const writeScratchJob = defineJob({
  kind: 'diagnostics.write-scratch',
  params: z.object({
    rows: z.number().int().min(1).max(10_000_000).default(10_000),
    batchSize: z.number().int().min(1).default(1_000),
    /** Slows each batch down so a test or a person can cancel mid-way. */
    delayMsPerBatch: z.number().int().min(0).max(5_000).default(0),
    /** Leaves a timer this long after finishing, as a job that forgets a handle would: the worker must still go. */
    lingerMs: z.number().int().min(0).max(600_000).default(0),
  }),
  run(ctx) {
    const { rows, batchSize, delayMsPerBatch, lingerMs } = ctx.params;
    if (lingerMs > 0) setTimeout(() => undefined, lingerMs);
    ctx.db.exec('CREATE TABLE IF NOT EXISTS diag_scratch (job_id TEXT NOT NULL, n INTEGER NOT NULL) STRICT');
    const insert = ctx.db.prepare('INSERT INTO diag_scratch (job_id, n) VALUES (?, ?)');
    // One transaction for the whole job: a cancel anywhere leaves no partial rows.
    const writeAll = ctx.db.transaction(() => {
      for (let start = 0; start < rows; start += batchSize) {
        ctx.throwIfCancelled();
        const end = Math.min(rows, start + batchSize);
        for (let n = start; n < end; n += 1) insert.run(ctx.jobId, n);
        ctx.progress(end, rows, 'writing');
        if (delayMsPerBatch > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, delayMsPerBatch);
      }
    });
    writeAll();
    return { result: { rows }, changedTables: ['diag_scratch'] };
  },
});

export const failJob = defineJob({
  kind: 'diagnostics.fail',
  params: z.object({ message: z.string().default('The diagnostic job failed on purpose.') }),
  run(ctx) {
    ctx.progress(0, 1, 'failing');
    throw new AppError('JOB_FAILED', ctx.params.message, { jobId: ctx.jobId });
  },
});
