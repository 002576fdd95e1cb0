import type { RecommendMetrics } from '../../../../shared/contract/models';
import { basketsFromLines } from '../basket/train';
import type { PurchaseLines } from '../warehouse/load';
import { dateOfDay } from '../warehouse/load';
import { BLEND_WEIGHTS, popularityPrior } from './blend';
import { bm25Weight } from './bm25';
import { boughtTogether, type BoughtTogether } from './bought-together';
import { csrFromTriplets, transpose, type Csr } from './csr';
import { evaluateTopN } from './evaluate';
import { cosineNeighbors, type ItemNeighbors } from './item-similarity';
import { NeighborScorer, popularityRanking, recommendPopular } from './top-n';

export interface RecommenderOptions {
  /** Neighbours kept per product. */
  neighbors: number;
  /** Minimum customers (similar) or orders (together) a pair must share. */
  minCommon: number;
  k1: number;
  b: number;
  /** The last `testDays` days are held out for the evaluation. */
  testDays: number;
  /** k of hit rate@k and precision@k. */
  evaluationK: number;
}

export interface TrainedRecommender {
  metrics: RecommendMetrics;
  similar: ItemNeighbors;
  together: BoughtTogether;
  /** Item indices by number of buyers, for customers without usable history. */
  popular: number[];
  /** buyers / max buyers per item, for the blend on read. */
  prior: Float64Array;
}

/**
 * Customer × item matrix of purchase events: the implicit "count" is the number of order lines
 * of the item, not the quantity, so a wholesale buyer of 500 mugs counts like one who bought
 * mugs in one order; repeated orders still count more (and BM25 saturates them).
 */
function userItemMatrix(lines: PurchaseLines, include: (line: number) => boolean): Csr {
  const rows = new Int32Array(lines.length);
  const cols = new Int32Array(lines.length);
  let n = 0;
  for (let k = 0; k < lines.length; k += 1) {
    if (lines.users[k]! < 0 || !include(k)) continue;
    rows[n] = lines.users[k]!;
    cols[n] = lines.items[k]!;
    n += 1;
  }
  return csrFromTriplets(rows.subarray(0, n), cols.subarray(0, n), new Float64Array(n).fill(1), lines.customerKeys.length, lines.skus.length);
}

export function trainRecommender(lines: PurchaseLines, options: RecommenderOptions, hooks: { progress: (done: number, total: number, phase: string) => void; check: () => void }): TrainedRecommender {
  let lastDay = -Infinity;
  for (let k = 0; k < lines.length; k += 1) lastDay = Math.max(lastDay, lines.days[k]!);
  const cutoff = lastDay - options.testDays;
  const neighborsOf = (userItems: Csr, phase: string) =>
    cosineNeighbors(bm25Weight(transpose(userItems), options), {
      k: options.neighbors,
      minCommon: options.minCommon,
      onItem: (done, total) => {
        hooks.check();
        hooks.progress(done, total, phase);
      },
    });

  const k = options.evaluationK;
  // 1. The popularity weight is chosen on a validation window just before the test window.
  const innerCutoff = cutoff - options.testDays;
  const innerTrain = userItemMatrix(lines, (line) => lines.days[line]! <= innerCutoff);
  const validation = userItemMatrix(lines, (line) => lines.days[line]! > innerCutoff && lines.days[line]! <= cutoff);
  const innerScorer = new NeighborScorer(neighborsOf(innerTrain, 'choosing the popularity weight'), lines.skus.length);
  const innerPrior = popularityPrior(innerTrain);
  const innerRanking = popularityRanking(innerTrain);
  // The sweep evaluates seven weights: a 1-in-n sample of at most ~20k customers is plenty.
  const stride = Math.max(1, Math.floor(validation.rowCount / 20_000));
  const tried = BLEND_WEIGHTS.map((weight) => {
    hooks.check();
    const m = evaluateTopN(innerTrain, validation, k, (_u, owned) => innerScorer.topItems(owned, k, { weight, prior: innerPrior, ranking: innerRanking }), stride);
    return { weight, hitRate: m.hitRate, precision: m.precision, customers: m.users };
  });
  // Best hit rate, then precision; ties keep the smaller weight (more personal).
  const chosen = tried.reduce((a, b) => (b.hitRate > a.hitRate || (b.hitRate === a.hitRate && b.precision > a.precision) ? b : a));
  const popularityWeight = chosen.customers > 0 ? chosen.weight : 0;

  // 2. Evaluation on the time split: train before the last testDays days, test on them.
  const train = userItemMatrix(lines, (line) => lines.days[line]! <= cutoff);
  const test = userItemMatrix(lines, (line) => lines.days[line]! > cutoff);
  const scorer = new NeighborScorer(neighborsOf(train, 'evaluating on the last days'), lines.skus.length);
  const trainPopular = popularityRanking(train);
  const blend = { weight: popularityWeight, prior: popularityPrior(train), ranking: trainPopular };
  const model = evaluateTopN(train, test, k, (_u, owned) => scorer.topItems(owned, k, blend));
  const itemItemOnly = evaluateTopN(train, test, k, (_u, owned) => scorer.topItems(owned, k));
  const baseline = evaluateTopN(train, test, k, (_u, owned) => recommendPopular(trainPopular, owned, k).map((s) => s.item));
  hooks.check();

  // 3. The stored model uses all the data.
  const all = userItemMatrix(lines, () => true);
  const similar = neighborsOf(all, 'similar products');
  const together = boughtTogether(basketsFromLines(lines), { k: options.neighbors, minCommon: options.minCommon });
  hooks.check();

  return {
    metrics: {
      cutoffDate: dateOfDay(cutoff),
      testDays: options.testDays,
      testCustomers: model.users,
      k,
      hitRate: model.hitRate,
      precision: model.precision,
      baselineHitRate: baseline.hitRate,
      baselinePrecision: baseline.precision,
      beatsBaseline: model.hitRate > baseline.hitRate && model.precision > baseline.precision,
      popularityWeight,
      validation: tried,
      itemItemHitRate: itemItemOnly.hitRate,
      itemItemPrecision: itemItemOnly.precision,
      products: lines.skus.length,
      customers: lines.customerKeys.length,
    },
    similar,
    together,
    popular: popularityRanking(all),
    prior: popularityPrior(all),
  };
}
