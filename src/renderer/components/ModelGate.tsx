import { useEffect, useState, type ReactNode } from 'react';
import type { ModelName, ModelRunDto } from '../../shared/contract/models';
import { useApiContext } from '../api/ApiContext';
import { useEngine } from '../api/useEngine';
import { useJob } from '../api/useJob';
import { JobProgress } from './JobProgress';
import { StateSwitch } from './StateViews';

const LABELS: Record<ModelName, string> = {
  recommend: 'the recommender',
  rules: 'the basket rules',
  clv: 'the CLV model',
  segments: 'the customer clusters',
  forecast: 'the forecast',
};

/**
 * The run a finished job returned, until the latest-run query catches up with it: otherwise
 * "Done" stood beside "Not trained yet" and a live Train button for the length of a refetch.
 */
function newestRun(fetched: ModelRunDto | null | undefined, jobResult: unknown, model: ModelName): ModelRunDto | null | undefined {
  const finished = isRunOf(jobResult, model) ? jobResult : null;
  if (!finished) return fetched;
  return fetched && fetched.runId >= finished.runId ? fetched : finished;
}

function isRunOf(value: unknown, model: ModelName): value is ModelRunDto {
  if (typeof value !== 'object' || value === null) return false;
  const run = value as Partial<ModelRunDto>;
  return typeof run.runId === 'number' && run.model === model && typeof run.status === 'string';
}

/**
 * Model results exist only after a training run. The gate shows the children when a run
 * succeeded (with a note when the data changed since), and otherwise a Train button that starts
 * the model's job and follows it to the end.
 */
export function ModelGate({ model, children }: { model: ModelName; children(run: ModelRunDto): ReactNode }) {
  const { api } = useApiContext();
  const latest = useEngine('models.latestRun', { model });
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { job, cancel, isActive } = useJob(jobId);
  const { reload } = latest;

  useEffect(() => {
    if (job?.status === 'succeeded') reload();
  }, [job?.status, reload]);

  async function train() {
    setError(null);
    try {
      setJobId((await api['jobs.start']({ kind: `model.${model}`, params: {} })).jobId);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const run = newestRun(latest.data, job?.status === 'succeeded' ? job.result : null, model);
  const trainButton = (label: string) => (
    <button type="button" className={run ? 'ghost' : 'primary'} onClick={() => void train()} disabled={isActive}>
      {label}
    </button>
  );
  return (
    <StateSwitch state={latest} hasData={latest.data !== undefined}>
      {() => (
        <>
          {error && (
            <p className="error-state" role="alert">
              {error}
            </p>
          )}
          <JobProgress job={job} onCancel={() => void cancel()} label={`Training ${LABELS[model]}`} />
          {run?.status === 'succeeded' ? (
            <>
              {run.isStale && (
                <p className="muted small model-note">
                  The data changed since {LABELS[model]} was trained ({run.finishedAt?.slice(0, 10)}). {trainButton('Retrain')}
                </p>
              )}
              {children(run)}
            </>
          ) : (
            <div className="empty-state">
              <p>{run ? `The last training run ${run.status}${run.error ? `: ${run.error.message}` : ''}.` : 'Not trained on this data yet. Training runs in the background and takes seconds to a minute.'}</p>
              {trainButton(`Train ${LABELS[model]}`)}
            </div>
          )}
        </>
      )}
    </StateSwitch>
  );
}
