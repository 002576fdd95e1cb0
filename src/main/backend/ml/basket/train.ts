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

/** Every counted order with at least one product line is a transaction (as in arules). */
export function basketsFromLines(lines: PurchaseLines): Transactions {
  const offsets = new Int32Array(lines.basketCount + 1);
  const items: number[] = [];
  let start = 0;
  // Lines arrive grouped by basket; a repeated SKU inside one order counts once.
  for (let basket = 0; basket < lines.basketCount; basket += 1) {
    const seen = new Set<number>();
    while (start < lines.length && lines.baskets[start] === basket) {
      const item = lines.items[start]!;
      if (!seen.has(item)) {
        seen.add(item);
        items.push(item);
      }
      start += 1;
    }
    offsets[basket + 1] = items.length;
  }
  return { offsets, items: Int32Array.from(items), itemCount: lines.skus.length };
}

export function mineRules(tx: Transactions, options: RuleMiningOptions, onStep?: (done: number, total: number) => void): MinedRules {
  const transactions = tx.offsets.length - 1;
  const itemsets = fpGrowth(tx, { minSupport: options.minSupport, maxLength: options.maxLength, onStep });
  const rules = associationRules(itemsets, transactions, options);
  return { transactions, frequentItemsets: itemsets.length, rules };
}
