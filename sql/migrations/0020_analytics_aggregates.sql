-- Analytics aggregates (owned by src/main/backend/analytics/aggregates). Rebuilt per date range by
-- refreshAnalyticsAggregates after each import transform, so they are derived data only.

-- Sales by order day and by every grouping of the filter dimensions that a view can ask for.
-- grouping_id is a bitmask of the dimensions kept: 1 channel, 2 region, 4 segment, 8 category.
-- A dimension that is rolled up holds 0 / ''; an unknown value under a kept dimension does too,
-- which the grouping_id tells apart. Line measures add up across everything. Order measures
-- (orders, order_*) count each order once per cell: exact across days and the order-level
-- dimensions, but an order with lines in two categories is in two category cells.
CREATE TABLE agg_sales_daily (
  grouping_id INTEGER NOT NULL,
  date_key TEXT NOT NULL,
  currency TEXT NOT NULL,
  channel_key INTEGER NOT NULL,
  region TEXT NOT NULL,
  segment TEXT NOT NULL,
  category TEXT NOT NULL,
  gross_cents INTEGER NOT NULL,
  line_discount_cents INTEGER NOT NULL,
  line_net_cents INTEGER NOT NULL,
  line_tax_cents INTEGER NOT NULL,
  cost_cents INTEGER NOT NULL,
  units INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  order_gross_cents INTEGER NOT NULL,
  order_discount_cents INTEGER NOT NULL,
  order_tax_cents INTEGER NOT NULL,
  order_shipping_cents INTEGER NOT NULL,
  order_units INTEGER NOT NULL,
  PRIMARY KEY (grouping_id, date_key, currency, channel_key, region, segment, category)
) STRICT, WITHOUT ROWID;

-- Returns by return date (returns are booked on the return date), same groupings.
CREATE TABLE agg_returns_daily (
  grouping_id INTEGER NOT NULL,
  date_key TEXT NOT NULL,
  currency TEXT NOT NULL,
  channel_key INTEGER NOT NULL,
  region TEXT NOT NULL,
  segment TEXT NOT NULL,
  category TEXT NOT NULL,
  refund_cents INTEGER NOT NULL,
  returned_units INTEGER NOT NULL,
  return_lines INTEGER NOT NULL,
  PRIMARY KEY (grouping_id, date_key, currency, channel_key, region, segment, category)
) STRICT, WITHOUT ROWID;

-- Per-day sets, the structure for everything that needs DISTINCT customers or orders over a
-- range (customers, new vs returning, repeat purchase, orders under a category filter, orders
-- with returns) and for per-customer sums (top customers, RFM, LTV tiers, cohorts). SQLite has no
-- fast distinct-count, and GROUP BY over 100k+ customer-days costs seconds, so each cell holds
-- its members as a packed Float64 array (see aggregates/day-set-codec.ts) that the engine unions
-- in memory: a year of a currency is ~1k small rows. kind:
--   customer  (category '')  per customer: [customer_key, orders, net_cents (gross − discount − refunds of those orders)]
--   order     (per category) per order:    [order_key, customer_key or -1, line_net_cents in the category, shipping_cents]
--   return    (per category) per returned line booked that day: [order_key, customer_key or -1, sku_id, refund_cents]
--   first     (currency '', channel 0, category '') customers whose first counted order (any currency) is that day: [customer_key]
--   line      (per category) per SKU and customer: [sku_id, customer_key or -1, line_net_cents, units, lines]
--   product   (per category, date_key = 'YYYY-MM': one row per MONTH) per SKU: [sku_id, line_net_cents, units, lines]
CREATE TABLE agg_day_sets (
  kind TEXT NOT NULL CHECK (kind IN ('customer', 'order', 'return', 'first', 'line', 'product')),
  currency TEXT NOT NULL,
  date_key TEXT NOT NULL,
  channel_key INTEGER NOT NULL,
  category TEXT NOT NULL,
  members INTEGER NOT NULL,
  data BLOB NOT NULL,
  -- A rowid table on purpose: its rows keep blobs up to ~4 KB in the page, where a WITHOUT
  -- ROWID row spills anything over ~1 KB to overflow pages.
  PRIMARY KEY (kind, currency, date_key, channel_key, category)
) STRICT;

-- Stable small integers for SKUs inside agg_day_sets (product keys change with SCD-2 versions).
-- Only ever grows, so a full rebuild and an incremental refresh give the same ids.
CREATE TABLE agg_sku (
  sku_id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE
) STRICT;

-- Lifetime per customer and currency: top customers overall, historical CLV, RFM, LTV tiers, cohorts.
CREATE TABLE agg_customer_lifetime (
  customer_key INTEGER NOT NULL,
  currency TEXT NOT NULL,
  region TEXT NOT NULL,
  segment TEXT NOT NULL,
  first_order_date TEXT NOT NULL,        -- first counted order in this currency
  customer_first_order_date TEXT NOT NULL, -- first counted order in any currency (cohort)
  last_order_date TEXT NOT NULL,
  orders INTEGER NOT NULL,
  net_cents INTEGER NOT NULL,            -- gross − discounts − refunds of the customer's orders
  PRIMARY KEY (customer_key, currency)
) STRICT, WITHOUT ROWID;
CREATE INDEX agg_customer_lifetime_by_currency_net ON agg_customer_lifetime (currency, net_cents);

CREATE INDEX fct_returns_by_customer_key ON fct_returns (customer_key);
CREATE INDEX fct_reviews_by_customer_key ON fct_reviews (customer_key);
-- Average rating per SKU from the index alone.
CREATE INDEX fct_reviews_by_sku_rating ON fct_reviews (sku, rating);
CREATE INDEX fct_orders_by_currency_order_date ON fct_orders (currency, order_date);
-- Region / segment filters become a customer mask; the filter bar lists distinct segments.
CREATE INDEX dim_customer_by_segment ON dim_customer (segment);

-- Product sales by order day (best sellers, sales vs rating) when no customer/channel filter is set.
CREATE TABLE agg_product_daily (
  date_key TEXT NOT NULL,
  currency TEXT NOT NULL,
  sku TEXT NOT NULL,
  category TEXT NOT NULL,
  gross_cents INTEGER NOT NULL,
  line_net_cents INTEGER NOT NULL,
  units INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  PRIMARY KEY (date_key, currency, sku)
) STRICT, WITHOUT ROWID;
CREATE INDEX agg_product_daily_by_sku ON agg_product_daily (sku);
