import { z } from 'zod';
import { method } from './define';

/**
 * Analytics: every dashboard view, the local API and the reports read these methods. Money is
 * in currency units (numbers) of ONE currency per result (`meta.currency`): the app never adds
 * currencies together. Each numeric field that is shown names its metric id from
 * src/shared/metrics.ts, so the UI can show the definition.
 */

const isoDate = z.iso.date();
const names = z.array(z.string().min(1).max(200)).max(200).default([]);

export const COMPARE_MODES = ['previous_period', 'none'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

/** The one filter object every view takes. Omitted dates mean the data's whole date range. */
export const FiltersSchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    compare: z.enum(COMPARE_MODES).default('previous_period'),
    region: names,
    category: names,
    channel: names,
    /** dim_customer.segment (the shop's own customer segment, e.g. "retail", "wholesale"). */
    segment: names,
    /** ISO 4217 code; default: the warehouse's dominant currency (most counted orders). */
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  })
  .strict()
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: 'from must be on or before to',
    path: ['from'],
  });

export type Filters = z.input<typeof FiltersSchema>;
export type ParsedFilters = z.output<typeof FiltersSchema>;

export interface DateRange {
  from: string;
  to: string;
}

/** Present on every view result: what was actually computed, and why it is empty if it is. */
export interface ResultMeta {
  currency: string | null;
  /** Currencies that have data in the warehouse; the UI offers a switch when more than one. */
  availableCurrencies: string[];
  range: DateRange | null;
  previousRange: DateRange | null;
  /** null when there is data; otherwise a sentence saying why the result is empty. */
  emptyReason: string | null;
}

/** Column-oriented rows, also what ECharts' dataset.source takes. */
export interface Columnar {
  columns: string[];
  rows: (string | number | boolean | null)[][];
}

export interface FilterOptions {
  regions: string[];
  categories: string[];
  channels: { code: string; label: string }[];
  segments: string[];
  currencies: { code: string; orders: number }[];
  defaultCurrency: string | null;
  dataRange: DateRange | null;
}

export interface KpiValue {
  metricId: string;
  value: number | null;
  previous: number | null;
  /** Relative change (0.1 = +10 %) for currency/count metrics; absolute difference for percent/ratio metrics. */
  change: number | null;
}

export interface OverviewResult {
  meta: ResultMeta;
  kpis: KpiValue[];
}

/** columns: date, gross_sales, net_sales, orders, net_sales_ma7, net_sales_cumulative */
export interface RevenueDailyResult {
  meta: ResultMeta;
  series: Columnar;
}

/** columns: month, gross_sales, discounts, refunds, net_sales, orders, net_sales_cumulative */
export interface RevenueMonthlyResult {
  meta: ResultMeta;
  series: Columnar;
}

