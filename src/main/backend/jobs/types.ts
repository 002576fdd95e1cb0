import type { z } from 'zod';
import type { ErrorInfo } from '../../../shared/result';
import type { Db } from '../db/open';

export interface JobContext<P> {
  db: Db;
  params: P;
  jobId: string;
  /** The warehouse file, for jobs that open extra connections or write files beside it. */
  warehousePath: string;
  /** Cheap to call per row: the runner throttles what reaches the window to about 10 per second. */
  progress(done: number, total: number, phase: string): void;
  isCancelled(): boolean;
  /** Call between batches; throws a JOB_CANCELLED error so the open transaction rolls back. */
  throwIfCancelled(): void;
}

export interface JobOutcome<R = unknown> {
  result: R;
  /** Tables the job wrote, announced as data.changed so open views refetch. */
  changedTables: string[];
}

export interface JobDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  kind: string;
  params: S;
  run(ctx: JobContext<z.output<S>>): Promise<JobOutcome<R>> | JobOutcome<R>;
}

export function defineJob<S extends z.ZodType, R>(definition: JobDefinition<S, R>): JobDefinition<S, R> {
  return definition;
}

/** Messages from a job worker to the runner. */
export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; phase: string }
  | { type: 'finished'; outcome: JobOutcome }
  | { type: 'failed'; error: ErrorInfo };

export interface WorkerStartData {
  jobId: string;
  kind: string;
  params: unknown;
  warehousePath: string;
  /** Int32 flag set by the runner: workers in a synchronous SQLite loop cannot read messages. */
  cancelFlag: SharedArrayBuffer;
}
