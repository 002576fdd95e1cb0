import { createRng, type Rng } from '../core/rng';

/** Points are row-major: point i is data[i*dim .. (i+1)*dim). */
export interface PointSet {
  data: Float64Array;
  count: number;
  dim: number;
}

export interface KMeansResult {
  k: number;
  centroids: number[][];
  labels: Int32Array;
  inertia: number;
  iterations: number;
}

export interface KMeansOptions {
  seed: number;
  /** Independent k-means++ starts; the lowest inertia wins (scikit-learn's n_init). */
  restarts?: number;
  maxIterations?: number;
  onIteration?: () => void;
}

function squaredDistance(points: PointSet, i: number, centroid: readonly number[]): number {
  let sum = 0;
  for (let d = 0; d < points.dim; d += 1) sum += (points.data[i * points.dim + d]! - centroid[d]!) ** 2;
  return sum;
}

/** k-means++ (Arthur & Vassilvitskii 2007): each next centre drawn with probability ∝ D². */
function seedPlusPlus(points: PointSet, k: number, rng: Rng): number[][] {
  const pointAt = (i: number) => Array.from(points.data.subarray(i * points.dim, (i + 1) * points.dim));
  const centroids = [pointAt(Math.floor(rng.next() * points.count))];
  const nearest = new Float64Array(points.count).fill(Infinity);
  while (centroids.length < k) {
    const last = centroids.at(-1)!;
    let total = 0;
    for (let i = 0; i < points.count; i += 1) {
      nearest[i] = Math.min(nearest[i]!, squaredDistance(points, i, last));
      total += nearest[i]!;
    }
    if (total === 0) {
      centroids.push(pointAt(Math.floor(rng.next() * points.count)));
      continue;
    }
    let u = rng.next() * total;
    let chosen = points.count - 1;
    for (let i = 0; i < points.count; i += 1) {
      u -= nearest[i]!;
      if (u <= 0) {
        chosen = i;
        break;
      }
    }
    centroids.push(pointAt(chosen));
  }
  return centroids;
}

function lloyd(points: PointSet, start: number[][], maxIterations: number, onIteration?: () => void): KMeansResult {
  const k = start.length;
  const { dim, count, data } = points;
  // Flat typed arrays in the hot loop: 100k points × 8 centres × ~50 passes.
  const centres = new Float64Array(k * dim);
  start.forEach((c, j) => c.forEach((v, d) => (centres[j * dim + d] = v)));
  const labels = new Int32Array(count).fill(-1);
  const sums = new Float64Array(k * dim);
  const sizes = new Float64Array(k);
  let iterations = 0;
  for (; iterations < maxIterations; iterations += 1) {
    onIteration?.();
    let changed = 0;
    for (let i = 0; i < count; i += 1) {
      const base = i * dim;
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c += 1) {
        let distance = 0;
        for (let d = 0; d < dim; d += 1) {
          const diff = data[base + d]! - centres[c * dim + d]!;
          distance += diff * diff;
        }
        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
      if (labels[i] !== best) {
        labels[i] = best;
        changed += 1;
      }
    }
    // Converged when (almost) nobody moves: a handful of the 100k points flipping between two
    // touching clusters should not cost another hundred passes.
    if (changed <= Math.floor(count * 1e-4)) break;
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < count; i += 1) {
      const c = labels[i]!;
      sizes[c] = sizes[c]! + 1;
      for (let d = 0; d < dim; d += 1) sums[c * dim + d] = sums[c * dim + d]! + data[i * dim + d]!;
    }
    // An emptied cluster keeps its old centre rather than becoming NaN.
    for (let c = 0; c < k; c += 1) if (sizes[c]! > 0) for (let d = 0; d < dim; d += 1) centres[c * dim + d] = sums[c * dim + d]! / sizes[c]!;
  }
  const centroids = Array.from({ length: k }, (_, c) => Array.from(centres.subarray(c * dim, (c + 1) * dim)));
  let inertia = 0;
  for (let i = 0; i < count; i += 1) inertia += squaredDistance(points, i, centroids[labels[i]!]!);
  return { k, centroids, labels, inertia, iterations };
}

/** Deterministic k-means: the same points, k and seed always give the same clusters. */
export function kMeans(points: PointSet, k: number, options: KMeansOptions): KMeansResult {
  if (k < 1 || k > points.count) throw new RangeError(`k must be between 1 and the number of points (${points.count}), got ${k}`);
  const rng = createRng(options.seed);
  let best: KMeansResult | null = null;
  for (let run = 0; run < (options.restarts ?? 4); run += 1) {
    const result = lloyd(points, seedPlusPlus(points, k, rng), options.maxIterations ?? 300, options.onIteration);
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best!;
}

/**
 * Mean silhouette (Rousseeuw 1987) over the given point indices, with distances among those
 * points only (scikit-learn's silhouette_score with sample_size): exact silhouette is O(n²),
 * too slow for 100k customers, and a 2,000-point sample estimates it well.
 */
export function silhouette(points: PointSet, labels: Int32Array, k: number, sample: readonly number[]): number {
  if (k < 2) return 0;
  let total = 0;
  const sumsByCluster = new Float64Array(k);
  const sizesByCluster = new Float64Array(k);
  for (const j of sample) sizesByCluster[labels[j]!] = sizesByCluster[labels[j]!]! + 1;
  for (const i of sample) {
    sumsByCluster.fill(0);
    for (const j of sample) {
      if (i === j) continue;
      let sq = 0;
      for (let d = 0; d < points.dim; d += 1) sq += (points.data[i * points.dim + d]! - points.data[j * points.dim + d]!) ** 2;
      sumsByCluster[labels[j]!] = sumsByCluster[labels[j]!]! + Math.sqrt(sq);
    }
    const own = labels[i]!;
    const ownSize = sizesByCluster[own]! - 1;
    // A point alone in its cluster has silhouette 0 by definition.
    if (ownSize <= 0) continue;
    const a = sumsByCluster[own]! / ownSize;
    let b = Infinity;
    for (let c = 0; c < k; c += 1) if (c !== own && sizesByCluster[c]! > 0) b = Math.min(b, sumsByCluster[c]! / sizesByCluster[c]!);
    if (Number.isFinite(b)) total += (b - a) / Math.max(a, b);
  }
  return sample.length > 0 ? total / sample.length : 0;
}
