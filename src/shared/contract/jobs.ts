import { z } from 'zod';
import { method } from './define';
import type { ErrorInfo } from '../result';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRecord {
  jobId: string;
  kind: string;
  params: unknown;
  status: JobStatus;
  phase: string;
  done: number;
  total: number;
  result: unknown;
  error: ErrorInfo | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const jobsContract = {
  /** Queues a job; the kind must be registered in the backend's job registry. */
  'jobs.start': method<{ jobId: string }>()(
    z.object({ kind: z.string().min(1), params: z.unknown().optional() }).strict(),
  ),
  'jobs.cancel': method<{ isCancelled: boolean }>()(z.object({ jobId: z.string().min(1) }).strict()),
  'jobs.get': method<JobRecord>()(z.object({ jobId: z.string().min(1) }).strict()),
  'jobs.list': method<JobRecord[]>()(z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict()),
};
