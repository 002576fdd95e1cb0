import { z } from 'zod';
import { AppError } from '../../../../shared/result';
import { defineJob } from '../../jobs/types';
import { basketsFromLines, mineRules } from '../basket/train';
import { loadPurchaseLines } from '../warehouse/load';
import { insertBatched, runModelJob } from './model-run';

export const rulesParams = z
  .object({
    minSupport: z.number().gt(0).max(1).default(0.001),
    minConfidence: z.number().min(0).max(1).default(0.5),
    minLift: z.number().min(0).default(1),
    maxLength: z.number().int().min(2).max(10).default(4),
    /** Rules stored per run, strongest first; the count of all rules is kept in the metrics. */
    maxRules: z.number().int().min(1).max(1_000_000).default(100_000),
  })
  .strict();

export interface RulesMetrics {
  transactions: number;
  frequentItemsets: number;
  rules: number;
  storedRules: number;
}

export const rulesJob = defineJob({
  kind: 'model.rules',
  params: rulesParams,
  run(ctx) {
    const { maxRules, ...mining } = ctx.params;
    return runModelJob(ctx, { model: 'rules', parameters: ctx.params }, () => {
      ctx.progress(0, 1, 'loading baskets');
      const lines = loadPurchaseLines(ctx.db, { requireCustomer: false });
      if (lines.basketCount === 0) throw new AppError('NOT_AVAILABLE', 'There are no paid orders yet: import data first.');
      const mined = mineRules(basketsFromLines(lines), mining, (done, total) => {
        ctx.throwIfCancelled();
        ctx.progress(done, total, 'mining frequent itemsets');
      });
      const stored = mined.rules.slice(0, maxRules);
      const metrics: RulesMetrics = { transactions: mined.transactions, frequentItemsets: mined.frequentItemsets, rules: mined.rules.length, storedRules: stored.length };
      return {
        metrics,
        summary: metrics,
        resultTables: ['model_rules'],
        write: (runId) =>
          insertBatched(
            ctx,
            `INSERT INTO model_rules (run_id, rule_no, antecedent, consequent, item_count, basket_count, support, confidence, lift)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            stored.map((rule, i) => ({ rule, i })),
            ({ rule, i }) => [
              runId,
              i + 1,
              JSON.stringify(rule.antecedent.map((item) => lines.skus[item]!).sort()),
              lines.skus[rule.consequent]!,
              rule.antecedent.length + 1,
              rule.count,
              rule.support,
              rule.confidence,
              rule.lift,
            ],
            'saving rules',
          ),
      };
    });
  },
});
