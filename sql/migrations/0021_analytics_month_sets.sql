-- Analytics aggregates, second step (owned by src/main/backend/analytics/aggregates): derived data
-- only, rebuilt by refreshAnalyticsAggregates for the months an import touches.

-- Whole-month unions of agg_day_sets cells, packed the same way (aggregates/day-set-codec.ts), so
-- a view over a long range reads a few hundred rows instead of tens of thousands of day cells.
-- date_key is the month 'YYYY-MM'; the engine reads day cells for the partial months at the
-- edges of a range. kind:
--   customer           (category '')  per customer: [customer_key, orders, net_cents (after refunds), first order day, last order day]
--   customer_category  (per category) per customer with an order that has lines in the category, all
--                      guest orders as one -1 entry: [customer_key or -1, orders, line_net_cents, shipping_cents, last order day]
--   line               (per category) per SKU and customer: [sku_id, customer_key or -1, line_net_cents, units, lines]
--   return             (per category) per returned (order, SKU) booked that month: [order_key, customer_key or -1, sku_id, refund_cents]
-- "day" numbers are days since 1970-01-01.
CREATE TABLE agg_month_sets (
  kind TEXT NOT NULL CHECK (kind IN ('customer', 'customer_category', 'line', 'return')),
  currency TEXT NOT NULL,
  date_key TEXT NOT NULL,
  channel_key INTEGER NOT NULL,
  category TEXT NOT NULL,
  members INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (kind, currency, date_key, channel_key, category)
) STRICT;

-- Per customer with a first counted order (fct_orders.is_first_order): the 7/30/90-day windows of
-- fct_cohort_ltv, per customer, so cohort LTV can follow the dimension filters. Same rules as
-- fct_cohort_ltv: windows cover days 0 … w−1 after the first order, same currency, net after refunds.
CREATE TABLE agg_customer_cohort (
  customer_key INTEGER PRIMARY KEY,
  currency TEXT NOT NULL,
  first_date TEXT NOT NULL,
  channel_key INTEGER NOT NULL,           -- channel of the first order (0 when unknown)
  revenue_7_cents INTEGER NOT NULL,
  revenue_30_cents INTEGER NOT NULL,
  revenue_90_cents INTEGER NOT NULL,
  is_retained_7 INTEGER NOT NULL,
  is_retained_30 INTEGER NOT NULL,
  is_retained_90 INTEGER NOT NULL
) STRICT;
CREATE INDEX agg_customer_cohort_by_currency_first_date ON agg_customer_cohort (currency, first_date);

-- The categories of each customer's first order (cohort LTV under a category filter).
CREATE TABLE agg_customer_cohort_category (
  category TEXT NOT NULL,
  customer_key INTEGER NOT NULL,
  PRIMARY KEY (category, customer_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX agg_customer_cohort_category_by_customer_key ON agg_customer_cohort_category (customer_key);
