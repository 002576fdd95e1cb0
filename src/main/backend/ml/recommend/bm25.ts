import type { Csr } from './csr';

/**
 * BM25 weighting of the item × customer purchase-count matrix before cosine similarity, as in
 * Frederickson's `implicit` library (items are the "documents", customers the "terms").
 *
 * Why not raw counts: plain cosine over counts lets one customer who bought a cheap item 40
 * times, or a wholesale customer who bought half the catalogue, dominate every similarity, and
 * makes the best sellers the nearest neighbour of everything. BM25 fixes the three causes:
 * - saturation (k1): the 2nd purchase of an item adds less than the 1st, the 20th almost nothing;
 * - IDF over customers: a customer who bought many different items says little about any one
 *   pair, so their column is damped by log(N / (1 + items bought));
 * - length normalisation (b): an item's weights are scaled by its buyer count relative to the
 *   average, which damps popular items so they stop being everyone's neighbour.
 * Defaults k1 = 1.2, b = 0.75 are the usual BM25 values; they are parameters of the job and are
 * stored with each run, and the time-split evaluation checks the choice against popularity.
 */
export interface Bm25Options {
  k1: number;
  b: number;
}

export function bm25Weight(itemUsers: Csr, options: Bm25Options): Csr {
  const { k1, b } = options;
  const itemTotal = itemUsers.rowCount;
  const itemsPerUser = new Float64Array(itemUsers.colCount);
  for (let k = 0; k < itemUsers.indices.length; k += 1) itemsPerUser[itemUsers.indices[k]!] = itemsPerUser[itemUsers.indices[k]!]! + 1;
  const rowSums = new Float64Array(itemTotal);
  let total = 0;
  for (let r = 0; r < itemTotal; r += 1) {
    for (let k = itemUsers.offsets[r]!; k < itemUsers.offsets[r + 1]!; k += 1) rowSums[r] = rowSums[r]! + itemUsers.values[k]!;
    total += rowSums[r]!;
  }
  const averageLength = itemTotal > 0 ? total / itemTotal : 1;
  const values = new Float64Array(itemUsers.values.length);
  for (let r = 0; r < itemTotal; r += 1) {
    const lengthNorm = 1 - b + (b * rowSums[r]!) / averageLength;
    for (let k = itemUsers.offsets[r]!; k < itemUsers.offsets[r + 1]!; k += 1) {
      const count = itemUsers.values[k]!;
      // Clamped at a small positive value so a customer who bought everything is damped, not erased.
      const idf = Math.max(0.05, Math.log(itemTotal) - Math.log1p(itemsPerUser[itemUsers.indices[k]!]!));
      values[k] = ((count * (k1 + 1)) / (k1 * lengthNorm + count)) * idf;
    }
  }
  return { ...itemUsers, values };
}
