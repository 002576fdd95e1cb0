-- Import pipeline: lineage (runs and batches), staging that mirrors every loaded input row,
-- quarantine for rows that fail validation, and data-quality runs. Money in staging is already
-- converted to INTEGER cents; timestamps stay as written (with their offset), because a day is
-- the calendar date in the offset the event was recorded with.

-- One import run: a set of files (a landing day folder, a CLI invocation, a quarantine retry)
-- committed in ONE transaction, so a crash leaves the warehouse exactly as before.
CREATE TABLE import_runs (
  run_id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('files', 'landing', 'retry', 'rebuild')),
  source TEXT NOT NULL,                  -- folder or list of paths, for people
  landing_day TEXT,                      -- YYYY-MM-DD for landing folders
  status TEXT NOT NULL CHECK (status IN ('succeeded', 'partial', 'refused', 'skipped')),
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  files INTEGER NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_duplicate INTEGER NOT NULL,
  rows_quarantined INTEGER NOT NULL,
  stage_ms INTEGER NOT NULL,             -- read + parse + validate + insert into staging, all files
  transform_ms INTEGER NOT NULL,
  quality_ms INTEGER NOT NULL,
  touched_from TEXT,                     -- first and last day whose facts this run rebuilt
  touched_to TEXT,
  log_json TEXT NOT NULL DEFAULT '[]'    -- run log lines [{at, level, message}]
) STRICT;
CREATE INDEX import_runs_by_landing_day ON import_runs (landing_day);

-- One file within a run.
CREATE TABLE import_batches (
  batch_id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES import_runs (run_id),
  path TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  format TEXT NOT NULL,
  entity TEXT,
  status TEXT NOT NULL CHECK (status IN ('loaded', 'refused', 'retry')),
  message TEXT,
  rows_read INTEGER NOT NULL,
  rows_loaded INTEGER NOT NULL,
  rows_duplicate INTEGER NOT NULL,
  rows_quarantined INTEGER NOT NULL,
  parse_ms INTEGER NOT NULL,             -- read + decode + CSV scan
  validate_ms INTEGER NOT NULL,
  stage_ms INTEGER NOT NULL,             -- inserts into stg_* (and duplicate checks)
  ingested_at TEXT NOT NULL,
  CHECK (rows_read = rows_loaded + rows_duplicate + rows_quarantined)
) STRICT;
CREATE INDEX import_batches_by_sha256 ON import_batches (sha256);
CREATE INDEX import_batches_by_run_id ON import_batches (run_id);

