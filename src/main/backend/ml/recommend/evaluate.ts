import type { Csr } from './csr';

export interface TopNMetrics {
  /** Customers with history before the split and at least one new item after it. */
  users: number;
  /** Share of those customers with at least one of their new items in the top k. */
  hitRate: number;
  /** Mean share of the k recommendations that the customer went on to buy. */
  precision: number;
}

/**
 * Time-split evaluation: for each customer with training history, recommend k items and
 * compare with the items they bought in the test window that they had not bought before
 * (a recommender that excludes owned items cannot be credited for repeats, nor blamed).
 */
export function evaluateTopN(
  train: Csr,
  test: Csr,
  k: number,
  recommend: (user: number, owned: Int32Array) => number[],
  /** Only every `stride`-th customer (a deterministic sample), for repeated evaluations. */
  stride = 1,
): TopNMetrics {
  let users = 0;
  let hits = 0;
  let precisionSum = 0;
  for (let u = 0; u < test.rowCount; u += stride) {
    const owned = train.indices.subarray(train.offsets[u]!, train.offsets[u + 1]!);
    if (owned.length === 0) continue;
    const ownedSet = new Set(owned);
    const relevant = new Set<number>();
    for (let q = test.offsets[u]!; q < test.offsets[u + 1]!; q += 1) if (!ownedSet.has(test.indices[q]!)) relevant.add(test.indices[q]!);
    if (relevant.size === 0) continue;
    users += 1;
    const recommended = recommend(u, owned).slice(0, k);
    const hitCount = recommended.filter((item) => relevant.has(item)).length;
    if (hitCount > 0) hits += 1;
    precisionSum += hitCount / k;
  }
  return { users, hitRate: users > 0 ? hits / users : 0, precision: users > 0 ? precisionSum / users : 0 };
}
