import type { CustomerRecommendationsDto, ProductNeighborsDto, ProductScoreDto, RecommendMetrics } from '../../../../shared/contract/models';
import { AppError } from '../../../../shared/result';
import type { Db } from '../../db/open';
import type { RecommendSummary } from '../jobs/recommend-job';
import { outOfStockSkus } from '../warehouse/load';
import { blendedScore } from '../recommend/blend';
import { latestSucceededRun } from '../warehouse/runs';
import { productLabels } from './products';

function requireRun(db: Db) {
  const run = latestSucceededRun<RecommendSummary>(db, 'recommend', undefined, null);
  if (!run) throw new AppError('NOT_AVAILABLE', 'Recommendations have not been trained yet: run the recommendation model first.');
  return run;
}

function neighbors(db: Db, kind: 'similar' | 'together', sku: string, k: number): ProductNeighborsDto {
  const run = requireRun(db);
  const rows = db
    .prepare<[number, string, string, number], { other_sku: string; score: number; common: number; lift: number | null }>(
      'SELECT other_sku, score, common, lift FROM model_item_neighbors WHERE run_id = ? AND kind = ? AND sku = ? ORDER BY rank LIMIT ?',
    )
    .all(run.dto.runId, kind, sku, k);
  const labels = productLabels(db, rows.map((r) => r.other_sku));
  return {
    runId: run.dto.runId,
    sku,
    items: rows.map((r) => ({ sku: r.other_sku, name: labels.get(r.other_sku)?.name ?? null, category: labels.get(r.other_sku)?.category ?? null, score: r.score, common: r.common, lift: r.lift })),
  };
}

export const similarProducts = (db: Db, sku: string, k: number) => neighbors(db, 'similar', sku, k);
export const boughtTogetherProducts = (db: Db, sku: string, k: number) => neighbors(db, 'together', sku, k);

export function recommendMetrics(db: Db): (RecommendMetrics & { runId: number }) | null {
  const run = latestSucceededRun(db, 'recommend', undefined, null);
  return run ? { ...(run.dto.metrics as unknown as RecommendMetrics), runId: run.dto.runId } : null;
}

/**
 * Top-N for one customer from the stored neighbour lists: score(j) = Σ over the customer's
 * products i of sim(i, j), without products they bought and, optionally, SKUs with nothing
 * available in the latest inventory snapshot. Computed on read: it needs only the customer's
 * own SKUs and their neighbour rows, blended with the popularity prior by the run's weight
 * (recommend/blend.ts), which also fills short lists with best sellers.
 */
export function recommendForCustomer(db: Db, customerId: string, k: number, excludeOutOfStock: boolean): CustomerRecommendationsDto {
  const run = requireRun(db);
  const customer = db.prepare<[string], { customer_key: number }>('SELECT customer_key FROM dim_customer WHERE customer_id = ?').get(customerId);
  if (!customer) throw new AppError('NOT_FOUND', `No customer with id "${customerId}".`, { customerId });
  const owned = db
    .prepare<[number], { sku: string }>(
      `SELECT DISTINCT oi.sku FROM fct_order_items oi JOIN fct_orders o ON o.order_key = oi.order_key
       WHERE oi.customer_key = ? AND o.is_counted = 1`,
    )
    .all(customer.customer_key)
    .map((r) => r.sku);
  const ownedSet = new Set(owned);
  const outOfStock = excludeOutOfStock ? outOfStockSkus(db) : new Set<string>();
  const excluded = new Set<string>();
  const isAllowed = (sku: string) => {
    if (ownedSet.has(sku)) return false;
    if (outOfStock.has(sku)) {
      excluded.add(sku);
      return false;
    }
    return true;
  };
  const scores = new Map<string, number>();
  const neighborRows = db
    .prepare<[number, string], { other_sku: string; score: number }>(
      "SELECT other_sku, score FROM model_item_neighbors WHERE run_id = ? AND kind = 'similar' AND sku IN (SELECT value FROM json_each(?))",
    )
    .all(run.dto.runId, JSON.stringify(owned));
  for (const row of neighborRows) if (!ownedSet.has(row.other_sku)) scores.set(row.other_sku, (scores.get(row.other_sku) ?? 0) + row.score);
  // The blend of recommend/blend.ts, over the neighbour candidates and the stored best sellers.
  const weight = run.summary?.popularityWeight ?? 0;
  const popular = run.summary?.popularSkus ?? [];
  const prior = new Map(popular.map((sku, i) => [sku, run.summary?.popularPrior?.[i] ?? 0]));
  const maxCf = Math.max(0, ...scores.values());
  const candidates = new Map<string, number>();
  // maxCf is taken before the stock filter, so filtering only removes items and never reorders.
  for (const [sku, cf] of scores) if (isAllowed(sku)) candidates.set(sku, blendedScore(cf, maxCf, prior.get(sku) ?? 0, weight));
  for (const sku of popular) if (!scores.has(sku) && isAllowed(sku)) candidates.set(sku, blendedScore(0, maxCf, prior.get(sku) ?? 0, weight));
  const ranked: [string, number, 'item-item' | 'popularity'][] = [...candidates]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .slice(0, k)
    .map(([sku, score]) => [sku, score, scores.has(sku) ? 'item-item' : 'popularity']);
  const basis: CustomerRecommendationsDto['basis'] = ranked.some((r) => r[2] === 'item-item') ? 'item-item' : 'popularity';
  const labels = productLabels(db, ranked.map(([sku]) => sku));
  const items: ProductScoreDto[] = ranked.map(([sku, score, source]) => ({
    sku,
    name: labels.get(sku)?.name ?? null,
    category: labels.get(sku)?.category ?? null,
    score,
    common: null,
    lift: null,
    source,
  }));
  return { runId: run.dto.runId, customerId, basis, purchasedSkus: owned.length, excludedOutOfStock: excluded.size, items };
}
