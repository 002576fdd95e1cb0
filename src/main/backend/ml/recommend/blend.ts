import type { Csr } from './csr';

/**
 * The shipped recommender blends item-item scores with a popularity prior:
 *   score(j) = (1 − w) · cf(j) / max cf + w · buyers(j) / max buyers.
 * Why: item-item alone ignores that a best seller is a likely next purchase for anyone, and
 * on a store where customers show little individual taste it loses to plain popularity. The
 * weight w is chosen on a validation window before the test window (never on the test), so
 * the blend can follow whichever signal the store's data actually has. The top POPULAR
 * candidates are always scored, which also fills short lists with best sellers.
 */
export const POPULAR_CANDIDATES = 200;
export const BLEND_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9] as const;
/** With w = 0, best sellers still fill a short list in popularity order, never ahead of cf. */
const MIN_WEIGHT = 1e-9;

export interface PopularityBlend {
  weight: number;
  /** buyers / max buyers per item, in [0, 1]. */
  prior: Float64Array;
  /** Item ids by buyers, descending. */
  ranking: readonly number[];
}

export function popularityPrior(userItems: Csr): Float64Array {
  const buyers = new Float64Array(userItems.colCount);
  for (let k = 0; k < userItems.indices.length; k += 1) buyers[userItems.indices[k]!] = buyers[userItems.indices[k]!]! + 1;
  let max = 0;
  for (let i = 0; i < buyers.length; i += 1) max = Math.max(max, buyers[i]!);
  return max > 0 ? buyers.map((b) => b / max) : buyers;
}

export function blendedScore(cf: number, maxCf: number, prior: number, weight: number): number {
  return (1 - weight) * (maxCf > 0 ? cf / maxCf : 0) + Math.max(weight, MIN_WEIGHT) * prior;
}
