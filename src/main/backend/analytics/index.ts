/**
 * The analytics engine: one function per view, each `(db, filters, options) => Result`. The UI
 * (through handlers/analytics.ts), the local API, the reports and `storelens query` all call
 * these, so a number is computed in exactly one place.
 */
export { clearAnalyticsAggregates, refreshAnalyticsAggregates, rebuildAllAnalyticsAggregates } from './aggregates/refresh';
export { resolveScope, type Scope } from './scope';
export { filterOptions } from './filter-options';
export { overview } from './overview';
export { revenueDaily, revenueMonthly, revenueWeekly } from './revenue';
export { breakdown, regionCategoryHeatmap, categoryMargin, seasonality } from './breakdowns';
export { bestSellers, productRatings } from './products';
export { inventoryStatus, inventoryAlerts } from './inventory';
export { inventoryRisk } from './inventory-risk';
export { topCustomers, topCustomersByRegion } from './customers';
export { customerDetail } from './customer-detail';
export { productDetail } from './product-detail';
export { rfm } from './rfm';
export { ltvSegments } from './ltv-segments';
export { cohortRetention, cohortLtv } from './cohorts';
export { ANALYTICS_VIEWS, describeViews, findView, type AnalyticsView } from './view-registry';
