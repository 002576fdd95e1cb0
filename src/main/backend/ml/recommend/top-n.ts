import type { Csr } from './csr';
import type { ItemNeighbors } from './item-similarity';
import { blendedScore, POPULAR_CANDIDATES, type PopularityBlend } from './blend';
import { TopK } from './top-k';

export interface ScoredItem {
  item: number;
  score: number;
}

/**
 * Item-based top-N: score(j) = Σ over items i the customer bought of sim(i, j), over the
 * stored neighbour lists. Items already bought and items in `isExcluded` (e.g. out of stock)
 * never appear.
 */
export function recommendFromNeighbors(
  neighbors: ItemNeighbors,
  ownedItems: ArrayLike<number>,
  k: number,
  isExcluded: (item: number) => boolean = () => false,
): ScoredItem[] {
  const owned = new Set<number>();
  for (let t = 0; t < ownedItems.length; t += 1) owned.add(ownedItems[t]!);
  const scores = new Map<number, number>();
  for (const i of owned) {
    for (let q = neighbors.offsets[i]!; q < neighbors.offsets[i + 1]!; q += 1) {
      const j = neighbors.neighbors[q]!;
      if (owned.has(j) || isExcluded(j)) continue;
      scores.set(j, (scores.get(j) ?? 0) + neighbors.scores[q]!);
    }
  }
  return [...scores]
    .map(([item, score]) => ({ item, score }))
    .sort((x, y) => y.score - x.score || x.item - y.item)
    .slice(0, k);
}

/**
 * The same scoring as recommendFromNeighbors with reusable dense scratch arrays and a bounded
 * heap: the time-split evaluation scores tens of thousands of customers in a row, and a Map
 * plus a full sort per customer made it the slowest step of training.
 */
export class NeighborScorer {
  private readonly scores: Float64Array;
  private readonly isOwned: Uint8Array;
  private readonly touched: Int32Array;

  constructor(private readonly neighbors: ItemNeighbors, itemCount: number) {
    this.scores = new Float64Array(itemCount);
    this.isOwned = new Uint8Array(itemCount);
    this.touched = new Int32Array(itemCount);
  }

  /** Top-k item ids; with a blend, best sellers are candidates too and scores follow blend.ts. */
  topItems(ownedItems: ArrayLike<number>, k: number, blend?: PopularityBlend): number[] {
    const { neighbors, scores, isOwned, touched } = this;
    for (let t = 0; t < ownedItems.length; t += 1) isOwned[ownedItems[t]!] = 1;
    let touchedCount = 0;
    for (let t = 0; t < ownedItems.length; t += 1) {
      const i = ownedItems[t]!;
      for (let q = neighbors.offsets[i]!; q < neighbors.offsets[i + 1]!; q += 1) {
        const j = neighbors.neighbors[q]!;
        if (isOwned[j] === 1) continue;
        if (scores[j] === 0) touched[touchedCount++] = j;
        scores[j] = scores[j]! + neighbors.scores[q]!;
      }
    }
    let maxCf = 0;
    for (let t = 0; t < touchedCount; t += 1) maxCf = Math.max(maxCf, scores[touched[t]!]!);
    const best = new TopK(k);
    for (let t = 0; t < touchedCount; t += 1) {
      const j = touched[t]!;
      best.offer(blend ? blendedScore(scores[j]!, maxCf, blend.prior[j]!, blend.weight) : scores[j]!, j, 0);
    }
    if (blend) {
      for (let r = 0; r < Math.min(POPULAR_CANDIDATES, blend.ranking.length); r += 1) {
        const j = blend.ranking[r]!;
        const score = blendedScore(0, maxCf, blend.prior[j]!, blend.weight);
        // The ranking is by descending prior, so no later best seller can do better than this one.
        if (score < best.threshold()) break;
        if (isOwned[j] === 0 && scores[j] === 0) best.offer(score, j, 0);
      }
    }
    for (let t = 0; t < touchedCount; t += 1) scores[touched[t]!] = 0;
    for (let t = 0; t < ownedItems.length; t += 1) isOwned[ownedItems[t]!] = 0;
    return best.sorted().map((e) => e.id);
  }
}

/** Items ranked by number of distinct customers: the baseline every recommender must beat. */
export function popularityRanking(userItems: Csr): number[] {
  const buyers = new Float64Array(userItems.colCount);
  for (let k = 0; k < userItems.indices.length; k += 1) buyers[userItems.indices[k]!] = buyers[userItems.indices[k]!]! + 1;
  return [...buyers.keys()].filter((i) => buyers[i]! > 0).sort((x, y) => buyers[y]! - buyers[x]! || x - y);
}

/** Top-N most popular items the customer has not bought. */
export function recommendPopular(ranking: readonly number[], ownedItems: ArrayLike<number>, k: number, isExcluded: (item: number) => boolean = () => false): ScoredItem[] {
  const owned = new Set<number>();
  for (let t = 0; t < ownedItems.length; t += 1) owned.add(ownedItems[t]!);
  const out: ScoredItem[] = [];
  for (let rank = 0; rank < ranking.length && out.length < k; rank += 1) {
    const item = ranking[rank]!;
    if (!owned.has(item) && !isExcluded(item)) out.push({ item, score: ranking.length - rank });
  }
  return out;
}
