import type { PointSet } from './kmeans';

export interface RfmColumns {
  /** Days since the last purchase, at the reference date. */
  recencyDays: Float64Array;
  /** Counted orders. */
  frequency: Float64Array;
  /** Net revenue in currency units. */
  monetary: Float64Array;
}

/**
 * log1p then z-score each of R, F, M. The logs matter: F and M are heavily right-skewed, and
 * without them k-means spends its clusters on the few biggest spenders. Negative monetary
 * values (fully refunded customers) are floored at 0 before the log.
 */
export function standardisedRfm(rfm: RfmColumns): { points: PointSet; means: number[]; sds: number[] } {
  const n = rfm.recencyDays.length;
  const columns = [rfm.recencyDays, rfm.frequency, rfm.monetary].map((col) => Float64Array.from(col, (v) => Math.log1p(Math.max(0, v))));
  const means: number[] = [];
  const sds: number[] = [];
  const data = new Float64Array(n * 3);
  columns.forEach((col, d) => {
    let mean = 0;
    for (let i = 0; i < n; i += 1) mean += col[i]! / n;
    let variance = 0;
    for (let i = 0; i < n; i += 1) variance += (col[i]! - mean) ** 2 / Math.max(1, n - 1);
    const sd = Math.sqrt(variance) || 1;
    means.push(mean);
    sds.push(sd);
    for (let i = 0; i < n; i += 1) data[i * 3 + d] = (col[i]! - mean) / sd;
  });
  return { points: { data, count: n, dim: 3 }, means, sds };
}
