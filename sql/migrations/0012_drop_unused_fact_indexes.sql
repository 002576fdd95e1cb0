-- Indexes no query uses, found by EXPLAIN QUERY PLAN over every statement the analytics, API,
-- report, export and model code prepares. Each was rebuilt on every first import (the line
-- date index took 0.3 s and 21 MB at 1M lines) and maintained row by row on every later one.
-- Lines are always reached through their order (fct_orders by date, then the line primary key).
DROP INDEX IF EXISTS fct_order_items_by_order_date;
-- A prefix of fct_reviews_by_sku_rating (sku, rating), which serves every lookup by SKU.
DROP INDEX IF EXISTS fct_reviews_by_sku;
