import { describe, expect, it } from 'vitest';
import { createRng } from '../core/rng';
import { transactionsFromLists } from '../basket/transactions';
import { bm25Weight } from './bm25';
import { boughtTogether } from './bought-together';
import { csrFromTriplets, transpose } from './csr';
import { evaluateTopN } from './evaluate';
import { cosineNeighbors } from './item-similarity';
import { simulatePurchases } from './simulate';
import { popularityRanking, recommendFromNeighbors, recommendPopular } from './top-n';

function randomDense(rows: number, cols: number, density: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rng.next() < density ? 1 + Math.floor(rng.next() * 3) : 0)));
}

function denseToCsr(dense: number[][]) {
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  dense.forEach((row, i) => row.forEach((value, j) => {
    if (value !== 0) {
      // Split each value into two triplets to exercise duplicate summing.
      r.push(i, i);
      c.push(j, j);
      v.push(value / 2, value / 2);
    }
  }));
  return csrFromTriplets(r, c, v, dense.length, dense[0]!.length);
}

describe('sparse matrices', () => {
  it('builds CSR from triplets and transposes it', () => {
    const dense = randomDense(30, 17, 0.2, 1);
    const m = denseToCsr(dense);
    const back = dense.map(() => new Array<number>(17).fill(0));
    for (let r = 0; r < m.rowCount; r += 1) for (let k = m.offsets[r]!; k < m.offsets[r + 1]!; k += 1) back[r]![m.indices[k]!] = m.values[k]!;
    expect(back).toEqual(dense);
    const t = transpose(m);
    for (let c = 0; c < 17; c += 1) {
      for (let k = t.offsets[c]!; k < t.offsets[c + 1]!; k += 1) expect(t.values[k]).toBe(dense[t.indices[k]!]![c]);
    }
    expect(t.indices.length).toBe(m.indices.length);
  });
});

describe('item-item cosine', () => {
  it('matches brute-force dense cosine on BM25 weights', () => {
    // 12 items × 40 users.
    const dense = randomDense(12, 40, 0.3, 2);
    const weighted = bm25Weight(denseToCsr(dense), { k1: 1.2, b: 0.75 });
    // Independent BM25: straight from the formula on the dense matrix.
    const itemsPerUser = dense[0]!.map((_, u) => dense.filter((row) => row[u]! > 0).length);
    const rowSums = dense.map((row) => row.reduce((s, v) => s + v, 0));
    const avg = rowSums.reduce((s, v) => s + v, 0) / dense.length;
    const w = dense.map((row, i) =>
      row.map((count, u) => {
        if (count === 0) return 0;
        const idf = Math.max(0.05, Math.log(12) - Math.log(1 + itemsPerUser[u]!));
        return ((count * 2.2) / (1.2 * (0.25 + (0.75 * rowSums[i]!) / avg) + count)) * idf;
      }),
    );
    const cosine = (i: number, j: number) => {
      const dot = w[i]!.reduce((s, v, u) => s + v * w[j]![u]!, 0);
      const ni = Math.hypot(...w[i]!);
      const nj = Math.hypot(...w[j]!);
      return dot / (ni * nj);
    };
    const result = cosineNeighbors(weighted, { k: 4, minCommon: 1 });
    for (let i = 0; i < 12; i += 1) {
      const expected = [...Array(12).keys()]
        .filter((j) => j !== i && cosine(i, j) > 0)
        .sort((a, b) => cosine(i, b) - cosine(i, a) || a - b)
        .slice(0, 4);
      const got = [...result.neighbors.subarray(result.offsets[i]!, result.offsets[i + 1]!)];
      expect(got).toEqual(expected);
      got.forEach((j, q) => expect(result.scores[result.offsets[i]! + q]).toBeCloseTo(cosine(i, j), 12));
    }
  });

  it('recovers planted taste groups and beats popularity on a time split', () => {
    const sim = simulatePurchases({ users: 4000, items: 300, groups: 10, meanLines: 8, days: 200, seed: 5 });
    const isTrain = (k: number) => sim.days[k]! < 170;
    const pick = (predicate: (k: number) => boolean) => {
      const idx = [...sim.users.keys()].filter(predicate);
      return csrFromTriplets(idx.map((k) => sim.users[k]!), idx.map((k) => sim.items[k]!), idx.map(() => 1), sim.userCount, sim.itemCount);
    };
    const train = pick(isTrain);
    const test = pick((k) => !isTrain(k));
    const neighbors = cosineNeighbors(bm25Weight(transpose(train), { k1: 1.2, b: 0.75 }), { k: 30, minCommon: 2 });
    // Most nearest neighbours share the item's planted group.
    let sameGroup = 0;
    let total = 0;
    for (let i = 0; i < sim.itemCount; i += 1) {
      const first = neighbors.offsets[i]!;
      if (neighbors.offsets[i + 1]! > first) {
        total += 1;
        if (sim.itemGroup[neighbors.neighbors[first]!] === sim.itemGroup[i]) sameGroup += 1;
      }
    }
    expect(sameGroup / total).toBeGreaterThan(0.8);
    const ranking = popularityRanking(train);
    const model = evaluateTopN(train, test, 10, (_u, owned) => recommendFromNeighbors(neighbors, owned, 10).map((s) => s.item));
    const baseline = evaluateTopN(train, test, 10, (_u, owned) => recommendPopular(ranking, owned, 10).map((s) => s.item));
    expect(model.users).toBe(baseline.users);
    expect(model.users).toBeGreaterThan(100);
    expect(model.hitRate).toBeGreaterThan(baseline.hitRate * 1.2);
    expect(model.precision).toBeGreaterThan(baseline.precision);
  });
});

