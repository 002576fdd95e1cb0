import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobRecord } from '../../../shared/contract/jobs';
import { AppError, toErrorInfo, type ErrorInfo } from '../../../shared/result';
import type { EventBus } from '../events';
import { JobStore } from './job-store';
import { ProgressThrottle } from './progress-throttle';
import { isKnownJobKind } from './registry';
import type { JobOutcome, WorkerMessage, WorkerStartData } from './types';
import { resolveWorkerScript } from './worker-script';

interface QueuedJob {
  jobId: string;
  kind: string;
  params: unknown;
  cancelFlag: SharedArrayBuffer;
  settle: { resolve: (outcome: JobOutcome) => void; reject: (error: AppError) => void };
  done: Promise<JobOutcome>;
}

/** A checkpoint cut short loses nothing: the log stays for the next one. */
const FINISHING_GRACE_MS = 30_000;

/**
 * Runs jobs in worker threads, one at a time, because SQLite has one writer: the others queue.
 * Each worker opens its own connection; WAL lets the main thread keep reading meanwhile.
 */
export class JobRunner {
  private readonly queue: QueuedJob[] = [];
  private readonly byId = new Map<string, QueuedJob>();
  private current: QueuedJob | null = null;
  private readonly store: JobStore;
  /** The exit of every worker still alive, including those that reported and are checkpointing (worker-entry.ts). */
  private readonly exits = new Set<Promise<void>>();

  constructor(
    private readonly warehousePath: string,
    private readonly events: EventBus,
    /** How long a worker that reported may take to checkpoint and exit before it is stopped. */
    private readonly finishingGraceMs = FINISHING_GRACE_MS,
  ) {
    this.store = new JobStore(`${warehousePath}.jobs`);
    this.store.failInterrupted();
  }

  start(kind: string, params: unknown): { jobId: string; done: Promise<JobOutcome> } {
    if (!isKnownJobKind(kind)) throw new AppError('VALIDATION', `Unknown job kind "${kind}".`, { kind });
    const jobId = randomUUID();
    let settle!: QueuedJob['settle'];
    const done = new Promise<JobOutcome>((resolve, reject) => (settle = { resolve, reject }));
    // Callers that only want the id must not see an unhandled rejection.
    done.catch(() => undefined);
    const job: QueuedJob = { jobId, kind, params, cancelFlag: new SharedArrayBuffer(4), settle, done };
    this.store.insert(jobId, kind, params);
    this.queue.push(job);
    this.byId.set(jobId, job);
    this.pump();
    return { jobId, done };
  }

  /** Runs a job and waits for it: what the CLI and tests use. */
  async run(kind: string, params: unknown, onProgress?: (done: number, total: number, phase: string) => void): Promise<JobOutcome> {
    const unsubscribe = onProgress
      ? this.events.subscribe((event) => {
          if (event.name === 'job.progress' && event.payload.jobId === started.jobId) {
            onProgress(event.payload.done, event.payload.total, event.payload.phase);
          }
        })
      : () => undefined;
    const started = this.start(kind, params);
    try {
      return await started.done;
    } finally {
      unsubscribe();
    }
  }

  cancel(jobId: string): boolean {
    const job = this.byId.get(jobId);
    if (!job) return false;
    const queuedAt = this.queue.indexOf(job);
    if (queuedAt >= 0) {
      this.queue.splice(queuedAt, 1);
      this.settle(job, { type: 'failed', error: cancelledError() });
      return true;
    }
    Atomics.store(new Int32Array(job.cancelFlag), 0, 1);
    return true;
  }

  get(jobId: string): JobRecord {
    return this.store.get(jobId);
  }

  list(limit: number): JobRecord[] {
    return this.store.list(limit);
  }

  /** Waits for the running job and cancels the queue: for a clean shutdown. */
  async close(): Promise<void> {
    for (const job of [...this.queue]) this.cancel(job.jobId);
    if (this.current) {
      this.cancel(this.current.jobId);
      await this.current.done.catch(() => undefined);
    }
    await Promise.all(this.exits);
    this.store.close();
  }

  private pump(): void {
    if (this.current) return;
    const next = this.queue.shift();
    if (!next) return;
    this.current = next;
    this.store.markRunning(next.jobId);
    this.launch(next);
  }

  private launch(job: QueuedJob): void {
    const script = resolveWorkerScript();
    const data: WorkerStartData = {
      jobId: job.jobId,
      kind: job.kind,
      params: job.params,
      warehousePath: this.warehousePath,
      cancelFlag: job.cancelFlag,
    };
    // Jobs allocate millions of short-lived row objects: a larger young generation turns most of
    // the scavenges that dominate a 1M-line import into cheap ones.
    const worker = new Worker(script.file, {
      workerData: data,
      execArgv: script.execArgv,
      resourceLimits: { maxYoungGenerationSizeMb: 96 },
    });
    const throttle = new ProgressThrottle<{ done: number; total: number; phase: string }>((p) => {
      this.store.saveProgress(job.jobId, p.done, p.total, p.phase);
      this.events.emit('job.progress', { jobId: job.jobId, kind: job.kind, ...p });
    });
    let isSettled = false;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.exits.add(exited);
    void exited.then(() => this.exits.delete(exited));
    const finish = (message: Exclude<WorkerMessage, { type: 'progress' }>): void => {
      if (isSettled) return;
      isSettled = true;
      throttle.flush();
      this.settle(job, message);
      // A worker that reported goes on to checkpoint what its job wrote, then exits by itself;
      // one that does not (a handle its job left open) is stopped after a grace period.
      setTimeout(() => void worker.terminate(), this.finishingGraceMs).unref();
      this.current = null;
      this.pump();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') throttle.push(message);
      else finish(message);
    });
    worker.on('error', (error) => finish({ type: 'failed', error: toErrorInfo(error) }));
    worker.on('exit', (code) => {
      finish({ type: 'failed', error: { code: 'JOB_FAILED', message: `The job's worker stopped unexpectedly (exit code ${code}).` } });
    });
  }

  private settle(job: QueuedJob, message: Exclude<WorkerMessage, { type: 'progress' }>): void {
    this.byId.delete(job.jobId);
    if (message.type === 'finished') {
      this.store.finish(job.jobId, 'succeeded', message.outcome.result, null);
      this.events.emit('job.finished', { jobId: job.jobId, kind: job.kind, result: message.outcome.result });
      if (message.outcome.changedTables.length > 0) this.events.emit('data.changed', { tables: message.outcome.changedTables });
      job.settle.resolve(message.outcome);
      return;
    }
    const isCancelled = message.error.code === 'JOB_CANCELLED';
    this.store.finish(job.jobId, isCancelled ? 'cancelled' : 'failed', null, message.error);
    this.events.emit('job.failed', { jobId: job.jobId, kind: job.kind, error: message.error, isCancelled });
    job.settle.reject(AppError.fromInfo(message.error));
  }
}

function cancelledError(): ErrorInfo {
  return { code: 'JOB_CANCELLED', message: 'The job was cancelled before it started.' };
}
