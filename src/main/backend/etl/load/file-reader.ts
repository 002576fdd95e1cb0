import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, toErrorInfo } from '../../../../shared/result';
import { RetainedRecords, type FromReader, type ToReader } from './reader-protocol';
import { readValidatedFile, type ReadOptions, type ReaderEvent, type RowDetails } from './validated-reader';

/** One file being read: its events, and the raw rows the writer may still ask for. */
export interface FileRead {
  thread: 'worker' | 'inline';
  events: AsyncGenerator<ReaderEvent>;
  details(seq: number, rows: readonly number[]): Promise<RowDetails[]>;
  release(seq: number): void;
}

export interface FileReader {
  open(file: string, options: ReadOptions): FileRead;
  close(): Promise<void>;
}

/**
 * Where parse + validate runs: 'inline' on the writer's own thread (the default), or 'worker' in
 * a reader thread beside the writer, the lever for 2 cores. Measured on the 1M-line store,
 * the worker loses: the inline reader costs ~1.3 µs a row once batches are small enough to die
 * young, while handing a row across threads costs about as much again (structured clone on both
 * sides, the writer's share landing on the critical path), plus ~1.5 s to start a worker that
 * loads the format readers under tsx. bench/import.bench.ts prints both side by side; the
 * worker stays selectable (STORELENS_READER_THREAD=worker) for machines where that may differ.
 */
export type ReaderThread = 'worker' | 'inline';

/** The default, unless STORELENS_READER_THREAD names one. */
function defaultThread(): ReaderThread {
  return process.env.STORELENS_READER_THREAD === 'worker' ? 'worker' : 'inline';
}

/** Batches in flight between the threads: enough to keep both busy, few enough to keep memory flat. */
const CREDITS = 3;

/**
 * The reader worker's script: under tsx (source: tests, CLI, bench) a bootstrap registers tsx
 * then loads the TypeScript; a bundle may ship it compiled beside itself. null when neither exists.
 */
export function readerWorkerScript(): string | null {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  if (here.endsWith('.ts')) return path.join(dir, 'reader-bootstrap.mjs');
  const bundled = path.join(dir, 'reader-worker.js');
  return existsSync(bundled) ? bundled : null;
}

export function createFileReader(requested?: ReaderThread): FileReader {
  const thread = requested ?? defaultThread();
  const script = thread === 'inline' ? null : readerWorkerScript();
  if (thread === 'worker' && script === null) throw new AppError('INTERNAL', 'The staging reader worker script is missing from this build.');
  let worker: WorkerReader | null = null;
  return {
    open(file, options) {
      if (script === null) return readInline(file, options);
      worker ??= new WorkerReader(script);
      return worker.open(file, options);
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
  };
}

function readInline(file: string, options: ReadOptions): FileRead {
  const retained = new RetainedRecords();
  return {
    thread: 'inline',
    events: readValidatedFile(file, options, (seq, records) => retained.keep(seq, records)),
    details: (seq, rows) => Promise.resolve(retained.take(seq, rows)),
    release: (seq) => retained.release(seq),
  };
}

/** The writer's side of the reader worker; one file at a time, the worker reused across a run's files. */
class WorkerReader {
  private worker: Worker | null = null;
  private readonly inbox: FromReader[] = [];
  private wake: (() => void) | null = null;
  /** Details requests in flight, answered in order. */
  private readonly pendingDetails: ((rows: RowDetails[]) => void)[] = [];

  constructor(private readonly script: string) {}

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    // A worker's young generation sized for short-lived row objects, like the job worker's.
    const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    worker.on('message', (message: FromReader) => {
      if (message.type === 'details') {
        this.pendingDetails.shift()?.(message.rows);
        return;
      }
      this.push(message);
    });
    worker.on('error', (error) => this.push({ type: 'failed', error: toErrorInfo(error) }));
    worker.on('exit', (code) => this.push({ type: 'failed', error: { code: 'INTERNAL', message: `The staging reader thread stopped unexpectedly (exit code ${code}).` } }));
    this.worker = worker;
    return worker;
  }

  private push(message: FromReader): void {
    this.inbox.push(message);
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private post(message: ToReader): void {
    this.worker?.postMessage(message);
  }

  open(file: string, options: ReadOptions): FileRead {
    return {
      thread: 'worker',
      events: this.events(file, options),
      details: (seq, rows) =>
        new Promise<RowDetails[]>((resolve) => {
          this.pendingDetails.push(resolve);
          this.post({ type: 'details', seq, rows: [...rows] });
        }),
      release: (seq) => this.post({ type: 'release', seq }),
    };
  }

  private async *events(file: string, options: ReadOptions): AsyncGenerator<ReaderEvent> {
    this.started();
    this.inbox.length = 0;
    this.post({ type: 'read', file, options });
    for (let i = 0; i < CREDITS; i += 1) this.post({ type: 'credit' });
    let isFinished = false;
    try {
      for (;;) {
        while (this.inbox.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
        const message = this.inbox.shift() as FromReader;
        if (message.type === 'failed') {
          isFinished = true;
          throw AppError.fromInfo(message.error);
        }
        if (message.type !== 'event') continue;
        const { event } = message;
        if (event.kind === 'batch') this.post({ type: 'credit' });
        if (event.kind === 'end') isFinished = true;
        yield event;
        if (isFinished) return;
      }
    } finally {
      // Abandoned mid-file (a cancel, a writer error): the worker may still be reading, so it goes.
      if (!isFinished) await this.terminate();
    }
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.inbox.length = 0;
    this.pendingDetails.length = 0;
    if (worker !== null) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }
}
