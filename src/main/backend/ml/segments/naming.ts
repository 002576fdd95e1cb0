/**
 * Names clusters from their standardised centroids (zR, zF, zM; low recency = recent). Two
 * questions decide the family: is the cluster recent (zR < 0)? is it valuable (zF + zM > 0)?
 *   recent & valuable → Champions, then Loyal, Potential loyalists
 *   recent & low value → New customers, then Promising
 *   lapsed & valuable → At risk, then Can't lose them
 *   lapsed & low value → Hibernating, then Lost
 * Within a family the most valuable cluster takes the first name, so names stay unique.
 */
const FAMILIES: Record<string, string[]> = {
  recentValuable: ['Champions', 'Loyal', 'Potential loyalists'],
  recentLow: ['New customers', 'Promising', 'Need attention'],
  lapsedValuable: ['At risk', "Can't lose them", 'About to sleep'],
  lapsedLow: ['Hibernating', 'Lost', 'Dormant'],
};

export function nameClusters(centroids: readonly (readonly number[])[]): string[] {
  const value = (c: readonly number[]) => c[1]! + c[2]!;
  const familyOf = (c: readonly number[]) => `${c[0]! < 0 ? 'recent' : 'lapsed'}${value(c) > 0 ? 'Valuable' : 'Low'}`;
  const names = new Array<string>(centroids.length);
  const byFamily = new Map<string, number[]>();
  centroids.forEach((c, i) => byFamily.set(familyOf(c), [...(byFamily.get(familyOf(c)) ?? []), i]));
  for (const [family, members] of byFamily) {
    const ordered = members.sort((i, j) => value(centroids[j]!) - value(centroids[i]!) || centroids[i]![0]! - centroids[j]![0]!);
    const pool = FAMILIES[family]!;
    ordered.forEach((cluster, rank) => (names[cluster] = pool[rank] ?? `${pool[pool.length - 1]} ${rank - pool.length + 2}`));
  }
  return names;
}
