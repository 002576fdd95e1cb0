import type { LtvSegmentsResult, LtvTier, ParsedFilters } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { customerBase } from './customer-base';
import { metaOf, resolveScope, toUnits } from './scope';

/** Default tier bounds: the 50th, 80th and 95th percentile of historical CLV (nearest rank). */
export const LTV_QUANTILES = [0.5, 0.8, 0.95] as const;
const TIERS = ['Bronze', 'Silver', 'Gold', 'Platinum'] as const;

export function nearestRank(sortedAscending: readonly number[], q: number): number {
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
  const values = customerBase(db, scope).map((c) => c.lifetimeNet);
  if (values.length === 0) return { meta: metaOf(scope, true), thresholdSource, tiers: [] };
  const sorted = [...values].sort((a, b) => a - b);
  const boundsCents = options.thresholds
    ? [...options.thresholds].sort((a, b) => a - b).map((t) => Math.round(t * 100))
    : LTV_QUANTILES.map((q) => nearestRank(sorted, q));
  const tierOf = (cents: number): number => boundsCents.filter((b) => cents >= b).length;
  const tiers: LtvTier[] = TIERS.map((tier, i) => {
    const members = values.filter((v) => tierOf(v) === i);
    const total = members.reduce((s, v) => s + v, 0);
    return {
      tier,
      minNetRevenue: i === 0 ? null : toUnits(boundsCents[i - 1]),
      customers: members.length,
      netRevenue: toUnits(total),
      avgNetRevenue: members.length > 0 ? toUnits(total / members.length) : 0,
    };
  });
  return { meta: metaOf(scope, false), thresholdSource, tiers };
}
