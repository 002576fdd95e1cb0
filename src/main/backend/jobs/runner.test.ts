import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/events';
import { AppError } from '../../../shared/result';
import { EventBus } from '../events';
import { createTempBackend, type TempBackend } from '../testing/temp-backend';
import { JobRunner } from './runner';

let temp: TempBackend | null = null;
afterEach(async () => {
  await temp?.dispose();
  temp = null;
});

function scratchRows(t: TempBackend, jobId: string): number {
  const hasTable = t.backend.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'diag_scratch'").get();
  if (!hasTable) return 0;
  return (t.backend.db.prepare('SELECT count(*) AS n FROM diag_scratch WHERE job_id = ?').get(jobId) as { n: number }).n;
}

describe('JobRunner', () => {
  it('runs a job in a worker, reports progress and records success', async () => {
    temp = createTempBackend();
    const events: AppEvent[] = [];
    temp.backend.events.subscribe((e) => events.push(e));
    const phases: number[] = [];
    const outcome = await temp.backend.jobs.run('diagnostics.write-scratch', { rows: 5000, batchSize: 500 }, (done) => phases.push(done));
    expect(outcome.result).toEqual({ rows: 5000 });
    const finished = events.find((e) => e.name === 'job.finished');
    expect(finished).toBeDefined();
    const jobId = finished?.name === 'job.finished' ? finished.payload.jobId : '';
    expect(scratchRows(temp, jobId)).toBe(5000);
    expect(phases.at(-1)).toBe(5000);
    expect(events.some((e) => e.name === 'data.changed' && e.payload.tables.includes('diag_scratch'))).toBe(true);
    const record = temp.backend.jobs.get(jobId);
    expect(record.status).toBe('succeeded');
    expect(record.done).toBe(5000);
  });

  it('cancels mid-way and keeps no partial rows', async () => {
    temp = createTempBackend();
    const t = temp;
    const { jobId, done } = t.backend.jobs.start('diagnostics.write-scratch', { rows: 100_000, batchSize: 1000, delayMsPerBatch: 20 });
    await new Promise<void>((resolve) => {
      const off = t.backend.events.subscribe((e) => {
        if (e.name === 'job.progress' && e.payload.jobId === jobId && e.payload.done >= 3000) {
          off();
          resolve();
        }
      });
    });
    expect(t.backend.jobs.cancel(jobId)).toBe(true);
    await expect(done).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(scratchRows(t, jobId)).toBe(0);
    expect(t.backend.jobs.get(jobId).status).toBe('cancelled');
  });

  it('delivers a typed error when a job throws', async () => {
    temp = createTempBackend();
    const error = await temp.backend.jobs.run('diagnostics.fail', { message: 'boom on purpose' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'JOB_FAILED', message: 'boom on purpose' });
    const [record] = temp.backend.jobs.list(1);
    expect(record?.status).toBe('failed');
    expect(record?.error?.message).toBe('boom on purpose');
  });

  it('runs writing jobs one at a time, in order', async () => {
    temp = createTempBackend();
    const order: string[] = [];
    temp.backend.events.subscribe((e) => {
      if (e.name === 'job.finished') order.push(e.payload.jobId);
    });
    const first = temp.backend.jobs.start('diagnostics.write-scratch', { rows: 3000, batchSize: 100, delayMsPerBatch: 5 });
    const second = temp.backend.jobs.start('diagnostics.write-scratch', { rows: 10 });
    expect(temp.backend.jobs.get(second.jobId).status).toBe('queued');
    await Promise.all([first.done, second.done]);
    expect(order).toEqual([first.jobId, second.jobId]);
  });

  it('stops a worker that reported but does not exit, once its grace period is over', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'storelens-runner-'));
    const runner = new JobRunner(path.join(dir, 'w.sqlite'), new EventBus(), 300);
    try {
      const outcome = await runner.run('diagnostics.write-scratch', { rows: 10, lingerMs: 600_000 });
      expect(outcome.result).toEqual({ rows: 10 });
      const started = performance.now();
      await runner.close();
      // Without the grace period close() would wait the ten minutes the job's timer holds the worker.
      expect(performance.now() - started).toBeLessThan(20_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects an unknown job kind with a validation error', () => {
    temp = createTempBackend();
    expect(() => temp?.backend.jobs.start('no.such.kind', {})).toThrow(/Unknown job kind/);
  });
});
