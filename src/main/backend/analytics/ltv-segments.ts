import type { LtvSegmentsResult, LtvTier, ParsedFilters } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerBase } from './customer-base';
import { lifetimeNet } from './customer-lifetimes';
import { metaOf, resolveScope, toUnits } from './scope';

/** Default tier bounds: the 50th, 80th and 95th percentile of historical CLV (nearest rank). */
export const LTV_QUANTILES = [0.5, 0.8, 0.95] as const;
const TIERS = ['Bronze', 'Silver', 'Gold', 'Platinum'] as const;

export function nearestRank(sortedAscending: ArrayLike<number>, q: number): number {
  const index = Math.max(0, Math.ceil(q * sortedAscending.length) - 1);
  return sortedAscending[index] ?? 0;
}

/**
 * Customers active in the range, tiered by historical CLV (lifetime net in the currency).
 * The bounds are returned with the result so the UI can show them.
 */
export function ltvSegments(db: Db, filters: ParsedFilters, options: { thresholds?: [number, number, number] | undefined }): LtvSegmentsResult {
  const scope = resolveScope(db, filters);
  const thresholdSource = options.thresholds ? 'custom' : 'quantiles';
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), thresholdSource, tiers: [] };
  const base = customerBase(db, scope);
  if (!base || base.keys.length === 0) return { meta: metaOf(scope, true), thresholdSource, tiers: [] };
  const lifetime = lifetimeNet(db, scope.currency);
  const sorted = Float64Array.from(base.keys, (key) => lifetime[key] ?? 0).sort();
  const boundsCents = options.thresholds
    ? [...options.thresholds].sort((a, b) => a - b).map((t) => Math.round(t * 100))
    : LTV_QUANTILES.map((q) => nearestRank(sorted, q));
  const counts = [0, 0, 0, 0];
  const totals = [0, 0, 0, 0];
  for (const cents of sorted) {
    const tier = boundsCents.filter((b) => cents >= b).length;
    counts[tier] = (counts[tier] ?? 0) + 1;
    totals[tier] = (totals[tier] ?? 0) + cents;
  }
  const tiers: LtvTier[] = TIERS.map((tier, i) => {
    const customers = counts[i] ?? 0;
    const total = totals[i] ?? 0;
    return {
      tier,
      minNetRevenue: i === 0 ? null : toUnits(boundsCents[i - 1]),
      customers,
      netRevenue: toUnits(total),
      avgNetRevenue: customers > 0 ? toUnits(total / customers) : 0,
    };
  });
  return { meta: metaOf(scope, false), thresholdSource, tiers };
}
