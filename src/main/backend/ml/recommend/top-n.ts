import type { Csr } from './csr';
import type { ItemNeighbors } from './item-similarity';

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
