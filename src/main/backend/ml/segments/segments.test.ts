import { describe, expect, it } from 'vitest';
import { createRng, normal } from '../core/rng';
import { kMeans, silhouette, type PointSet } from './kmeans';
import { nameClusters } from './naming';
import { standardisedRfm } from './rfm';

function blobs(centres: number[][], perBlob: number, spread: number, seed: number): { points: PointSet; truth: Int32Array } {
  const rng = createRng(seed);
  const dim = centres[0]!.length;
  const count = centres.length * perBlob;
  const data = new Float64Array(count * dim);
  const truth = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    const c = i % centres.length;
    truth[i] = c;
    for (let d = 0; d < dim; d += 1) data[i * dim + d] = centres[c]![d]! + spread * normal(rng);
  }
  return { points: { data, count, dim }, truth };
}

/** Silhouette from its definition, over every point (no shortcuts shared with the code). */
function bruteSilhouette(points: PointSet, labels: Int32Array): number {
  const dist = (i: number, j: number) => {
    let s = 0;
    for (let d = 0; d < points.dim; d += 1) s += (points.data[i * points.dim + d]! - points.data[j * points.dim + d]!) ** 2;
    return Math.sqrt(s);
  };
  const clusters = [...new Set(labels)];
  let total = 0;
  for (let i = 0; i < points.count; i += 1) {
    const meanTo = (c: number) => {
      const members = [...labels.keys()].filter((j) => labels[j] === c && j !== i);
      return members.reduce((s, j) => s + dist(i, j), 0) / members.length;
    };
    const ownCount = labels.filter((l) => l === labels[i]).length;
    if (ownCount === 1) continue;
    const a = meanTo(labels[i]!);
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map(meanTo));
    total += (b - a) / Math.max(a, b);
  }
  return total / points.count;
}

describe('kMeans', () => {
  it('finds well-separated blobs exactly and is deterministic for a seed', () => {
    const { points, truth } = blobs([[0, 0, 0], [6, 0, 0], [0, 6, 6]], 150, 0.7, 1);
    const first = kMeans(points, 3, { seed: 42 });
    const again = kMeans(points, 3, { seed: 42 });
    expect([...again.labels]).toEqual([...first.labels]);
    // Same partition as the truth, up to relabelling.
    const mapping = new Map<number, number>();
    for (let i = 0; i < points.count; i += 1) {
      const seen = mapping.get(truth[i]!);
      if (seen === undefined) mapping.set(truth[i]!, first.labels[i]!);
      else expect(first.labels[i]).toBe(seen);
    }
    expect(new Set(mapping.values()).size).toBe(3);
  });

  it('computes the silhouette of its definition and prefers the true k', () => {
    const { points } = blobs([[0, 0], [5, 5], [0, 8]], 40, 0.8, 2);
    const all = [...Array(points.count).keys()];
    for (const k of [2, 3, 4]) {
      const result = kMeans(points, k, { seed: 7 });
      expect(silhouette(points, result.labels, k, all)).toBeCloseTo(bruteSilhouette(points, result.labels), 10);
    }
    const scores = [2, 3, 4, 5].map((k) => silhouette(points, kMeans(points, k, { seed: 7 }).labels, k, all));
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });
});

describe('RFM features and names', () => {
  it('log-scales and standardises each column', () => {
    const rfm = { recencyDays: Float64Array.from([1, 10, 100, 1000]), frequency: Float64Array.from([1, 2, 3, 40]), monetary: Float64Array.from([-5, 20, 300, 9000]) };
    const { points } = standardisedRfm(rfm);
    for (let d = 0; d < 3; d += 1) {
      const col = [0, 1, 2, 3].map((i) => points.data[i * 3 + d]!);
      expect(col.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
      expect(col.reduce((s, v) => s + v * v, 0) / 3).toBeCloseTo(1, 12);
    }
    // Negative money is floored at zero before log1p: the first customer sits at log1p(0).
    const logs = [0, Math.log1p(20), Math.log1p(300), Math.log1p(9000)];
    const m = logs.reduce((s, v) => s + v, 0) / 4;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - m) ** 2, 0) / 3);
    expect(points.data[2]).toBeCloseTo((0 - m) / sd, 12);
  });

  it('names clusters from their centroids, uniquely', () => {
    const names = nameClusters([
      [-1, 1.5, 1.2], // recent, frequent, big spenders
      [1.2, -1, -1], // long gone, low value
      [0.8, 0.9, 1.0], // lapsed but valuable
      [-0.9, -0.8, -0.6], // recent first-timers
      [-0.5, 0.4, 0.3], // recent, valuable but less so
    ]);
    expect(names).toEqual(['Champions', 'Hibernating', 'At risk', 'New customers', 'Loyal']);
  });
});