describe('top-N lookups', () => {
  it('sums neighbour scores and never returns owned or excluded items', () => {
    const neighbors = {
      offsets: Int32Array.from([0, 2, 4, 5, 5]),
      neighbors: Int32Array.from([1, 2, 2, 3, 3]),
      scores: Float64Array.from([0.9, 0.5, 0.4, 0.3, 0.8]),
      common: Int32Array.from([5, 5, 5, 5, 5]),
    };
    // Owned 0 and 1: candidates 2 (0.5 + 0.4) and 3 (0.3); 1 is owned.
    expect(recommendFromNeighbors(neighbors, [0, 1], 10)).toEqual([
      { item: 2, score: 0.9 },
      { item: 3, score: 0.3 },
    ]);
    expect(recommendFromNeighbors(neighbors, [0, 1], 10, (item) => item === 2).map((s) => s.item)).toEqual([3]);
    expect(recommendPopular([3, 2, 1, 0], [3], 2).map((s) => s.item)).toEqual([2, 1]);
  });

  it('ranks frequently-bought-together items by confidence from raw basket counts', () => {
    const rng = createRng(9);
    const baskets = Array.from({ length: 400 }, () => {
      const b = [...Array(8).keys()].filter(() => rng.next() < 0.25);
      if (b.includes(0) && rng.next() < 0.7) b.push(5); // planted pair 0 → 5
      return b;
    });
    const tx = transactionsFromLists(baskets, 8);
    const result = boughtTogether(tx, { k: 3, minCommon: 2 });
    const count = (items: number[]) => baskets.filter((b) => items.every((i) => b.includes(i))).length;
    for (let a = 0; a < 8; a += 1) {
      const expected = [...Array(8).keys()]
        .filter((b) => b !== a && count([a, b]) >= 2 && count([a, b]) / count([a]) / (count([b]) / 400) > 1)
        .sort((x, y) => count([a, y]) - count([a, x]) || x - y)
        .slice(0, 3);
      expect([...result.neighbors.subarray(result.offsets[a]!, result.offsets[a + 1]!)]).toEqual(expected);
    }
    expect(result.neighbors[result.offsets[0]!]).toBe(5);
    expect(result.scores[result.offsets[0]!]).toBeCloseTo(count([0, 5]) / count([0]), 12);
  });
});

