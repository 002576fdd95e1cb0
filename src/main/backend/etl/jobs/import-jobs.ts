import path from 'node:path';
import { importFilesParams, importLandingParams } from '../../../../shared/contract/imports';
import { defineJob } from '../../jobs/types';
import { runImport, type ImportRunResult } from '../import-run';
import { expandImportPaths, landingDays, pendingLandingDays, filesOfFolder } from '../landing';

/** What an import job returns: the run's figures without the bulky per-step internals. */
export function summariseRun(result: ImportRunResult): Record<string, unknown> {
  return {
    runId: result.runId,
    status: result.status,
    rowsRead: result.rowsRead,
    rowsLoaded: result.rowsLoaded,
    rowsDuplicate: result.rowsDuplicate,
    rowsQuarantined: result.rowsQuarantined,
    stageMs: result.stageMs,
    transformMs: result.transformMs,
    qualityMs: result.qualityMs,
    qualityFailed: result.quality?.failed ?? null,
    touchedFrom: result.transform?.touchedFrom ?? null,
    touchedTo: result.transform?.touchedTo ?? null,
    files: result.files.map((f) => ({
      path: f.path, status: f.status, format: f.format, entities: f.entities, rowsRead: f.rowsRead, rowsLoaded: f.rowsLoaded,
      rowsDuplicate: f.rowsDuplicate, rowsQuarantined: f.rowsQuarantined, message: f.message,
    })),
  };
}

export const importFilesJob = defineJob({
  kind: 'import.files',
  params: importFilesParams,
  async run(ctx) {
    const files = expandImportPaths(ctx.params.paths);
    const result = await runImport(ctx.db, {
      kind: 'files',
      source: ctx.params.paths.join(', '),
      files,
      mapping: ctx.params.mapping,
      progress: ctx.progress,
      throwIfCancelled: ctx.throwIfCancelled,
    });
    return { result: summariseRun(result), changedTables: result.changedTables };
  },
});

/** Imports every pending landing day folder, oldest first, as one atomic run. */
export async function importPendingLanding(
  ctx: { db: Parameters<typeof runImport>[0]; progress: (done: number, total: number, phase: string) => void; throwIfCancelled: () => void },
  folder: string,
): Promise<{ days: string[]; result: ImportRunResult | null }> {
  const root = path.resolve(folder);
  const days = pendingLandingDays(ctx.db, root);
  if (days.length === 0) {
    landingDays(root);
    return { days, result: null };
  }
  const files = days.flatMap((day) => filesOfFolder(path.join(root, day)));
  const result = await runImport(ctx.db, {
    kind: 'landing', source: root, landingDay: days.at(-1) ?? null, files, landing: { root, days },
    progress: ctx.progress, throwIfCancelled: ctx.throwIfCancelled,
  });
  return { days, result };
}

export const importLandingJob = defineJob({
  kind: 'import.landing',
  params: importLandingParams,
  async run(ctx) {
    const { days, result } = await importPendingLanding(ctx, ctx.params.folder);
    return {
      result: { days, ...(result ? summariseRun(result) : { status: 'skipped', runId: null }) },
      changedTables: result?.changedTables ?? [],
    };
  },
});
