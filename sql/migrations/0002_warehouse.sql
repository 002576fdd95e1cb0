-- The star schema. Money is stored as INTEGER minor units (cents) so that totals reconcile
-- exactly; the API converts to currency units at the boundary. Dates are 'YYYY-MM-DD' text and
-- timestamps ISO-8601 text. A day is the calendar date in the offset the event was recorded with.

CREATE TABLE dim_date (
  date_key TEXT PRIMARY KEY,           -- YYYY-MM-DD
  year INTEGER NOT NULL,
  quarter INTEGER NOT NULL,
  month INTEGER NOT NULL,
  year_month TEXT NOT NULL,            -- YYYY-MM
  iso_week INTEGER NOT NULL,
  day_of_week INTEGER NOT NULL,        -- 1 = Monday … 7 = Sunday
  day_of_month INTEGER NOT NULL,
  is_weekend INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE dim_channel (
  channel_key INTEGER PRIMARY KEY,
  channel_code TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL
) STRICT;

CREATE TABLE dim_customer (
  customer_key INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL UNIQUE,
  email TEXT,
  name TEXT,
  region TEXT,
  country TEXT,
  city TEXT,
  signup_date TEXT,
  segment TEXT,
  acquisition_channel TEXT,
  is_guest INTEGER NOT NULL DEFAULT 0,
  first_order_date TEXT,
  last_order_date TEXT
) STRICT;
CREATE INDEX dim_customer_by_region ON dim_customer (region);
CREATE INDEX dim_customer_by_email ON dim_customer (email);

-- SCD-2: a list-price (or cost) change opens a new version; order lines point at the version
-- valid when the order was created.
CREATE TABLE dim_product (
  product_key INTEGER PRIMARY KEY,
  sku TEXT NOT NULL,
  name TEXT,
  category TEXT,
  brand TEXT,
  supplier TEXT,
  cost_cents INTEGER,
  list_price_cents INTEGER,
  reorder_point INTEGER,
  is_product INTEGER NOT NULL DEFAULT 1, -- 0 for fees, postage, manual lines (UCI codes POST, D, M…)
  valid_from TEXT NOT NULL,
  valid_to TEXT,                         -- exclusive; NULL while current
  is_current INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX dim_product_by_sku_valid_from ON dim_product (sku, valid_from);
CREATE INDEX dim_product_by_category ON dim_product (category);

CREATE TABLE fct_orders (
  order_key INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL UNIQUE,
  customer_key INTEGER REFERENCES dim_customer (customer_key),
  channel_key INTEGER REFERENCES dim_channel (channel_key),
  status TEXT NOT NULL CHECK (status IN ('created', 'paid', 'fulfilled', 'delivered', 'returned', 'cancelled')),
  order_date TEXT NOT NULL,
  created_at TEXT NOT NULL,
  paid_at TEXT,
  fulfilled_at TEXT,
  delivered_at TEXT,
  cancelled_at TEXT,
  currency TEXT NOT NULL,
  gross_cents INTEGER NOT NULL,          -- Σ quantity × unit price
  discount_cents INTEGER NOT NULL,
  tax_cents INTEGER NOT NULL,            -- never revenue
  shipping_cents INTEGER NOT NULL,
  refund_cents INTEGER NOT NULL DEFAULT 0,
  net_cents INTEGER NOT NULL,            -- gross − discount − refunds
  units INTEGER NOT NULL,
  line_count INTEGER NOT NULL,
  is_counted INTEGER NOT NULL,           -- 1 when paid and not cancelled: counts toward sales
  is_first_order INTEGER NOT NULL DEFAULT 0,
  batch_id INTEGER,
  ingested_at TEXT NOT NULL
) STRICT;
CREATE INDEX fct_orders_by_order_date ON fct_orders (order_date);
CREATE INDEX fct_orders_by_customer_key_order_date ON fct_orders (customer_key, order_date);

CREATE TABLE fct_order_items (
  order_key INTEGER NOT NULL REFERENCES fct_orders (order_key) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  order_id TEXT NOT NULL,
  order_date TEXT NOT NULL,
  customer_key INTEGER,
  channel_key INTEGER,
  product_key INTEGER REFERENCES dim_product (product_key),
  sku TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  unit_price_cents INTEGER NOT NULL,
  gross_cents INTEGER NOT NULL,
  discount_cents INTEGER NOT NULL,
  tax_cents INTEGER NOT NULL,
  net_cents INTEGER NOT NULL,            -- gross − discount, before refunds
  cost_cents INTEGER,                    -- unit cost of the product version × quantity
  is_counted INTEGER NOT NULL,
  PRIMARY KEY (order_key, line_no)
) STRICT, WITHOUT ROWID;
CREATE INDEX fct_order_items_by_order_date ON fct_order_items (order_date);
CREATE INDEX fct_order_items_by_product_key ON fct_order_items (product_key);
CREATE INDEX fct_order_items_by_customer_key ON fct_order_items (customer_key);

CREATE TABLE fct_returns (
  return_key INTEGER PRIMARY KEY,
  order_key INTEGER NOT NULL REFERENCES fct_orders (order_key) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  order_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  product_key INTEGER,
  customer_key INTEGER,
  channel_key INTEGER,
  quantity INTEGER NOT NULL,
  returned_at TEXT NOT NULL,
  return_date TEXT NOT NULL,             -- returns are booked on the return date
  days_since_delivery INTEGER,
  refund_cents INTEGER NOT NULL,
  refund_rule TEXT NOT NULL CHECK (refund_rule IN ('within_30_days', 'after_30_days', 'not_delivered')),
  reason TEXT
) STRICT;
CREATE INDEX fct_returns_by_return_date ON fct_returns (return_date);
CREATE INDEX fct_returns_by_order_key ON fct_returns (order_key);

CREATE TABLE fct_reviews (
  review_id TEXT PRIMARY KEY,
  sku TEXT NOT NULL,
  product_key INTEGER,
  customer_key INTEGER,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body TEXT,
  review_date TEXT NOT NULL
) STRICT;
CREATE INDEX fct_reviews_by_sku ON fct_reviews (sku);

CREATE TABLE fct_inventory_daily (
  sku TEXT NOT NULL,
  date_key TEXT NOT NULL,
  on_hand INTEGER NOT NULL,
  allocated INTEGER NOT NULL,
  reorder_point INTEGER NOT NULL,
  is_at_risk INTEGER NOT NULL,           -- on_hand − allocated < reorder_point
  PRIMARY KEY (sku, date_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX fct_inventory_daily_by_date_key ON fct_inventory_daily (date_key);

CREATE TABLE inventory_alerts (
  alert_id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL,
  raised_date TEXT NOT NULL,
  on_hand INTEGER NOT NULL,
  allocated INTEGER NOT NULL,
  reorder_point INTEGER NOT NULL,
  resolved_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved'))
) STRICT;
CREATE UNIQUE INDEX inventory_alerts_by_sku_raised_date ON inventory_alerts (sku, raised_date);

CREATE TABLE fct_revenue_daily (
  date_key TEXT NOT NULL,
  currency TEXT NOT NULL,
  gross_cents INTEGER NOT NULL,
  discount_cents INTEGER NOT NULL,
  refund_cents INTEGER NOT NULL,
  tax_cents INTEGER NOT NULL,
  shipping_cents INTEGER NOT NULL,
  net_cents INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  units INTEGER NOT NULL,
  aov_cents INTEGER,                     -- (gross − discounts) / orders
  new_customers INTEGER NOT NULL,
  repeat_customers INTEGER NOT NULL,
  PRIMARY KEY (date_key, currency)
) STRICT, WITHOUT ROWID;

CREATE TABLE fct_cohort_ltv (
  cohort_month TEXT NOT NULL,            -- first-purchase month YYYY-MM
  window_days INTEGER NOT NULL CHECK (window_days IN (7, 30, 90)),
  currency TEXT NOT NULL,
  customers INTEGER NOT NULL,
  retained_customers INTEGER NOT NULL,   -- ordered again within the window after the first order
  revenue_cents INTEGER NOT NULL,        -- net revenue within the window of each first purchase
  ltv_cents INTEGER NOT NULL,            -- revenue / customers
  is_complete INTEGER NOT NULL,          -- 0 while some customer's window extends past the data
  PRIMARY KEY (cohort_month, window_days, currency)
) STRICT, WITHOUT ROWID;
