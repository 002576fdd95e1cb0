/**
 * Baskets in compressed sparse row form: basket i holds items[offsets[i] .. offsets[i+1]).
 * Item ids are dense 0..itemCount-1 and distinct within a basket. No one-hot matrix is ever
 * built: 100k baskets × 2,000 items would be 200M cells.
 */
export interface Transactions {
  offsets: Int32Array;
  items: Int32Array;
  itemCount: number;
}

export function transactionCount(tx: Transactions): number {
  return tx.offsets.length - 1;
}

/** Builds baskets from arrays of item ids, dropping repeats of an item within a basket. */
export function transactionsFromLists(baskets: readonly (readonly number[])[], itemCount: number): Transactions {
  const offsets = new Int32Array(baskets.length + 1);
  const flat: number[] = [];
  baskets.forEach((basket, i) => {
    for (const item of new Set(basket)) flat.push(item);
    offsets[i + 1] = flat.length;
  });
  return { offsets, items: Int32Array.from(flat), itemCount };
}

/**
 * The smallest count c with c / n ≥ minSupport, evaluated with the same division the caller
 * would use, so an itemset at exactly minSupport is frequent (arules' semantics) and floating
 * rounding of minSupport × n never moves the threshold by one.
 */
export function minCountFor(minSupport: number, n: number): number {
  if (n <= 0) return 1;
  let c = Math.max(0, Math.ceil(minSupport * n));
  while (c > 0 && (c - 1) / n >= minSupport) c -= 1;
  while (c <= n && c / n < minSupport) c += 1;
  // A frequent itemset must occur at least once even with minSupport 0.
  return Math.max(1, c);
}
