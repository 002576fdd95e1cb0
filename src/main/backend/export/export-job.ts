import { z } from 'zod';
import { appVersion } from '../app-version';
import { defineJob } from '../jobs/types';
import { EXPORT_FORMATS, exportWarehouse, type ExportResult } from './export-warehouse';

/** Runs in a worker so a million-row export never blocks the window; it only reads. */
export const exportWarehouseJob = defineJob({
  kind: 'export.warehouse',
  params: z.object({ outDir: z.string().min(1), format: z.enum(EXPORT_FORMATS).default('parquet') }).strict(),
  async run(ctx) {
    const result: ExportResult = await exportWarehouse(ctx.db, {
      format: ctx.params.format,
      outDir: ctx.params.outDir,
      appVersion: appVersion(),
      onProgress: (done, total, table) => ctx.progress(done, total, `exporting ${table}`),
      checkCancelled: () => ctx.throwIfCancelled(),
    });
    return { result, changedTables: [] };
  },
});
