import { refreshAnalyticsAggregates } from '../analytics/aggregates/refresh';
import type { Db } from '../db/open';
import { CHANGED_CUSTOMER_KEYS, type TransformOutcome } from './transform/transform';

/**
 * The analytics engineer's pre-aggregates follow the facts: refreshed for the days a transform
 * touched, and for the customers it changed, inside the import's transaction so dashboards never
 * see facts and aggregates disagree.
 */
export function refreshAggregatesAfterTransform(db: Db, transform: TransformOutcome, onStart: () => void = () => undefined): void {
  if (transform.touchedFrom === null || transform.touchedTo === null) return;
  onStart();
  refreshAnalyticsAggregates(db, { fromDate: transform.touchedFrom, toDate: transform.touchedTo, changedCustomerKeys: CHANGED_CUSTOMER_KEYS });
}
