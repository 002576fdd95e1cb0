import { z } from 'zod';
import { appVersion } from '../app-version';
import { defineJob } from '../jobs/types';
import { generateReport, type GeneratedReport } from './generate-report';

/** "Export report…": charts are rendered and PNGs encoded in a worker, off the window's thread. */
export const generateReportJob = defineJob({
  kind: 'report.generate',
  params: z
    .object({ outDir: z.string().min(1), from: z.iso.date().optional(), to: z.iso.date().optional() })
    .strict()
    .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: 'from must be on or before to', path: ['from'] }),
  run(ctx) {
    const result: GeneratedReport = generateReport(ctx.db, {
      outDir: ctx.params.outDir,
      from: ctx.params.from,
      to: ctx.params.to,
      appVersion: appVersion(),
      onProgress: (done, total, phase) => ctx.progress(done, total, phase),
    });
    return { result, changedTables: [] };
  },
});
