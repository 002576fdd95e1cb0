import type { ModelName, ModelRunDto } from '../../../../shared/contract/models';
import { toErrorInfo } from '../../../../shared/result';
import { appVersion } from '../../app-version';
import type { JobContext, JobOutcome } from '../../jobs/types';
import { dataFingerprint } from '../warehouse/fingerprint';
import { beginRun, failRun, finishRun, latestSucceededRun, pruneOldResults } from '../warehouse/runs';

export interface ComputedModel {
  metrics: unknown;
  summary: unknown;
  /** Writes result rows for the run; called inside the transaction that marks it succeeded. */
  write(runId: number): void;
  resultTables: string[];
}

/** Successful runs whose result rows are kept; older runs keep only their record. */
const KEEP_RESULTS = 3;

/**
 * The life of a model run, shared by every model job: record the run (parameters, data
 * fingerprint, app version) before training, train, then write results and mark it succeeded
 * in one transaction. A failure or cancel marks the run failed/cancelled and re-throws, so
 * the job ends with the same typed error and no partial results.
 */
export async function runModelJob(
  ctx: JobContext<unknown>,
  spec: { model: ModelName; variant?: string; parameters: Record<string, unknown> },
  compute: () => ComputedModel | Promise<ComputedModel>,
): Promise<JobOutcome<ModelRunDto>> {
  const variant = spec.variant ?? '';
  const fingerprint = dataFingerprint(ctx.db);
  const runId = beginRun(ctx.db, { model: spec.model, variant, parameters: spec.parameters, dataFingerprint: fingerprint, appVersion: appVersion(), jobId: ctx.jobId });
  try {
    const computed = await compute();
    ctx.throwIfCancelled();
    ctx.progress(0, 1, 'saving results');
    ctx.db.transaction(() => {
      computed.write(runId);
      finishRun(ctx.db, runId, computed.metrics, computed.summary);
      pruneOldResults(ctx.db, spec.model, variant, KEEP_RESULTS);
    })();
    ctx.progress(1, 1, 'done');
    const stored = latestSucceededRun(ctx.db, spec.model, variant, fingerprint);
    if (!stored) throw new Error(`model run ${runId} vanished after it was saved`);
    return { result: stored.dto, changedTables: ['model_runs', ...computed.resultTables] };
  } catch (error) {
    failRun(ctx.db, runId, toErrorInfo(error));
    throw error;
  }
}

/** Inserts rows with a prepared statement, checking for cancel between batches. */
export function insertBatched<T>(ctx: JobContext<unknown>, sql: string, rows: readonly T[], toParams: (row: T) => unknown[], phase: string): void {
  const statement = ctx.db.prepare(sql);
  for (let start = 0; start < rows.length; start += 5000) {
    ctx.throwIfCancelled();
    const end = Math.min(rows.length, start + 5000);
    for (let i = start; i < end; i += 1) statement.run(...toParams(rows[i]!));
    ctx.progress(end, rows.length, phase);
  }
}
