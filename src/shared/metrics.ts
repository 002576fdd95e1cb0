/**
 * The metric registry: every number a dashboard, the local API or a report shows names one of
 * these ids, and the UI's ⓘ shows its definition. Definitions follow Shopify's where Shopify
 * has one (https://help.shopify.com/en/manual/reports-and-analytics/shopify-reports/report-types/default-reports/sales-reports),
 * so totals can be checked against a Shopify export.
 */

export const METRIC_UNITS = ['currency', 'count', 'percent', 'ratio', 'days'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export interface MetricDefinition {
  id: string;
  label: string;
  unit: MetricUnit;
  /** The formula in words. */
  formula: string;
  /** The business rule the formula implements. */
  rule: string;
  /** Where the definition comes from: "Shopify" when it matches Shopify's, otherwise "Storelens". */
  source: string;
  /** true when a higher value is good (for colouring changes). */
  isHigherBetter: boolean;
}

const SHOPIFY = 'Shopify-compatible (Shopify sales reports)';
const STORELENS = 'Storelens';
const COUNTED = 'Only counted orders (paid and not cancelled) contribute, dated by their order date.';

export const METRICS = {
  gross_sales: {
    label: 'Gross sales',
    unit: 'currency',
    formula: 'Σ unit price × quantity over order lines',
    rule: `${COUNTED} Before discounts, returns, taxes and shipping.`,
    source: SHOPIFY,
    isHigherBetter: true,
  },
  discounts: {
    label: 'Discounts',
    unit: 'currency',
    formula: 'Σ line and order discounts',
    rule: COUNTED,
    source: SHOPIFY,
    isHigherBetter: false,
  },
  refunds: {
    label: 'Returns',
    unit: 'currency',
    formula: 'Σ refunded amounts of returns',
    rule: 'Returns are booked on the return date, not the order date. A return within 30 days of delivery refunds its net line amount pro-rata by quantity; later returns refund 0.',
    source: SHOPIFY,
    isHigherBetter: false,
  },
  net_sales: {
    label: 'Net sales',
    unit: 'currency',
    formula: 'gross sales − discounts − returns',
    rule: 'Net revenue = gross − discounts − refunds; taxes and shipping are never revenue.',
    source: SHOPIFY,
    isHigherBetter: true,
  },
  taxes: {
    label: 'Taxes',
    unit: 'currency',
    formula: 'Σ order taxes',
    rule: `${COUNTED} Taxes are collected for the state and are never revenue.`,
    source: SHOPIFY,
    isHigherBetter: true,
  },
  shipping: {
    label: 'Shipping',
    unit: 'currency',
    formula: 'Σ shipping charged on orders',
    rule: `${COUNTED} Under a category filter: the shipping of orders that contain a line in the selected categories.`,
    source: SHOPIFY,
    isHigherBetter: true,
  },
  total_sales: {
    label: 'Total sales',
    unit: 'currency',
    formula: 'net sales + taxes + shipping',
    rule: 'What customers paid, after returns.',
    source: SHOPIFY,
    isHigherBetter: true,
  },
  orders: {
    label: 'Orders',
    unit: 'count',
    formula: 'number of counted orders',
    rule: `${COUNTED} Under a category filter: orders with at least one line in the selected categories.`,
    source: SHOPIFY,
    isHigherBetter: true,
  },
  units: {
    label: 'Units sold',
    unit: 'count',
    formula: 'Σ quantity over order lines',
    rule: COUNTED,
    source: SHOPIFY,
    isHigherBetter: true,
  },
  customers: {
    label: 'Customers',
    unit: 'count',
    formula: 'distinct customers with a counted order in the period',
    rule: COUNTED,
    source: SHOPIFY,
    isHigherBetter: true,
  },
  aov: {
    label: 'Average order value',
    unit: 'currency',
    formula: '(gross sales − discounts) / orders',
    rule: 'Returns, taxes and shipping are left out, as in Shopify.',
    source: SHOPIFY,
    isHigherBetter: true,
  },
  new_customers: {
    label: 'New customers',
    unit: 'count',
    formula: 'customers whose first counted order ever falls in the period',
    rule: 'LTV and retention are cohort-based on the first purchase date.',
    source: SHOPIFY,
    isHigherBetter: true,
  },
  returning_customers: {
    label: 'Returning customers',
    unit: 'count',
    formula: 'customers with an order in the period that followed an earlier one: a first order before the period, a later order in it, or two or more orders in it',
    rule: "Shopify's returning customer: any earlier order, even inside the period, so a customer whose first and second orders both fall in it is new and returning.",
    source: SHOPIFY,
    isHigherBetter: true,
  },
  returning_customer_rate: {
    label: 'Returning customer rate',
    unit: 'percent',
    formula: 'returning customers / customers',
    rule: "Shopify's definition: a customer counts as returning when an order in the period follows an earlier one; over all time it is the share of customers with two or more orders.",
    source: SHOPIFY,
    isHigherBetter: true,
  },
  repeat_purchase_rate: {
    label: 'Repeat purchase rate',
    unit: 'percent',
    formula: 'customers with 2 or more counted orders in the period / customers',
    rule: 'Both orders must fall inside the period (unlike the returning customer rate).',
    source: STORELENS,
    isHigherBetter: true,
  },
  return_rate_value: {
    label: 'Return rate (value)',
    unit: 'percent',
    formula: 'returns (refunded value) / (gross sales − discounts)',
    rule: 'Returns booked on their return date, sales on their order date, both within the period.',
    source: STORELENS,
    isHigherBetter: false,
  },
  return_rate_units: {
    label: 'Return rate (units)',
    unit: 'percent',
    formula: 'returned units / units sold',
    rule: 'Returned units booked on their return date, including returns that refunded nothing.',
    source: STORELENS,
    isHigherBetter: false,
  },
  return_rate_orders: {
    label: 'Return rate (orders)',
    unit: 'percent',
    formula: 'distinct orders with a return / orders',
    rule: 'Orders with at least one return booked in the period.',
    source: STORELENS,
    isHigherBetter: false,
  },
  net_sales_ma7: {
    label: 'Net sales, 7-day average',
    unit: 'currency',
    formula: 'mean of daily net sales over the day and the 6 days before it',
    rule: 'Days with no sales count as 0; the first 6 days of the range average what is available.',
    source: STORELENS,
    isHigherBetter: true,
  },
  net_sales_cumulative: {
    label: 'Net sales, cumulative',
    unit: 'currency',
    formula: 'running Σ of net sales from the start of the range',
    rule: 'Net sales as defined above.',
    source: STORELENS,
    isHigherBetter: true,
  },
  line_net_sales: {
    label: 'Net sales (lines)',
    unit: 'currency',
    formula: 'Σ (price × quantity − line discount) − returns of those lines',
    rule: 'Used for breakdowns by category, product, region and channel; returns booked on the return date.',
    source: STORELENS,
    isHigherBetter: true,
  },
  margin: {
    label: 'Gross margin',
    unit: 'currency',
    formula: 'Σ (net line amount − unit cost × quantity)',
    rule: 'Price and cost come from the product version (SCD-2) valid when the order was created.',
    source: STORELENS,
    isHigherBetter: true,
  },
  margin_rate: {
    label: 'Margin rate',
    unit: 'percent',
    formula: 'margin / net line amount',
    rule: 'As gross margin.',
    source: STORELENS,
    isHigherBetter: true,
  },
  avg_rating: {
    label: 'Average rating',
    unit: 'ratio',
    formula: 'mean review rating (1–5)',
    rule: 'All reviews of the SKU, whatever their date.',
    source: STORELENS,
    isHigherBetter: true,
  },
  days_of_cover: {
    label: 'Days of cover',
    unit: 'days',
    formula: '(on hand − allocated) / average units sold per day over the last 28 days',
    rule: 'null when nothing sold in the last 28 days; 0 when allocations exceed stock (backordered).',
    source: STORELENS,
    isHigherBetter: true,
  },
  at_risk_skus: {
    label: 'SKUs at risk',
    unit: 'count',
    formula: 'SKUs with on hand − allocated < reorder point on the latest inventory day',
    rule: 'A SKU is at risk when on_hand − allocated < reorder_point, and that fires an alert record.',
    source: STORELENS,
    isHigherBetter: false,
  },
  clv_historical: {
    label: 'Historical CLV',
    unit: 'currency',
    formula: 'lifetime net revenue of the customer (Σ order net = gross − discounts − refunds)',
    rule: 'Historical, not predicted: every counted order the customer ever placed, in one currency.',
    source: STORELENS,
    isHigherBetter: true,
  },
  recency_days: {
    label: 'Recency',
    unit: 'days',
    formula: 'days from the last counted order to the end of the range',
    rule: 'RFM: lower is better. Scores are quintiles (5 = best).',
    source: STORELENS,
    isHigherBetter: false,
  },
  frequency: {
    label: 'Frequency',
    unit: 'count',
    formula: 'counted orders up to the end of the range',
    rule: 'RFM: scores are quintiles (5 = most orders).',
    source: STORELENS,
    isHigherBetter: true,
  },
  monetary: {
    label: 'Monetary',
    unit: 'currency',
    formula: 'Σ order net (gross − discounts − refunds) up to the end of the range',
    rule: 'RFM: scores are quintiles (5 = most revenue).',
    source: STORELENS,
    isHigherBetter: true,
  },
  cohort_retention: {
    label: 'Cohort retention',
    unit: 'percent',
    formula: 'customers of a first-purchase month with a counted order in month N after it / cohort size',
    rule: 'Cohorts by first purchase date; a month not yet over is shown as unfinished, not as 0.',
    source: STORELENS,
    isHigherBetter: true,
  },
  cohort_ltv: {
    label: 'Cohort LTV',
    unit: 'currency',
    formula: 'net revenue within 7/30/90 days of each customer’s first purchase / cohort customers',
    rule: 'LTV and retention are cohort-based (first purchase date) at 7/30/90 days; incomplete while a window runs past the data.',
    source: STORELENS,
    isHigherBetter: true,
  },
  cohort_window_retention: {
    label: 'Cohort retention (window)',
    unit: 'percent',
    formula: 'customers who ordered again within 7/30/90 days of their first order / cohort customers',
    rule: 'As cohort LTV.',
    source: STORELENS,
    isHigherBetter: true,
  },
} as const satisfies Record<string, Omit<MetricDefinition, 'id'>>;

export type MetricId = keyof typeof METRICS;

export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

export function isMetricId(value: unknown): value is MetricId {
  return typeof value === 'string' && Object.hasOwn(METRICS, value);
}

export function metricDefinition(id: MetricId): MetricDefinition {
  return { id, ...METRICS[id] };
}

export function allMetricDefinitions(): MetricDefinition[] {
  return METRIC_IDS.map(metricDefinition);
}
