import { z } from 'zod';
import { AppError } from '../../../../shared/result';
import { defineJob } from '../../jobs/types';
import { POPULAR_CANDIDATES } from '../recommend/blend';
import { trainRecommender } from '../recommend/train';
import { loadPurchaseLines } from '../warehouse/load';
import { insertBatched, runModelJob } from './model-run';

export const recommendParams = z
  .object({
    neighbors: z.number().int().min(1).max(500).default(50),
    minCommon: z.number().int().min(1).default(2),
    k1: z.number().positive().default(1.2),
    b: z.number().min(0).max(1).default(0.75),
    testDays: z.number().int().min(1).max(365).default(30),
    evaluationK: z.number().int().min(1).max(100).default(10),
  })
  .strict();

export interface RecommendSummary {
  /** SKUs by number of buyers: the popular candidates of the blend (see recommend/blend.ts). */
  popularSkus: string[];
  /** buyers / max buyers of those SKUs, same order. */
  popularPrior: number[];
  popularityWeight: number;
}

export const recommendJob = defineJob({
  kind: 'model.recommend',
  params: recommendParams,
  run(ctx) {
    return runModelJob(ctx, { model: 'recommend', parameters: ctx.params }, () => {
      ctx.progress(0, 1, 'loading purchases');
      const lines = loadPurchaseLines(ctx.db, { requireCustomer: false });
      if (lines.customerKeys.length === 0) throw new AppError('NOT_AVAILABLE', 'There are no paid orders from known customers yet: import data first.');
      const trained = trainRecommender(lines, ctx.params, { progress: ctx.progress, check: ctx.throwIfCancelled });
      const rows: [string, number, string, number, number, number | null, 'similar' | 'together'][] = [];
      for (let item = 0; item < lines.skus.length; item += 1) {
        for (let q = trained.similar.offsets[item]!; q < trained.similar.offsets[item + 1]!; q += 1) {
          rows.push([lines.skus[item]!, q - trained.similar.offsets[item]! + 1, lines.skus[trained.similar.neighbors[q]!]!, trained.similar.scores[q]!, trained.similar.common[q]!, null, 'similar']);
        }
        const { together } = trained;
        for (let q = together.offsets[item]!; q < together.offsets[item + 1]!; q += 1) {
          const other = together.neighbors[q]!;
          const lift = together.scores[q]! / (together.itemBaskets[other]! / together.basketCount);
          rows.push([lines.skus[item]!, q - together.offsets[item]! + 1, lines.skus[other]!, together.scores[q]!, together.common[q]!, lift, 'together']);
        }
      }
      const top = trained.popular.slice(0, POPULAR_CANDIDATES);
      const summary: RecommendSummary = {
        popularSkus: top.map((i) => lines.skus[i]!),
        popularPrior: top.map((i) => trained.prior[i]!),
        popularityWeight: trained.metrics.popularityWeight,
      };
      return {
        metrics: trained.metrics,
        summary,
        resultTables: ['model_item_neighbors'],
        write: (runId) =>
          insertBatched(
            ctx,
            'INSERT INTO model_item_neighbors (run_id, kind, sku, rank, other_sku, score, common, lift) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            rows,
            (r) => [runId, r[6], r[0], r[1], r[2], r[3], r[4], r[5]],
            'saving neighbours',
          ),
      };
    });
  },
});
