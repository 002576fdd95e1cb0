import { rebuildParams, retryQuarantineParams } from '../../../../shared/contract/imports';
import { defineJob } from '../../jobs/types';
import { retryQuarantine } from '../quarantine-retry';
import { rebuildFromStaging } from '../rebuild';

export const rebuildJob = defineJob({
  kind: 'warehouse.rebuild',
  params: rebuildParams,
  run(ctx) {
    const outcome = rebuildFromStaging(ctx.db, (step, index, total) => ctx.progress(index, total, `rebuilding: ${step}`), ctx.throwIfCancelled);
    return {
      result: {
        runId: outcome.runId, orders: outcome.transform.orders, lines: outcome.transform.lines, productVersions: outcome.transform.productVersions,
        transformMs: outcome.transformMs, qualityFailed: outcome.quality.failed,
      },
      changedTables: outcome.changedTables,
    };
  },
});

export const retryQuarantineJob = defineJob({
  kind: 'quarantine.retry',
  params: retryQuarantineParams,
  run(ctx) {
    ctx.progress(0, 1, 'retrying quarantined rows');
    const outcome = retryQuarantine(ctx.db, ctx.params, ctx.throwIfCancelled);
    ctx.progress(1, 1, 'retrying quarantined rows');
    const { changedTables, ...result } = outcome;
    return { result, changedTables };
  },
});