export const WEEK_STARTS = ['monday', 'sunday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

/** columns: week (its first day), gross_sales, discounts, refunds, net_sales, orders, net_sales_cumulative */
export interface RevenueWeeklyResult {
  meta: ResultMeta;
  series: Columnar;
}

export const BREAKDOWN_DIMENSIONS = ['category', 'channel', 'region', 'segment'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** columns: key, label, gross_sales, discounts, net_sales, units, orders, share (of line net sales) */
export interface BreakdownResult {
  meta: ResultMeta;
  dimension: BreakdownDimension;
  series: Columnar;
}

/** cells columns: region, category, net_sales, rank_in_region (RANK() by net sales, 1 = top) */
export interface RegionCategoryHeatmapResult {
  meta: ResultMeta;
  regions: string[];
  categories: string[];
  cells: Columnar;
  topCategoryByRegion: { region: string; category: string; netSales: number }[];
}

/** columns: month, category, net_sales, cost, margin, margin_rate */
export interface CategoryMarginResult {
  meta: ResultMeta;
  series: Columnar;
}

/** cells columns: category, month_of_year (1–12), net_sales, share_of_category (0–1) */
export interface SeasonalityResult {
  meta: ResultMeta;
  categories: string[];
  cells: Columnar;
}

/** columns: sku, name, category, net_sales, units, orders, rank */
export interface BestSellersResult {
  meta: ResultMeta;
  by: 'revenue' | 'units';
  series: Columnar;
}

/** columns: sku, name, category, net_sales, units, avg_rating, reviews */
export interface ProductRatingsResult {
  meta: ResultMeta;
  points: Columnar;
}

/** columns: sku, name, category, on_hand, allocated, available, reorder_point, avg_daily_units, days_of_cover, is_at_risk */
export interface InventoryStatusResult {
  meta: ResultMeta;
  asOf: string | null;
  atRiskCount: number;
  items: Columnar;
}

/** columns: alert_id, sku, name, raised_date, on_hand, allocated, reorder_point, status, resolved_date, days_open */
/** Per day: date, at_risk_skus, alerts_raised, alerts_resolved. */
export interface InventoryRiskResult {
  meta: ResultMeta;
  series: Columnar;
}

export interface InventoryAlertsResult {
  meta: ResultMeta;
  openCount: number;
  alerts: Columnar;
}

export const CUSTOMER_SORT_KEYS = ['net_revenue', 'orders', 'first_order', 'last_order', 'name', 'clv'] as const;
export type CustomerSortKey = (typeof CUSTOMER_SORT_KEYS)[number];

export interface CustomerRow {
  customerId: string;
  name: string | null;
  email: string | null;
  region: string | null;
  segment: string | null;
  orders: number;
  netRevenue: number;
  firstOrder: string | null;
  lastOrder: string | null;
  /** Historical CLV: lifetime net revenue (all dates, filters' currency), not a prediction. */
  clv: number;
  rank: number;
}

export interface TopCustomersResult {
  meta: ResultMeta;
  total: number;
  offset: number;
  limit: number;
  rows: CustomerRow[];
}

export interface TopCustomersByRegionResult {
  meta: ResultMeta;
  perRegion: number;
  regions: { region: string; customers: CustomerRow[] }[];
}

export interface CustomerDetail {
  customerId: string;
  name: string | null;
  email: string | null;
  region: string | null;
  country: string | null;
  city: string | null;
  segment: string | null;
  signupDate: string | null;
  firstOrder: string | null;
  lastOrder: string | null;
  /** Per currency, lifetime, counted orders only. */
  totals: { currency: string; orders: number; netRevenue: number; refunds: number }[];
  orders: {
    orderId: string;
    orderDate: string;
    status: string;
    channel: string | null;
    currency: string;
    gross: number;
    discount: number;
    tax: number;
    shipping: number;
    refunds: number;
    net: number;
    isCounted: boolean;
    lines: { lineNo: number; sku: string; name: string | null; quantity: number; unitPrice: number; net: number }[];
  }[];
  /** Refund in the order's currency; name is the product's current name. */
  returns: { orderId: string; sku: string; name: string | null; currency: string; quantity: number; returnDate: string; refund: number; refundRule: string; reason: string | null }[];
  reviews: { reviewId: string; sku: string; name: string | null; rating: number; body: string | null; reviewDate: string }[];
}

export interface ProductDetail {
  sku: string;
  name: string | null;
  category: string | null;
  brand: string | null;
  supplier: string | null;
  /** SCD-2 versions, oldest first; validTo exclusive, null while current. */
  versions: { productKey: number; validFrom: string; validTo: string | null; listPrice: number | null; cost: number | null; isCurrent: boolean }[];
  stock: { asOf: string; onHand: number; allocated: number; reorderPoint: number; isAtRisk: boolean } | null;
  /** columns: date, on_hand, allocated, reorder_point (last 90 days of the inventory history) */
  stockHistory: Columnar;
  sales: { currency: string; units: number; netSales: number; orders: number }[];
  rating: { average: number | null; reviews: number };
}

export const RFM_SEGMENTS = [
  'Champions',
  'Loyal',
  'Potential loyalist',
  'New customers',
  'Promising',
  'Need attention',
  'About to sleep',
  'At risk',
  "Can't lose them",
  'Hibernating',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmResult {
  meta: ResultMeta;
  /** Recency is measured to this date (the end of the range). */
  asOf: string | null;
  segments: { segment: RfmSegment; customers: number; netRevenue: number; avgRecencyDays: number; avgFrequency: number }[];
  /** columns: customer_id, name, recency_days, frequency, monetary, r, f, m, segment (up to `limit` rows, highest monetary first) */
  customers: Columnar;
  totalCustomers: number;
}

export interface LtvTier {
  tier: 'Bronze' | 'Silver' | 'Gold' | 'Platinum';
  /** Inclusive lower bound of lifetime net revenue, in currency units; null for the lowest tier. */
  minNetRevenue: number | null;
  customers: number;
  netRevenue: number;
  avgNetRevenue: number;
}

export interface LtvSegmentsResult {
  meta: ResultMeta;
  /** How the thresholds were chosen: given by the caller, or revenue quantiles 50/80/95 %. */
  thresholdSource: 'quantiles' | 'custom';
  tiers: LtvTier[];
}

export interface CohortRetentionResult {
  meta: ResultMeta;
  /** Month offsets 0..N shown as columns. */
  offsets: number[];
  cohorts: {
    cohortMonth: string;
    customers: number;
    /** Share (0–1) of the cohort with a counted order in month `offset`; null where the month is not over yet. */
    retention: (number | null)[];
    isComplete: boolean[];
  }[];
  /** Share of customers still active at or after each offset (any later order), averaged over complete cells, weighted by cohort size. */
  survival: { offset: number; share: number | null; cohorts: number }[];
}

export interface CohortLtvResult {
  meta: ResultMeta;
  /** columns: cohort_month, window_days, customers, retained_customers, retention_rate, revenue, ltv, is_complete */
  series: Columnar;
}

export interface AnalyticsViewInfo {
  view: string;
  method: string;
  description: string;
  params: { name: string; description: string }[];
  metricIds: string[];
}

const filtersArg = { filters: FiltersSchema.default({ compare: 'previous_period', region: [], category: [], channel: [], segment: [] }) };
const pageLimit = z.number().int().min(1).max(1000);

export const analyticsContract = {
  'analytics.views': method<AnalyticsViewInfo[]>()(z.object({}).strict()),
  'analytics.filterOptions': method<FilterOptions>()(z.object({}).strict()),
  'analytics.overview': method<OverviewResult>()(z.object(filtersArg).strict()),
  'analytics.revenueDaily': method<RevenueDailyResult>()(z.object(filtersArg).strict()),
  'analytics.revenueWeekly': method<RevenueWeeklyResult>()(z.object({ ...filtersArg, weekStart: z.enum(WEEK_STARTS).default('monday') }).strict()),
  'analytics.revenueMonthly': method<RevenueMonthlyResult>()(z.object(filtersArg).strict()),
  'analytics.breakdown': method<BreakdownResult>()(
    z.object({ ...filtersArg, dimension: z.enum(BREAKDOWN_DIMENSIONS) }).strict(),
  ),
  'analytics.regionCategoryHeatmap': method<RegionCategoryHeatmapResult>()(z.object(filtersArg).strict()),
  'analytics.categoryMargin': method<CategoryMarginResult>()(z.object(filtersArg).strict()),
  'analytics.seasonality': method<SeasonalityResult>()(z.object(filtersArg).strict()),
  'analytics.bestSellers': method<BestSellersResult>()(
    z.object({ ...filtersArg, by: z.enum(['revenue', 'units']).default('revenue'), limit: pageLimit.default(20) }).strict(),
  ),
  'analytics.productRatings': method<ProductRatingsResult>()(
    z.object({ ...filtersArg, limit: z.number().int().min(1).max(5000).default(500) }).strict(),
  ),
  'analytics.inventoryStatus': method<InventoryStatusResult>()(
    z.object({ ...filtersArg, onlyAtRisk: z.boolean().default(false), limit: z.number().int().min(1).max(10000).default(500) }).strict(),
  ),
  'analytics.inventoryRisk': method<InventoryRiskResult>()(z.object(filtersArg).strict()),
  'analytics.inventoryAlerts': method<InventoryAlertsResult>()(
    z.object({ ...filtersArg, status: z.enum(['open', 'all']).default('all'), limit: z.number().int().min(1).max(10000).default(500) }).strict(),
  ),
  'analytics.topCustomers': method<TopCustomersResult>()(
    z
      .object({
        ...filtersArg,
        search: z.string().max(200).default(''),
        sort: z.enum(CUSTOMER_SORT_KEYS).default('net_revenue'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        offset: z.number().int().min(0).default(0),
        limit: pageLimit.default(50),
      })
      .strict(),
  ),
  'analytics.topCustomersByRegion': method<TopCustomersByRegionResult>()(
    z.object({ ...filtersArg, perRegion: z.number().int().min(1).max(100).default(5) }).strict(),
  ),
  'analytics.customerDetail': method<CustomerDetail>()(z.object({ customerId: z.string().min(1) }).strict()),
  'analytics.productDetail': method<ProductDetail>()(z.object({ sku: z.string().min(1) }).strict()),
  'analytics.rfm': method<RfmResult>()(
    z.object({ ...filtersArg, limit: z.number().int().min(1).max(100000).default(2000) }).strict(),
  ),
  'analytics.ltvSegments': method<LtvSegmentsResult>()(
    z
      .object({
        ...filtersArg,
        /** Lower bounds (currency units) for Silver, Gold, Platinum, ascending; omitted = quantiles. */
        thresholds: z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]).optional(),
      })
      .strict(),
  ),
  'analytics.cohortRetention': method<CohortRetentionResult>()(
    z.object({ ...filtersArg, maxOffset: z.number().int().min(1).max(60).default(12) }).strict(),
  ),
  'analytics.cohortLtv': method<CohortLtvResult>()(
    z.object({ ...filtersArg, windowDays: z.union([z.literal(7), z.literal(30), z.literal(90)]).optional() }).strict(),
  ),
};
