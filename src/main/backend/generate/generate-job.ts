import { defineJob } from '../jobs/types';
import { generateStore, type GenerateSummary } from './generate-store';
import { generateOptionsSchema } from './options';

/**
 * `generate.store`: writes a demo store's landing folders and manifest.json. It writes files
 * only (no warehouse tables), so it announces no changed tables; importing is a separate job.
 */
export const generateStoreJob = defineJob({
  kind: 'generate.store',
  params: generateOptionsSchema,
  async run(ctx) {
    const summary: GenerateSummary = await generateStore(ctx.params, {
      progress: ctx.progress,
      throwIfCancelled: ctx.throwIfCancelled,
    });
    return { result: summary, changedTables: [] };
  },
});
