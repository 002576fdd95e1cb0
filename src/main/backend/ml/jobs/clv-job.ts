import { z } from 'zod';
import type { ClvSummaryDto } from '../../../../shared/contract/models';
import { defineJob } from '../../jobs/types';
import { trainClv } from '../clv/train';
import { dayNumber, dominantCurrency, loadCustomerOrders } from '../warehouse/load';
import { insertBatched, runModelJob } from './model-run';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

/**
 * Time unit: 'weeks' (the papers' unit, and the default) or 'days'. It scales t_x, T, α,
 * the holdout length and the horizon; P(alive) and CLV do not depend on it beyond rounding.
 */
export const clvParams = z
  .object({
    /** Last day of the calibration period; default: 26 weeks before the last order. */
    calibrationEnd: isoDate.optional(),
    timeUnit: z.enum(['days', 'weeks']).default('weeks'),
    /** Prediction horizon in time units; default one year (52 weeks or 365 days). */
    horizon: z.number().positive().optional(),
    annualDiscountRate: z.number().min(0).max(1).default(0.1),
    currency: z.string().length(3).optional(),
  })
  .strict();

export type ClvStoredSummary = Omit<ClvSummaryDto, 'runId' | 'topCustomers'>;

export const clvJob = defineJob({
  kind: 'model.clv',
  params: clvParams,
  run(ctx) {
    const currency = dominantCurrency(ctx.db, ctx.params.currency);
    const lastDate = ctx.db.prepare<[string], { d: string | null }>('SELECT max(order_date) AS d FROM fct_orders WHERE is_counted = 1 AND currency = ?').get(currency)?.d;
    const calibrationEndDay = ctx.params.calibrationEnd ? dayNumber(ctx.params.calibrationEnd) : dayNumber(lastDate ?? '1970-01-01') - 26 * 7;
    const horizon = ctx.params.horizon ?? (ctx.params.timeUnit === 'weeks' ? 52 : 365);
    const parameters = { ...ctx.params, currency, horizon, calibrationEnd: new Date(calibrationEndDay * 86_400_000).toISOString().slice(0, 10) };
    return runModelJob(ctx, { model: 'clv', parameters }, () => {
      ctx.progress(0, 1, 'loading orders');
      const orders = loadCustomerOrders(ctx.db, currency);
      const { summary, rows } = trainClv(
        orders,
        { calibrationEndDay, timeUnit: ctx.params.timeUnit, horizon, annualDiscountRate: ctx.params.annualDiscountRate },
        { progress: ctx.progress, check: ctx.throwIfCancelled },
      );
      const stored: ClvStoredSummary = { ...summary, currency };
      return {
        metrics: { holdout: summary.holdout, bgNbdLogLikelihood: summary.bgNbd.logLikelihood, customers: summary.customers },
        summary: stored,
        resultTables: ['model_clv_customers'],
        write: (runId) =>
          insertBatched(
            ctx,
            `INSERT INTO model_clv_customers (run_id, customer_key, customer_id, frequency, recency, age, historical_cents, mean_repeat_spend,
               p_alive, expected_purchases, expected_spend, clv, holdout_predicted, holdout_actual)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            rows,
            (r) => [
              runId,
              r.customerKey,
              orders.customerIds.get(r.customerKey) ?? String(r.customerKey),
              r.frequency,
              r.recency,
              r.age,
              Math.round(r.historicalCents),
              r.meanRepeatSpend,
              r.pAlive,
              r.expectedPurchases,
              r.expectedSpend,
              r.clv,
              r.holdoutPredicted,
              r.holdoutActual,
            ],
            'saving customer CLV',
          ),
      };
    });
  },
});
