-- Model runs and their results. Every trained model writes one model_runs row (what it saw,
-- with which settings, how well it did) and its result rows keyed by run_id, so the UI can
-- always say which run a number came from and whether the data changed since.

CREATE TABLE model_runs (
  run_id INTEGER PRIMARY KEY,
  model TEXT NOT NULL CHECK (model IN ('recommend', 'rules', 'clv', 'segments', 'forecast')),
  variant TEXT NOT NULL DEFAULT '',      -- e.g. the forecast grain ('day', 'month')
  parameters TEXT NOT NULL,              -- JSON, after defaults were applied
  data_fingerprint TEXT NOT NULL,        -- sha256 of row counts and high-water marks of the inputs
  created_at TEXT NOT NULL,
  finished_at TEXT,
  app_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
  metrics TEXT,                          -- JSON: evaluation figures
  summary TEXT,                          -- JSON: small results (fitted parameters, clusters, forecast)
  error TEXT,                            -- JSON ErrorInfo when failed or cancelled
  job_id TEXT
) STRICT;
CREATE INDEX model_runs_by_model_variant_status ON model_runs (model, variant, status, run_id);

-- Per-item neighbour lists: 'similar' (item-item cosine) and 'together' (same-basket).
CREATE TABLE model_item_neighbors (
  run_id INTEGER NOT NULL REFERENCES model_runs (run_id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('similar', 'together')),
  sku TEXT NOT NULL,
  rank INTEGER NOT NULL,
  other_sku TEXT NOT NULL,
  score REAL NOT NULL,                   -- cosine, or confidence for 'together'
  common INTEGER NOT NULL,               -- customers (similar) or baskets (together) shared
  lift REAL,
  PRIMARY KEY (run_id, kind, sku, rank)
) STRICT, WITHOUT ROWID;

CREATE TABLE model_rules (
  run_id INTEGER NOT NULL REFERENCES model_runs (run_id) ON DELETE CASCADE,
  rule_no INTEGER NOT NULL,              -- 1 = strongest (lift, then confidence, then support)
  antecedent TEXT NOT NULL,              -- JSON array of SKUs, sorted
  consequent TEXT NOT NULL,              -- one SKU
  item_count INTEGER NOT NULL,           -- antecedent size + 1
  basket_count INTEGER NOT NULL,
  support REAL NOT NULL,
  confidence REAL NOT NULL,
  lift REAL NOT NULL,
  PRIMARY KEY (run_id, rule_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE model_clv_customers (
  run_id INTEGER NOT NULL REFERENCES model_runs (run_id) ON DELETE CASCADE,
  customer_key INTEGER NOT NULL,
  customer_id TEXT NOT NULL,
  frequency INTEGER NOT NULL,            -- repeat purchase days (x)
  recency REAL NOT NULL,                 -- t_x, in the run's time unit
  age REAL NOT NULL,                     -- T, in the run's time unit
  historical_cents INTEGER NOT NULL,     -- net revenue to date
  mean_repeat_spend REAL,                -- m_x, currency units; NULL with no repeat purchase
  p_alive REAL NOT NULL,
  expected_purchases REAL NOT NULL,      -- over the run's horizon
  expected_spend REAL NOT NULL,          -- per purchase, Gamma-Gamma
  clv REAL NOT NULL,                     -- discounted, currency units
  holdout_predicted REAL,                -- calibration fit, for customers in the calibration period
  holdout_actual INTEGER,
  PRIMARY KEY (run_id, customer_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX model_clv_customers_by_run_id_clv ON model_clv_customers (run_id, clv);
CREATE INDEX model_clv_customers_by_customer_id ON model_clv_customers (customer_id);

CREATE TABLE model_segment_members (
  run_id INTEGER NOT NULL REFERENCES model_runs (run_id) ON DELETE CASCADE,
  customer_key INTEGER NOT NULL,
  customer_id TEXT NOT NULL,
  cluster INTEGER NOT NULL,
  recency_days INTEGER NOT NULL,
  frequency INTEGER NOT NULL,
  monetary_cents INTEGER NOT NULL,
  PRIMARY KEY (run_id, customer_key)
) STRICT, WITHOUT ROWID;
CREATE INDEX model_segment_members_by_run_id_cluster ON model_segment_members (run_id, cluster);
