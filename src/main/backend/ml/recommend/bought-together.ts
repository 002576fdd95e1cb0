import type { Transactions } from '../basket/transactions';
import type { Csr } from './csr';
import { topPairsPerItem, type ItemNeighbors } from './item-similarity';

export interface BoughtTogether extends ItemNeighbors {
  /** Baskets containing each item. */
  itemBaskets: Int32Array;
  basketCount: number;
}

/**
 * "Frequently bought together": for item A, items B that share an order with it, ranked by
 * confidence P(B in basket | A in basket). Confidence answers the shopper's question ("people
 * who put A in the basket also took B") directly; lift ≤ 1 pairs are dropped because they are
 * only there because B is in every basket anyway, and at least `minCommon` shared orders are
 * required so one odd order cannot create a pair.
 */
export function boughtTogether(baskets: Transactions, options: { k: number; minCommon: number }): BoughtTogether {
  const basketCount = baskets.offsets.length - 1;
  const itemBaskets = new Int32Array(baskets.itemCount);
  for (let k = 0; k < baskets.items.length; k += 1) itemBaskets[baskets.items[k]!] = itemBaskets[baskets.items[k]!]! + 1;
  // Item × basket incidence built directly in CSR (values 1).
  const offsets = new Int32Array(baskets.itemCount + 1);
  for (let item = 0; item < baskets.itemCount; item += 1) offsets[item + 1] = offsets[item]! + itemBaskets[item]!;
  const cursor = offsets.slice(0, baskets.itemCount);
  const indices = new Int32Array(baskets.items.length);
  for (let b = 0; b < basketCount; b += 1) {
    for (let k = baskets.offsets[b]!; k < baskets.offsets[b + 1]!; k += 1) {
      const item = baskets.items[k]!;
      indices[cursor[item]!] = b;
      cursor[item] = cursor[item]! + 1;
    }
  }
  const itemRows: Csr = { rowCount: baskets.itemCount, colCount: basketCount, offsets, indices, values: new Float64Array(indices.length).fill(1) };
  const pairs = topPairsPerItem(itemRows, {
    ...options,
    score: ({ item, other, common }) => {
      const confidence = common / itemBaskets[item]!;
      const lift = confidence / (itemBaskets[other]! / basketCount);
      return lift > 1 ? confidence : null;
    },
  });
  return { ...pairs, itemBaskets, basketCount };
}
