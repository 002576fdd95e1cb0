import path from 'node:path';
import { demoCreateParams } from '../../../../shared/contract/imports';
import { generateStore } from '../../generate';
import { defineJob } from '../../jobs/types';
import { importPendingLanding, summariseRun } from './import-jobs';

/** Where a demo store's landing folders go: beside the warehouse file. */
export function demoLandingFolder(warehousePath: string): string {
  return path.join(path.dirname(warehousePath), 'landing-demo');
}

/**
 * Generates a demo store (progress phase "generating") and imports it through the ordinary
 * landing import ("staging …", "building facts …"). Cancel works in both phases; an import
 * cancelled half-way keeps nothing.
 */
export const demoCreateJob = defineJob({
  kind: 'demo.create',
  params: demoCreateParams,
  async run(ctx) {
    const outDir = demoLandingFolder(ctx.warehousePath);
    const summary = await generateStore(
      { outDir, preset: ctx.params.preset, seed: ctx.params.seed },
      { progress: (done, total, phase) => ctx.progress(done, total, `generating: ${phase}`), throwIfCancelled: ctx.throwIfCancelled },
    );
    ctx.throwIfCancelled();
    const { days, result } = await importPendingLanding(ctx, outDir);
    return {
      result: { outDir, generated: { folders: summary.folders, lines: summary.lines, orders: summary.orders }, days: days.length, ...(result ? summariseRun(result) : {}) },
      changedTables: result?.changedTables ?? [],
    };
  },
});
