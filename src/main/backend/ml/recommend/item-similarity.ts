import { transpose, type Csr } from './csr';
import { TopK } from './top-k';

/** Top-k neighbours per item: item i's neighbours are neighbors[offsets[i] .. offsets[i+1]). */
export interface ItemNeighbors {
  offsets: Int32Array;
  neighbors: Int32Array;
  scores: Float64Array;
  /** Number of rows (customers or baskets) the pair shares. */
  common: Int32Array;
}

export interface PairScoreInput {
  item: number;
  other: number;
  dot: number;
  common: number;
}

/**
 * Sparse X·Xᵀ over item rows, one item at a time: for item i, walk its rows (customers), and
 * for each row every other item in it, accumulating into a dense per-item scratch array.
 * Cost is Σ over rows of (items in the row)², never items². `score` turns the accumulated dot
 * product into the ranking score (cosine, confidence…); null drops the pair.
 */
export function topPairsPerItem(
  itemRows: Csr,
  options: { k: number; minCommon: number; score: (input: PairScoreInput) => number | null; onItem?: (done: number, total: number) => void },
): ItemNeighbors {
  const rowItems = transpose(itemRows);
  const itemTotal = itemRows.rowCount;
  const dot = new Float64Array(itemTotal);
  const common = new Int32Array(itemTotal);
  const touched = new Int32Array(itemTotal);
  const offsets = new Int32Array(itemTotal + 1);
  const neighbors: number[] = [];
  const scores: number[] = [];
  const commons: number[] = [];
  const best = new TopK(options.k);
  for (let i = 0; i < itemTotal; i += 1) {
    let touchedCount = 0;
    for (let k = itemRows.offsets[i]!; k < itemRows.offsets[i + 1]!; k += 1) {
      const row = itemRows.indices[k]!;
      const wi = itemRows.values[k]!;
      for (let q = rowItems.offsets[row]!; q < rowItems.offsets[row + 1]!; q += 1) {
        const j = rowItems.indices[q]!;
        if (j === i) continue;
        if (common[j] === 0) touched[touchedCount++] = j;
        dot[j] = dot[j]! + wi * rowItems.values[q]!;
        common[j] = common[j]! + 1;
      }
    }
    best.clear();
    for (let t = 0; t < touchedCount; t += 1) {
      const j = touched[t]!;
      if (common[j]! >= options.minCommon) {
        const s = options.score({ item: i, other: j, dot: dot[j]!, common: common[j]! });
        if (s !== null && s > 0) best.offer(s, j, common[j]!);
      }
      dot[j] = 0;
      common[j] = 0;
    }
    for (const c of best.sorted()) {
      neighbors.push(c.id);
      scores.push(c.score);
      commons.push(c.extra);
    }
    offsets[i + 1] = neighbors.length;
    if ((i & 255) === 0) options.onItem?.(i, itemTotal);
  }
  return { offsets, neighbors: Int32Array.from(neighbors), scores: Float64Array.from(scores), common: Int32Array.from(commons) };
}

/** Cosine similarity between item rows of an (already weighted) item × customer matrix. */
export function cosineNeighbors(
  weightedItemUsers: Csr,
  options: { k: number; minCommon: number; onItem?: (done: number, total: number) => void },
): ItemNeighbors {
  const norms = new Float64Array(weightedItemUsers.rowCount);
  for (let r = 0; r < weightedItemUsers.rowCount; r += 1) {
    let sum = 0;
    for (let k = weightedItemUsers.offsets[r]!; k < weightedItemUsers.offsets[r + 1]!; k += 1) sum += weightedItemUsers.values[k]! ** 2;
    norms[r] = Math.sqrt(sum);
  }
  return topPairsPerItem(weightedItemUsers, {
    ...options,
    score: ({ item, other, dot }) => (norms[item]! > 0 && norms[other]! > 0 ? dot / (norms[item]! * norms[other]!) : null),
  });
}
