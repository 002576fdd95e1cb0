import type { SegmentDto } from '../../../../shared/contract/models';
import { createRng, shuffled } from '../core/rng';
import type { CustomerOrders } from '../warehouse/load';
import { kMeans, silhouette } from './kmeans';
import { nameClusters } from './naming';
import { standardisedRfm } from './rfm';

export interface SegmentOptions {
  /** Fixed k; when absent k is chosen by silhouette among `candidates`. */
  k?: number;
  candidates: number[];
  seed: number;
  /** Silhouette is estimated on this many customers (exact silhouette is O(n²)). */
  silhouetteSample: number;
}

export interface SegmentMember {
  customerKey: number;
  cluster: number;
  recencyDays: number;
  frequency: number;
  monetaryCents: number;
}

export interface TrainedSegments {
  referenceDay: number;
  k: number;
  silhouettes: { k: number; silhouette: number }[];
  segments: SegmentDto[];
  members: SegmentMember[];
}

/** The default k when silhouettes are within this of the best: 4 segments read well on a page. */
const PREFERRED_K = 4;
const SILHOUETTE_TIE = 0.01;

export function trainSegments(orders: CustomerOrders, options: SegmentOptions, check: () => void): TrainedSegments {
  // RFM per customer at the reference date (the last order date in the data).
  let referenceDay = -Infinity;
  for (let i = 0; i < orders.length; i += 1) referenceDay = Math.max(referenceDay, orders.days[i]!);
  const members: SegmentMember[] = [];
  for (let i = 0; i < orders.length; ) {
    const key = orders.customerKeys[i]!;
    let last = -Infinity;
    let count = 0;
    let money = 0;
    for (; i < orders.length && orders.customerKeys[i] === key; i += 1) {
      last = Math.max(last, orders.days[i]!);
      count += 1;
      money += orders.netCents[i]!;
    }
    members.push({ customerKey: key, cluster: -1, recencyDays: referenceDay - last, frequency: count, monetaryCents: money });
  }
  const { points } = standardisedRfm({
    recencyDays: Float64Array.from(members, (m) => m.recencyDays),
    frequency: Float64Array.from(members, (m) => m.frequency),
    monetary: Float64Array.from(members, (m) => m.monetaryCents / 100),
  });
  const sample = shuffled(createRng(options.seed), [...Array(points.count).keys()]).slice(0, options.silhouetteSample);
  const tried = (options.k !== undefined ? [...new Set([...options.candidates, options.k])] : options.candidates).filter((k) => k >= 2 && k <= points.count).sort((a, b) => a - b);
  const fits = tried.map((k) => {
    const fit = kMeans(points, k, { seed: options.seed, onIteration: check });
    return { k, fit, silhouette: silhouette(points, fit.labels, k, sample) };
  });
  const best = Math.max(...fits.map((f) => f.silhouette));
  const chosen =
    (options.k !== undefined ? fits.find((f) => f.k === options.k) : undefined) ??
    fits.find((f) => f.k === PREFERRED_K && f.silhouette >= best - SILHOUETTE_TIE) ??
    fits.find((f) => f.silhouette === best);
  if (!chosen) throw new RangeError('Segmentation needs at least 2 customers.');

  const names = nameClusters(chosen.fit.centroids);
  members.forEach((m, i) => (m.cluster = chosen.fit.labels[i]!));
  const totalRevenue = members.reduce((s, m) => s + Math.max(0, m.monetaryCents), 0);
  const segments: SegmentDto[] = chosen.fit.centroids.map((centroid, cluster) => {
    const inCluster = members.filter((m) => m.cluster === cluster);
    const size = inCluster.length;
    const avg = (f: (m: SegmentMember) => number) => (size > 0 ? inCluster.reduce((s, m) => s + f(m), 0) / size : 0);
    return {
      cluster,
      name: names[cluster]!,
      size,
      customerShare: size / members.length,
      revenueShare: totalRevenue > 0 ? inCluster.reduce((s, m) => s + Math.max(0, m.monetaryCents), 0) / totalRevenue : 0,
      meanRecencyDays: avg((m) => m.recencyDays),
      meanFrequency: avg((m) => m.frequency),
      meanMonetary: avg((m) => m.monetaryCents) / 100,
      centroid: { recency: centroid[0]!, frequency: centroid[1]!, monetary: centroid[2]! },
    };
  });
  return {
    referenceDay,
    k: chosen.k,
    silhouettes: fits.map((f) => ({ k: f.k, silhouette: f.silhouette })),
    segments: segments.sort((a, b) => b.revenueShare - a.revenueShare),
    members,
  };
}
