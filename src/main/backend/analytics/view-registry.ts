import { analyticsContract, type AnalyticsViewInfo } from '../../../shared/contract/analytics';
import type { MetricId } from '../../../shared/metrics';
import type { Db } from '../db/open';
import { breakdown, categoryMargin, regionCategoryHeatmap, seasonality } from './breakdowns';
import { cohortLtv, cohortRetention } from './cohorts';
import { customerDetail } from './customer-detail';
import { topCustomers, topCustomersByRegion } from './customers';
import { filterOptions } from './filter-options';
import { inventoryAlerts, inventoryStatus } from './inventory';
import { inventoryRisk } from './inventory-risk';
import { ltvSegments } from './ltv-segments';
import { OVERVIEW_METRICS, overview } from './overview';
import { productDetail } from './product-detail';
import { bestSellers, productRatings } from './products';
import { revenueDaily, revenueMonthly, revenueWeekly } from './revenue';
import { rfm } from './rfm';

type AnalyticsMethod = Exclude<keyof typeof analyticsContract, 'analytics.views'>;

/** A view as `storelens query` and the docs see it: the contract method it is, and how to run it. */
export interface AnalyticsView {
  view: string;
  method: AnalyticsMethod;
  description: string;
  params: { name: string; description: string }[];
  metricIds: MetricId[];
  /** Validates raw arguments with the method's contract schema, then calls the engine function. */
  run(db: Db, rawArgs: unknown): unknown;
}

const FILTER_PARAMS = [{ name: 'filters', description: 'from, to (YYYY-MM-DD), compare, region[], category[], channel[], segment[], currency' }];

function define<M extends AnalyticsMethod>(
  view: string,
  method: M,
  description: string,
  extraParams: [string, string][],
  metricIds: readonly MetricId[],
  call: (db: Db, args: ReturnType<(typeof analyticsContract)[M]['args']['parse']>) => unknown,
  hasFilters = true,
): AnalyticsView {
  return {
    view,
    method,
    description,
    params: [...(hasFilters ? FILTER_PARAMS : []), ...extraParams.map(([name, text]) => ({ name, description: text }))],
    metricIds: [...metricIds],
    run: (db, rawArgs) => call(db, analyticsContract[method].args.parse(rawArgs ?? {}) as ReturnType<(typeof analyticsContract)[M]['args']['parse']>),
  };
}

