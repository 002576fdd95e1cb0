import { refreshAnalyticsAggregates } from '../analytics/aggregates/refresh';
import type { Db } from '../db/open';

/**
 * The analytics engineer's pre-aggregates follow the facts: refreshed for the days an import
 * touched, inside the import's transaction so dashboards never see facts and aggregates disagree.
 */
export function refreshAggregatesIfAvailable(db: Db, range: { fromDate: string; toDate: string }): void {
  refreshAnalyticsAggregates(db, range);
}