CREATE TABLE stg_customers (
  stg_id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, ingested_at TEXT NOT NULL, row_hash INTEGER NOT NULL,
  customer_id TEXT NOT NULL, email TEXT, name TEXT, region TEXT, country TEXT, city TEXT, signup_date TEXT,
  segment TEXT, acquisition_channel TEXT, updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX stg_customers_by_customer_id ON stg_customers (customer_id);

CREATE TABLE stg_products (
  stg_id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, ingested_at TEXT NOT NULL, row_hash INTEGER NOT NULL,
  sku TEXT NOT NULL, name TEXT NOT NULL, category TEXT NOT NULL, brand TEXT, supplier TEXT,
  cost_cents INTEGER NOT NULL, list_price_cents INTEGER NOT NULL, reorder_point INTEGER NOT NULL, updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX stg_products_by_sku ON stg_products (sku);

CREATE TABLE stg_orders (
  stg_id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, ingested_at TEXT NOT NULL, row_hash INTEGER NOT NULL,
  order_id TEXT NOT NULL, customer_id TEXT NOT NULL, channel TEXT NOT NULL, status TEXT NOT NULL,
  created_at TEXT NOT NULL, paid_at TEXT, fulfilled_at TEXT, delivered_at TEXT, cancelled_at TEXT,
  currency TEXT NOT NULL, subtotal_cents INTEGER NOT NULL, discount_cents INTEGER NOT NULL, tax_cents INTEGER NOT NULL,
  shipping_cents INTEGER NOT NULL, total_cents INTEGER NOT NULL, updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX stg_orders_by_order_id ON stg_orders (order_id);

CREATE TABLE stg_order_items (
  stg_id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, ingested_at TEXT NOT NULL, row_hash INTEGER NOT NULL,
  order_id TEXT NOT NULL, line_no INTEGER NOT NULL, sku TEXT NOT NULL, quantity INTEGER NOT NULL,
  unit_price_cents INTEGER NOT NULL, line_discount_cents INTEGER NOT NULL, line_tax_cents INTEGER NOT NULL
) STRICT;
CREATE INDEX stg_order_items_by_order_id ON stg_order_items (order_id, line_no);

CREATE TABLE stg_returns (
  stg_id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, ingested_at TEXT NOT NULL, row_hash INTEGER NOT NULL,
  order_id TEXT NOT NULL, line_no INTEGER NOT NULL, quantity INTEGER NOT NULL, returned_at TEXT NOT NULL, reason TEXT
) STRICT;
CREATE INDEX stg_returns_by_order_id ON stg_returns (order_id, line_no);

CREATE TABLE stg_inventory_movements (
  stg_id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, ingested_at TEXT NOT NULL, row_hash INTEGER NOT NULL,
  sku TEXT NOT NULL, moved_at TEXT NOT NULL, kind TEXT NOT NULL, quantity INTEGER NOT NULL
) STRICT;
CREATE INDEX stg_inventory_movements_by_sku_moved_at ON stg_inventory_movements (sku, moved_at);

CREATE TABLE stg_reviews (
  stg_id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL, source_file TEXT NOT NULL, source_line INTEGER NOT NULL, ingested_at TEXT NOT NULL, row_hash INTEGER NOT NULL,
  review_id TEXT NOT NULL, sku TEXT NOT NULL, customer_id TEXT NOT NULL, rating INTEGER NOT NULL, text TEXT, reviewed_at TEXT NOT NULL
) STRICT;
CREATE INDEX stg_reviews_by_review_id ON stg_reviews (review_id);

-- Rows that failed validation: never dropped, listable, exportable, retryable.
CREATE TABLE quarantine (
  quarantine_id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches (batch_id),
  file TEXT NOT NULL,
  entity TEXT,
  line INTEGER NOT NULL,
  column_name TEXT,
  reason_code TEXT NOT NULL,             -- missing_required, bad_number, bad_date, bad_enum, out_of_range, unknown_parent, malformed_row, bad_text
  reason TEXT NOT NULL,                  -- a sentence a person can act on
  raw TEXT NOT NULL,
  fields_json TEXT,                      -- the row shaped as the entity's columns, for retry
  -- resolved: a retry loaded it; superseded: a retry failed again and re-quarantined it under the retry batch
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'superseded')),
  resolved_batch_id INTEGER
) STRICT;
CREATE INDEX quarantine_by_batch_id ON quarantine (batch_id);
CREATE INDEX quarantine_by_status_reason_code ON quarantine (status, reason_code);

CREATE TABLE quality_runs (
  quality_run_id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES import_runs (run_id),
  ran_at TEXT NOT NULL,
  checks INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  is_passed INTEGER NOT NULL
) STRICT;

CREATE TABLE quality_checks (
  quality_run_id INTEGER NOT NULL REFERENCES quality_runs (quality_run_id) ON DELETE CASCADE,
  check_no INTEGER NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('nulls', 'unique', 'referential', 'range', 'reconciliation')),
  name TEXT NOT NULL,
  table_name TEXT NOT NULL,
  column_name TEXT,
  is_passed INTEGER NOT NULL,
  value REAL NOT NULL,                   -- the measured figure (a %, a count)
  threshold REAL,
  detail TEXT NOT NULL,
  PRIMARY KEY (quality_run_id, check_no)
) STRICT;

-- Landing day folders already imported (landing/YYYY-MM-DD/), so `import --landing` and
-- `watch` pick up only new ones, oldest first.
CREATE TABLE import_landing_days (
  landing_root TEXT NOT NULL,
  day TEXT NOT NULL,
  run_id INTEGER NOT NULL REFERENCES import_runs (run_id),
  PRIMARY KEY (landing_root, day)
) STRICT, WITHOUT ROWID;
