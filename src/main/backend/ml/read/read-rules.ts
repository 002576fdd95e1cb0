import type { RuleDto, RulesPageDto } from '../../../../shared/contract/models';
import { AppError } from '../../../../shared/result';
import type { Db } from '../../db/open';
import type { RulesMetrics } from '../jobs/rules-job';
import { latestSucceededRun } from '../warehouse/runs';
import { productLabels } from './products';

export interface RuleFilter {
  minSupport?: number;
  minConfidence?: number;
  minLift?: number;
  maxLength?: number;
  sku?: string;
  sortBy: 'lift' | 'confidence' | 'support';
  limit: number;
  offset: number;
}

/** Sort columns come from this allow-list, never from the caller's text. */
const ORDER_BY: Record<RuleFilter['sortBy'], string> = {
  lift: 'lift DESC, confidence DESC, support DESC, rule_no',
  confidence: 'confidence DESC, lift DESC, support DESC, rule_no',
  support: 'support DESC, lift DESC, confidence DESC, rule_no',
};

/** Rules of the latest run, filtered further (never below the thresholds the run was mined with). */
export function readRules(db: Db, filter: RuleFilter): RulesPageDto {
  const run = latestSucceededRun<RulesMetrics>(db, 'rules', undefined, null);
  if (!run) throw new AppError('NOT_AVAILABLE', 'Basket rules have not been mined yet: run the basket-rules model first.');
  const where = `run_id = @runId AND support >= @minSupport AND confidence >= @minConfidence AND lift >= @minLift AND item_count <= @maxLength
    AND (@sku IS NULL OR consequent = @sku OR EXISTS (SELECT 1 FROM json_each(antecedent) WHERE value = @sku))`;
  const params = {
    runId: run.dto.runId,
    minSupport: filter.minSupport ?? 0,
    minConfidence: filter.minConfidence ?? 0,
    minLift: filter.minLift ?? 0,
    maxLength: filter.maxLength ?? 1000,
    sku: filter.sku ?? null,
  };
  const total = (db.prepare(`SELECT count(*) AS n FROM model_rules WHERE ${where}`).get(params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT antecedent, consequent, basket_count, support, confidence, lift FROM model_rules WHERE ${where} ORDER BY ${ORDER_BY[filter.sortBy]} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as { antecedent: string; consequent: string; basket_count: number; support: number; confidence: number; lift: number }[];
  const parsed = rows.map((r) => ({ ...r, lhs: JSON.parse(r.antecedent) as string[] }));
  const labels = productLabels(db, parsed.flatMap((r) => [...r.lhs, r.consequent]));
  const rules: RuleDto[] = parsed.map((r) => ({
    antecedent: r.lhs,
    consequent: r.consequent,
    antecedentNames: r.lhs.map((sku) => labels.get(sku)?.name ?? null),
    consequentName: labels.get(r.consequent)?.name ?? null,
    baskets: r.basket_count,
    support: r.support,
    confidence: r.confidence,
    lift: r.lift,
  }));
  return { runId: run.dto.runId, transactions: run.summary?.transactions ?? 0, total, rules };
}
