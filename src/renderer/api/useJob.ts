import { useCallback, useEffect, useState } from 'react';
import type { JobStatus } from '../../shared/contract/jobs';
import type { ErrorInfo } from '../../shared/result';
import { useApiContext } from './ApiContext';

export interface JobView {
  jobId: string;
  kind: string;
  status: JobStatus;
  phase: string;
  done: number;
  total: number;
  result: unknown;
  error: ErrorInfo | null;
}

/**
 * Follows one job through the event stream (progress, finished, failed), starting from
 * `jobs.get` so a job that finished before the subscription is still seen as finished.
 */
export function useJob(jobId: string | null) {
  const { api, subscribe } = useApiContext();
  const [job, setJob] = useState<JobView | null>(null);

  useEffect(() => {
    if (!jobId) {
      setJob(null);
      return;
    }
    let isCurrent = true;
    const unsubscribe = subscribe((event) => {
      if (!('jobId' in event.payload) || event.payload.jobId !== jobId) return;
      if (event.name === 'job.progress') {
        const p = event.payload;
        setJob((j) => ({ ...(j ?? emptyJob(jobId, p.kind)), status: 'running', phase: p.phase, done: p.done, total: p.total }));
      } else if (event.name === 'job.finished') {
        const p = event.payload;
        setJob((j) => ({ ...(j ?? emptyJob(jobId, p.kind)), status: 'succeeded', result: p.result, done: j?.total ?? j?.done ?? 0 }));
      } else if (event.name === 'job.failed') {
        const p = event.payload;
        setJob((j) => ({ ...(j ?? emptyJob(jobId, p.kind)), status: p.isCancelled ? 'cancelled' : 'failed', error: p.error }));
      }
    });
    api['jobs.get']({ jobId })
      .then((record) => {
        if (!isCurrent) return;
        // Events may already have moved the job further than this snapshot.
        setJob((j) => (j && j.status !== 'queued' && record.status === 'running' ? j : { ...record }));
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
      unsubscribe();
    };
  }, [api, subscribe, jobId]);

  const cancel = useCallback(async () => {
    if (jobId) await api['jobs.cancel']({ jobId });
  }, [api, jobId]);

  const isActive = job !== null && (job.status === 'queued' || job.status === 'running');
  return { job, cancel, isActive };
}

function emptyJob(jobId: string, kind: string): JobView {
  return { jobId, kind, status: 'queued', phase: '', done: 0, total: 0, result: null, error: null };
}
