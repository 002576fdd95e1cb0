import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { fpGrowth, type FrequentItemset } from './fp-growth';
import { associationRules } from './rules';
import { minCountFor, transactionsFromLists } from './transactions';

/** Han & Kamber, Data Mining (3rd ed.), Table 6.1: AllElectronics, 9 transactions, items I1..I5 as 1..5. */
const HAN_KAMBER = [[1, 2, 5], [2, 4], [2, 3], [1, 2, 4], [1, 3], [2, 3], [1, 3], [1, 2, 3, 5], [1, 2, 3]];
/** The frequent itemsets the book lists for min count 2 (Figure 6.2 / Table 6.2). */
const HAN_KAMBER_FREQUENT: Record<string, number> = {
  '1': 6, '2': 7, '3': 6, '4': 2, '5': 2,
  '1,2': 4, '1,3': 4, '1,5': 2, '2,3': 4, '2,4': 2, '2,5': 2,
  '1,2,3': 2, '1,2,5': 2,
};

function asRecord(sets: FrequentItemset[]): Record<string, number> {
  return Object.fromEntries(sets.map((s) => [s.items.join(','), s.count]));
}

describe('fpGrowth', () => {
  it("finds exactly Han & Kamber's frequent itemsets at min count 2", () => {
    const tx = transactionsFromLists(HAN_KAMBER, 6);
    expect(asRecord(fpGrowth(tx, { minSupport: 2 / 9, maxLength: 10 }))).toEqual(HAN_KAMBER_FREQUENT);
  });

  it('includes an itemset at exactly minsup and excludes one just below (arules semantics)', () => {
    const tx = transactionsFromLists(HAN_KAMBER, 6);
    const atThreshold = asRecord(fpGrowth(tx, { minSupport: 2 / 9, maxLength: 10 }));
    expect(atThreshold['1,2,5']).toBe(2);
    const justAbove = asRecord(fpGrowth(tx, { minSupport: 2 / 9 + 1e-12, maxLength: 10 }));
    expect(justAbove['1,2,5']).toBeUndefined();
    expect(justAbove['4']).toBeUndefined();
    expect(justAbove['1,2']).toBe(4);
    // 0.2 × 10 is not exactly 2 in binary floating point; the threshold must still be count 2.
    expect(minCountFor(0.2, 10)).toBe(2);
    expect(minCountFor(0.3, 10)).toBe(3);
    expect(minCountFor(0.1 + 0.2, 10)).toBe(4); // 0.30000000000000004 > 3/10
    expect(minCountFor(0.001, 100_000)).toBe(100);
  });

  it('respects maxLength', () => {
    const tx = transactionsFromLists(HAN_KAMBER, 6);
    const sets = fpGrowth(tx, { minSupport: 2 / 9, maxLength: 2 });
    expect(sets.every((s) => s.items.length <= 2)).toBe(true);
    expect(sets).toHaveLength(11);
  });

  it('agrees with brute-force enumeration on random baskets', () => {
    const rng = createRng(3);
    const itemCount = 11;
    const baskets = Array.from({ length: 300 }, () => {
      const basket: number[] = [];
      // Skewed item probabilities so itemsets of several sizes are frequent.
      for (let item = 0; item < itemCount; item += 1) if (rng.next() < 0.55 / (1 + item * 0.25)) basket.push(item);
      return basket;
    });
    const tx = transactionsFromLists(baskets, itemCount);
    for (const [minSupport, maxLength] of [[0.02, 11], [0.05, 3], [0.1, 11]] as const) {
      const expected: Record<string, number> = {};
      for (let mask = 1; mask < 1 << itemCount; mask += 1) {
        const items = [...Array(itemCount).keys()].filter((i) => mask & (1 << i));
        if (items.length > maxLength) continue;
        const count = baskets.filter((b) => items.every((i) => b.includes(i))).length;
        if (count / baskets.length >= minSupport) expected[items.join(',')] = count;
      }
      expect(asRecord(fpGrowth(tx, { minSupport, maxLength }))).toEqual(expected);
    }
  });
});

describe('associationRules', () => {
  it("gives the book's confidences for {I1, I2, I5} and the lift from its definition", () => {
    const tx = transactionsFromLists(HAN_KAMBER, 6);
    const rules = associationRules(fpGrowth(tx, { minSupport: 2 / 9, maxLength: 10 }), 9, { minConfidence: 0, minLift: 0 });
    const find = (lhs: number[], rhs: number) => rules.find((r) => r.antecedent.join(',') === lhs.join(',') && r.consequent === rhs);
    expect(find([1, 2], 5)?.confidence).toBeCloseTo(2 / 4, 12);
    expect(find([1, 5], 2)?.confidence).toBe(1);
    expect(find([2, 5], 1)?.confidence).toBe(1);
    // lift({I1,I5} ⇒ I2) = 1 / (7/9)
    expect(find([1, 5], 2)?.lift).toBeCloseTo(9 / 7, 12);
    expect(find([1, 5], 2)?.support).toBeCloseTo(2 / 9, 12);
    const strong = associationRules(fpGrowth(tx, { minSupport: 2 / 9, maxLength: 10 }), 9, { minConfidence: 0.7, minLift: 0 });
    // Brute force over every rule with confidence ≥ 0.7, recomputed from the baskets.
    const contains = (items: number[]) => HAN_KAMBER.filter((b) => items.every((i) => b.includes(i))).length;
    for (const rule of strong) {
      const both = contains([...rule.antecedent, rule.consequent]);
      expect(rule.confidence).toBeCloseTo(both / contains(rule.antecedent), 12);
      expect(rule.confidence).toBeGreaterThanOrEqual(0.7);
    }
    expect(strong.length).toBe(rules.filter((r) => r.confidence >= 0.7).length);
    expect(strong[0]!.lift).toBeGreaterThanOrEqual(strong.at(-1)!.lift);
  });
});
