import type { PurchaseLines } from '../warehouse/load';
import { fpGrowth } from './fp-growth';
import { associationRules, type AssociationRule } from './rules';
import type { Transactions } from './transactions';

export interface RuleMiningOptions {
  minSupport: number;
  minConfidence: number;
  minLift: number;
  maxLength: number;
}

export interface MinedRules {
  transactions: number;
  frequentItemsets: number;
  rules: AssociationRule[];
}

/**
 * Every counted order with at least one product line is a transaction (as in arules). Lines of
 * one basket are contiguous (the loader orders by order key); a repeated SKU inside one order
 * counts once. Built straight into CSR: a million baskets must not become a million arrays.
 */
export function basketsFromLines(lines: PurchaseLines): Transactions {
  const offsets = new Int32Array(lines.basketCount + 1);
  const items = new Int32Array(lines.length);
  let written = 0;
  let line = 0;
  for (let basket = 0; basket < lines.basketCount; basket += 1) {
    const start = written;
    for (; line < lines.length && lines.baskets[line] === basket; line += 1) {
      const item = lines.items[line]!;
      let isRepeat = false;
      // Baskets hold a handful of lines, so a scan beats a Set here.
      for (let k = start; k < written && !isRepeat; k += 1) isRepeat = items[k] === item;
      if (!isRepeat) items[written++] = item;
    }
    offsets[basket + 1] = written;
  }
  return { offsets, items: items.slice(0, written), itemCount: lines.skus.length };
}

export function mineRules(tx: Transactions, options: RuleMiningOptions, onStep?: (done: number, total: number) => void): MinedRules {
  const transactions = tx.offsets.length - 1;
  const itemsets = fpGrowth(tx, { minSupport: options.minSupport, maxLength: options.maxLength, onStep });
  const rules = associationRules(itemsets, transactions, options);
  return { transactions, frequentItemsets: itemsets.length, rules };
}
