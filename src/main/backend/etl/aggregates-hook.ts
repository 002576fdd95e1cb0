import { refreshAnalyticsAggregates } from '../analytics/aggregates/refresh';
import type { Db } from '../db/open';
import { AGGREGATE_DAYS, REFUND_ONLY_DAYS, RETURN_DAYS } from './transform/aggregate-days';
import { CHANGED_CUSTOMER_KEYS, type TransformOutcome } from './transform/transform';

/**
 * The analytics engineer's pre-aggregates follow the facts: refreshed for the days a transform
 * changed in what they read, for the order days that changed only in their refunds, and for the
 * customers it changed, inside the import's transaction so dashboards never see facts and
 * aggregates disagree.
 */
export function refreshAggregatesAfterTransform(db: Db, transform: TransformOutcome, onStart: () => void = () => undefined): void {
  const { aggregateFrom, aggregateTo, touchedFrom, touchedTo } = transform;
  if (touchedFrom === null || touchedTo === null) return;
  onStart();
  // A run that changed only returns and refunds has no day to rebuild whole: the last fact day
  // stands in (one day of the line pass), and the return and refund days do the rest.
  const range = aggregateFrom !== null && aggregateTo !== null ? { fromDate: aggregateFrom, toDate: aggregateTo } : { fromDate: touchedTo, toDate: touchedTo };
  refreshAnalyticsAggregates(db, {
    ...range,
    days: aggregateFrom !== null ? AGGREGATE_DAYS : undefined,
    changedCustomerKeys: CHANGED_CUSTOMER_KEYS,
    refundOnlyDays: REFUND_ONLY_DAYS,
    returnDays: RETURN_DAYS,
  });
}