export const ANALYTICS_VIEWS: readonly AnalyticsView[] = [
  define('filter-options', 'analytics.filterOptions', 'regions, categories, channels, segments, currencies and the data date range', [], [], (db) => filterOptions(db), false),
  define('overview', 'analytics.overview', 'KPI tiles with the previous period and the change', [], OVERVIEW_METRICS, (db, a) => overview(db, a.filters)),
  define('revenue-daily', 'analytics.revenueDaily', 'daily net sales with 7-day average and cumulative', [], ['gross_sales', 'net_sales', 'orders', 'net_sales_ma7', 'net_sales_cumulative'], (db, a) => revenueDaily(db, a.filters)),
  define('revenue-weekly', 'analytics.revenueWeekly', 'weekly gross, discounts, returns, net sales and cumulative', [['weekStart', 'monday | sunday (default monday)']], ['gross_sales', 'discounts', 'refunds', 'net_sales', 'orders', 'net_sales_cumulative'], (db, a) => revenueWeekly(db, a.filters, a.weekStart)),
  define('revenue-monthly', 'analytics.revenueMonthly', 'monthly gross, discounts, returns, net sales and cumulative', [], ['gross_sales', 'discounts', 'refunds', 'net_sales', 'orders', 'net_sales_cumulative'], (db, a) => revenueMonthly(db, a.filters)),
  define('breakdown', 'analytics.breakdown', 'line net sales by one dimension with shares', [['dimension', 'category | channel | region | segment (required)']], ['gross_sales', 'discounts', 'line_net_sales', 'units', 'orders'], (db, a) => breakdown(db, a.filters, a.dimension)),
  define('region-category', 'analytics.regionCategoryHeatmap', 'region × category heatmap with RANK() within region and the top category', [], ['line_net_sales'], (db, a) => regionCategoryHeatmap(db, a.filters)),
  define('category-margin', 'analytics.categoryMargin', 'category margin by month (price − cost of the version valid then)', [], ['line_net_sales', 'margin', 'margin_rate'], (db, a) => categoryMargin(db, a.filters)),
  define('seasonality', 'analytics.seasonality', 'category × calendar month heatmap', [], ['line_net_sales'], (db, a) => seasonality(db, a.filters)),
  define('best-sellers', 'analytics.bestSellers', 'best-selling products', [['by', 'revenue | units'], ['limit', 'rows (default 20)']], ['line_net_sales', 'units'], (db, a) => bestSellers(db, a.filters, a)),
  define('product-ratings', 'analytics.productRatings', 'product sales vs average rating (scatter)', [['limit', 'points (default 500)']], ['line_net_sales', 'units', 'avg_rating'], (db, a) => productRatings(db, a.filters, a)),
  define('inventory', 'analytics.inventoryStatus', 'stock on the latest day, days of cover, at-risk flag; region, channel and segment filters list the SKUs sold under them in the range', [['onlyAtRisk', 'true to list at-risk SKUs only'], ['limit', 'rows']], ['at_risk_skus', 'days_of_cover'], (db, a) => inventoryStatus(db, a.filters, a)),
  define('inventory-risk', 'analytics.inventoryRisk', 'SKUs at risk on each day with the alerts raised and resolved, from the alert episodes; region, channel and segment filters keep the SKUs sold under them in the range', [], ['at_risk_skus'], (db, a) => inventoryRisk(db, a.filters)),
  define('inventory-alerts', 'analytics.inventoryAlerts', 'alert history with thresholds; region, channel and segment filters keep the SKUs sold under them in the range', [['status', 'open | all'], ['limit', 'rows']], ['at_risk_skus'], (db, a) => inventoryAlerts(db, a.filters, a)),
  define('top-customers', 'analytics.topCustomers', 'customers ranked by net revenue; sortable, searchable, paged', [['search', 'text in id, name or e-mail'], ['sort', 'net_revenue | orders | first_order | last_order | name | clv'], ['direction', 'asc | desc'], ['offset', 'rows to skip'], ['limit', 'rows (default 50)']], ['orders', 'clv_historical'], (db, a) => topCustomers(db, a.filters, a)),
  define('top-customers-by-region', 'analytics.topCustomersByRegion', 'top N customers per region', [['perRegion', 'N (default 5)']], ['orders', 'clv_historical'], (db, a) => topCustomersByRegion(db, a.filters, a)),
  define('customer', 'analytics.customerDetail', 'one customer: orders, lines, returns, reviews', [['customerId', 'the customer id (required)']], ['clv_historical'], (db, a) => customerDetail(db, a.customerId), false),
  define('product', 'analytics.productDetail', 'one SKU: SCD-2 versions, stock, sales, rating', [['sku', 'the SKU (required)']], ['avg_rating'], (db, a) => productDetail(db, a.sku), false),
  define('rfm', 'analytics.rfm', 'RFM quintile scores and named segments', [['limit', 'customer rows (default 2000)']], ['recency_days', 'frequency', 'monetary'], (db, a) => rfm(db, a.filters, a)),
  define('ltv-segments', 'analytics.ltvSegments', 'Bronze/Silver/Gold/Platinum by historical CLV', [['thresholds', 'three ascending lower bounds for Silver, Gold, Platinum (JSON array)']], ['clv_historical'], (db, a) => ltvSegments(db, a.filters, a)),
  define('cohort-retention', 'analytics.cohortRetention', 'monthly cohort retention matrix and survival curves (every filter applies to activity; cohorts are by first purchase in any currency)', [['maxOffset', 'months after the first (default 12)']], ['cohort_retention'], (db, a) => cohortRetention(db, a.filters, a)),
  define('cohort-ltv', 'analytics.cohortLtv', '7/30/90-day cohort LTV and retention by first-purchase month (fct_cohort_ltv); region and segment pick the cohort\'s customers, channel and category the channel and categories of their first order', [['windowDays', '7 | 30 | 90']], ['cohort_ltv', 'cohort_window_retention'], (db, a) => cohortLtv(db, a.filters, a)),
];

export function findView(name: string): AnalyticsView | undefined {
  return ANALYTICS_VIEWS.find((v) => v.view === name || v.method === name);
}

export function describeViews(): AnalyticsViewInfo[] {
  return ANALYTICS_VIEWS.map(({ view, method, description, params, metricIds }) => ({ view, method, description, params, metricIds }));
}
