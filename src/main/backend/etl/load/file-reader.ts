import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, toErrorInfo, type ErrorInfo } from '../../../../shared/result';
import { fromWire, type FromReader, type ToReader } from './reader-protocol';
import { RetainedRecords } from './retained-records';
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
 * Where parse + validate runs: 'inline' on the writer's own thread, 'worker' in a reader thread
 * beside the writer (the lever for 2 cores), or 'auto' (the default): the worker for
 * files of WORKER_MIN_BYTES and more, inline for the rest. A batch crosses threads packed
 * (packed-values.ts), so the writer only cuts strings out of one; the worker then takes ~10 % off
 * a 1M-line file's staging (the writer, now alone on the critical path, runs a little slower
 * beside a busy second thread). A small file is not worth a thread: ~50 ms to start one from
 * the bundle, ~0.45 s under tsx. bench/import.bench.ts prints both side by side;
 * STORELENS_READER_THREAD=inline|worker forces one.
 */
export type ReaderThread = 'worker' | 'inline' | 'auto';

/** From this size (~350k order lines) a file is read in the worker under 'auto'. */
export const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/** The default, unless STORELENS_READER_THREAD names one. */
function defaultThread(): ReaderThread {
  const fromEnv = process.env.STORELENS_READER_THREAD;
  return fromEnv === 'worker' || fromEnv === 'inline' ? fromEnv : 'auto';
}

/**
 * Batches in flight between the threads: enough that the reader is never kept waiting for the
 * writer's next credit by a scheduling hiccup (3 left the writer idle ~10 % of a 1M-line load),
 * few enough to keep memory flat (512 rows each).
 */
const CREDITS = 8;

/** Batches whose records the thread keeps for the writer's questions: the credit, plus the one being staged, plus one to spare. */
const RETAINED_BATCHES = CREDITS + 2;

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

/**
 * `plannedFiles`: the run's files. When one of them will go to the worker, the worker starts
 * now, so it is up by the time that file comes (the smaller parents' files go first).
 */
export function createFileReader(requested?: ReaderThread, plannedFiles: readonly string[] = [], workerMinBytes = WORKER_MIN_BYTES): FileReader {
  const thread = requested ?? defaultThread();
  const script = thread === 'inline' ? null : readerWorkerScript();
  if (thread === 'worker' && script === null) throw new AppError('INTERNAL', 'The staging reader worker script is missing from this build.');
  const usesWorker = (file: string): boolean => script !== null && (thread === 'worker' || sizeOf(file) >= workerMinBytes);
  let worker: WorkerReader | null = null;
  const workerReader = (): WorkerReader => (worker ??= new WorkerReader(script as string));
  if (plannedFiles.some(usesWorker)) workerReader().warmUp();
  return {
    open(file, options) {
      return usesWorker(file) ? workerReader().open(file, options) : readInline(file, options);
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
  };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    // Unreadable: inline, where opening it reports the problem.
    return 0;
  }
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
  private failure: ErrorInfo | null = null;

  constructor(private readonly script: string) {}

  /** Starts the thread ahead of its first file. */
  warmUp(): void {
    this.started();
  }

  private started(): Worker {
    if (this.worker !== null) return this.worker;
    // Young generation: big enough that a batch's row objects die young (16 MB doubled the parse
    // time), small enough for the import's peak RSS (64 MB put staging at 466 MiB; 32, ~430).
    const worker = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: 32 } });
    worker.on('message', (message: FromReader) => {
      if (message.type === 'details') {
        this.pendingDetails.shift()?.(message.rows);
        return;
      }
      this.push(message);
    });
    const fail = (error: ErrorInfo): void => {
      // Remembered: a thread that died while idle (warming up, between files) fails the next file.
      this.failure ??= error;
      this.push({ type: 'failed', error });
    };
    worker.on('error', (error) => fail(toErrorInfo(error)));
    worker.on('exit', (code) => fail({ code: 'INTERNAL', message: `The staging reader thread stopped unexpectedly (exit code ${code}).` }));
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
      // The thread forgets old batches by itself (RetainedRecords.keepLatest).
      release: () => undefined,
    };
  }

  private async *events(file: string, options: ReadOptions): AsyncGenerator<ReaderEvent> {
    this.started();
    if (this.failure !== null) throw AppError.fromInfo(this.failure);
    this.inbox.length = 0;
    this.post({ type: 'read', file, options, retain: RETAINED_BATCHES });
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
        const event = fromWire(message.event);
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
    this.failure = null;
    this.inbox.length = 0;
    this.pendingDetails.length = 0;
    if (worker !== null) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }
}
