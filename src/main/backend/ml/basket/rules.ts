import type { FrequentItemset } from './fp-growth';

/**
 * Association rules A ⇒ {c} from frequent itemsets, with one item on the right-hand side as
 * R's arules apriori() produces, and at least one on the left (arules' minlen = 2).
 * support = count(A ∪ c) / n, confidence = count(A ∪ c) / count(A), lift = confidence / support(c).
 */
export interface AssociationRule {
  antecedent: number[];
  consequent: number;
  count: number;
  support: number;
  confidence: number;
  lift: number;
}

export interface RuleOptions {
  minConfidence: number;
  minLift: number;
}

export function itemsetKey(items: readonly number[]): string {
  return items.join(',');
}

export function associationRules(itemsets: readonly FrequentItemset[], transactions: number, options: RuleOptions): AssociationRule[] {
  const countOf = new Map<string, number>();
  for (const set of itemsets) countOf.set(itemsetKey(set.items), set.count);
  const rules: AssociationRule[] = [];
  for (const set of itemsets) {
    if (set.items.length < 2) continue;
    for (let k = 0; k < set.items.length; k += 1) {
      const consequent = set.items[k]!;
      const antecedent = set.items.filter((_, i) => i !== k);
      // Every subset of a frequent itemset is frequent (downward closure), so both are known.
      const antecedentCount = countOf.get(itemsetKey(antecedent));
      const consequentCount = countOf.get(String(consequent));
      if (antecedentCount === undefined || consequentCount === undefined) continue;
      const confidence = set.count / antecedentCount;
      const lift = confidence / (consequentCount / transactions);
      if (confidence < options.minConfidence || lift < options.minLift) continue;
      rules.push({ antecedent, consequent, count: set.count, support: set.count / transactions, confidence, lift });
    }
  }
  // Strongest first: lift, then confidence, then support; then items for a stable order.
  rules.sort(
    (x, y) =>
      y.lift - x.lift ||
      y.confidence - x.confidence ||
      y.support - x.support ||
      itemsetKey(x.antecedent).localeCompare(itemsetKey(y.antecedent)) ||
      x.consequent - y.consequent,
  );
  return rules;
}
