import type { ErrorInfo } from './result';

/** Every event the backend pushes to a window, by name. Payloads are JSON-only. */
export interface EventPayloads {
  'job.progress': { jobId: string; kind: string; done: number; total: number; phase: string };
  'job.finished': { jobId: string; kind: string; result: unknown };
  'job.failed': { jobId: string; kind: string; error: ErrorInfo; isCancelled: boolean };
  'data.changed': { tables: string[] };
  /** A native menu item or a file handed over by the OS (e.g. a CSV opened with Storelens). */
  'menu.command': { command: string; paths?: string[] };
}

export type EventName = keyof EventPayloads;

export type AppEvent = { [K in EventName]: { name: K; payload: EventPayloads[K] } }[EventName];

export type EventListener = (event: AppEvent) => void;