describe('TopK', () => {
  it('keeps the same k best as a full sort, ties to the smaller id', async () => {
    const { TopK } = await import('./top-k');
    const rng = createRng(12);
    for (const k of [1, 3, 10, 50]) {
      const items = Array.from({ length: 200 }, (_, id) => ({ id, score: Math.floor(rng.next() * 20) }));
      const top = new TopK(k);
      for (const item of items) top.offer(item.score, item.id, item.id * 2);
      const expected = items.slice().sort((x, y) => y.score - x.score || x.id - y.id).slice(0, k);
      expect(top.sorted().map((e) => [e.id, e.score, e.extra])).toEqual(expected.map((e) => [e.id, e.score, e.id * 2]));
    }
  });
});

describe('NeighborScorer', () => {
  it('ranks exactly like recommendFromNeighbors', async () => {
    const { NeighborScorer } = await import('./top-n');
    const sim = simulatePurchases({ users: 300, items: 80, groups: 4, meanLines: 6, days: 50, seed: 8 });
    const users = csrFromTriplets(sim.users, sim.items, new Float64Array(sim.users.length).fill(1), sim.userCount, sim.itemCount);
    const neighbors = cosineNeighbors(bm25Weight(transpose(users), { k1: 1.2, b: 0.75 }), { k: 10, minCommon: 1 });
    const scorer = new NeighborScorer(neighbors, sim.itemCount);
    for (let u = 0; u < 300; u += 1) {
      const owned = users.indices.subarray(users.offsets[u]!, users.offsets[u + 1]!);
      expect(scorer.topItems(owned, 10)).toEqual(recommendFromNeighbors(neighbors, owned, 10).map((s) => s.item));
    }
  });
});

describe('popularity blend', () => {
  it('is popularity at w = 1 and item-item with best-seller backfill at w = 0', async () => {
    const { NeighborScorer } = await import('./top-n');
    const { popularityPrior } = await import('./blend');
    const sim = simulatePurchases({ users: 400, items: 60, groups: 4, meanLines: 5, days: 50, seed: 21 });
    const users = csrFromTriplets(sim.users, sim.items, new Float64Array(sim.users.length).fill(1), sim.userCount, sim.itemCount);
    const neighbors = cosineNeighbors(bm25Weight(transpose(users), { k1: 1.2, b: 0.75 }), { k: 3, minCommon: 2 });
    const scorer = new NeighborScorer(neighbors, sim.itemCount);
    const ranking = popularityRanking(users);
    const prior = popularityPrior(users);
    // Independent prior: buyers / max buyers.
    const buyers = [...Array(sim.itemCount).keys()].map((i) => new Set([...sim.items.keys()].filter((k) => sim.items[k] === i).map((k) => sim.users[k])).size);
    expect(prior[ranking[0]!]).toBe(1);
    expect(prior[ranking[5]!]).toBeCloseTo(buyers[ranking[5]!]! / Math.max(...buyers), 12);
    for (let u = 0; u < 50; u += 1) {
      const owned = users.indices.subarray(users.offsets[u]!, users.offsets[u + 1]!);
      // w = 1: exactly the popularity baseline (its ties also go to the smaller id).
      expect(scorer.topItems(owned, 10, { weight: 1, prior, ranking })).toEqual(recommendPopular(ranking, owned, 10).map((s) => s.item));
      // w = 0: the item-item list first, then best sellers not already in it.
      const cf = recommendFromNeighbors(neighbors, owned, 10).map((s) => s.item);
      const backfill = ranking.filter((i) => !owned.includes(i) && !cf.includes(i));
      expect(scorer.topItems(owned, 10, { weight: 0, prior, ranking })).toEqual([...cf, ...backfill].slice(0, 10));
    }
  });
});
