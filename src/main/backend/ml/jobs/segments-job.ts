import { z } from 'zod';
import type { SegmentsDto } from '../../../../shared/contract/models';
import { AppError } from '../../../../shared/result';
import { defineJob } from '../../jobs/types';
import { trainSegments } from '../segments/train';
import { dateOfDay, dominantCurrency, loadCustomerOrders } from '../warehouse/load';
import { insertBatched, runModelJob } from './model-run';

export const segmentsParams = z
  .object({
    /** Fixed number of segments; without it k is chosen by silhouette among `candidates` (ties go to 4). */
    k: z.number().int().min(2).max(12).optional(),
    candidates: z.array(z.number().int().min(2).max(12)).min(1).default([3, 4, 5, 6, 7, 8]),
    seed: z.number().int().default(42),
    silhouetteSample: z.number().int().min(100).max(20_000).default(2_000),
    currency: z.string().length(3).optional(),
  })
  .strict();

export type SegmentsStoredSummary = Omit<SegmentsDto, 'runId'>;

export const segmentsJob = defineJob({
  kind: 'model.segments',
  params: segmentsParams,
  run(ctx) {
    const currency = dominantCurrency(ctx.db, ctx.params.currency);
    return runModelJob(ctx, { model: 'segments', parameters: { ...ctx.params, currency } }, () => {
      ctx.progress(0, 2, 'loading orders');
      const orders = loadCustomerOrders(ctx.db, currency);
      if (orders.length < 10) throw new AppError('NOT_AVAILABLE', 'Segmentation needs paid orders from at least a handful of customers.');
      ctx.progress(1, 2, 'clustering');
      const trained = trainSegments(orders, { ...ctx.params }, ctx.throwIfCancelled);
      const summary: SegmentsStoredSummary = {
        currency,
        referenceDate: dateOfDay(trained.referenceDay),
        k: trained.k,
        silhouettes: trained.silhouettes,
        segments: trained.segments,
      };
      return {
        metrics: { k: trained.k, silhouettes: trained.silhouettes, customers: trained.members.length },
        summary,
        resultTables: ['model_segment_members'],
        write: (runId) =>
          insertBatched(
            ctx,
            `INSERT INTO model_segment_members (run_id, customer_key, customer_id, cluster, recency_days, frequency, monetary_cents)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
            trained.members,
            (m) => [runId, m.customerKey, orders.customerIds.get(m.customerKey) ?? String(m.customerKey), m.cluster, m.recencyDays, m.frequency, Math.round(m.monetaryCents)],
            'saving segment members',
          ),
      };
    });
  },
});
