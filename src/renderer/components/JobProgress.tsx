import type { JobView } from '../api/useJob';

/** A job's phase and progress bar with Cancel while it runs; the outcome once it ends. */
export function JobProgress({ job, onCancel, label }: { job: JobView | null; onCancel(): void; label: string }) {
  if (!job) return null;
  const isActive = job.status === 'queued' || job.status === 'running';
  const share = job.total > 0 ? Math.min(1, job.done / job.total) : null;
  return (
    <div className="job-progress" role="status" aria-live="polite" data-job-status={job.status}>
      <div className="job-line">
        <strong>{label}</strong>
        <span className="muted">
          {job.status === 'queued' && 'Waiting to start…'}
          {job.status === 'running' && `${job.phase || 'Working'}${share === null ? '' : ` · ${Math.round(share * 100)} %`}`}
          {job.status === 'succeeded' && 'Done'}
          {job.status === 'cancelled' && 'Cancelled: nothing from the unfinished batch was kept.'}
          {job.status === 'failed' && `Failed: ${job.error?.message ?? 'unknown error'}`}
        </span>
        {isActive && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      {isActive && (
        <div className="progress" aria-label={`${label} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={share === null ? undefined : Math.round(share * 100)} role="progressbar">
          <div style={{ width: share === null ? '30%' : `${share * 100}%` }} />
        </div>
      )}
    </div>
  );
}
