import type { FilterOptions } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { currencyStats } from './scope';

const distinct = (db: Db, sql: string): string[] =>
  db
    .prepare<[], { v: string }>(sql)
    .all()
    .map((row) => row.v);

/** What the filter bar can offer, and the data's date range for its presets. */
export function filterOptions(db: Db): FilterOptions {
  const currencies = currencyStats(db);
  const range = db
    .prepare<[], { lo: string | null; hi: string | null }>('SELECT min(date_key) AS lo, max(date_key) AS hi FROM agg_sales_daily WHERE grouping_id = 0')
    .get();
  return {
    regions: distinct(db, 'SELECT DISTINCT region AS v FROM dim_customer WHERE region IS NOT NULL ORDER BY region'),
    categories: distinct(db, 'SELECT DISTINCT category AS v FROM dim_product WHERE category IS NOT NULL AND is_product = 1 ORDER BY category'),
    channels: db.prepare<[], { code: string; label: string }>('SELECT channel_code AS code, label FROM dim_channel ORDER BY label').all(),
    segments: distinct(db, 'SELECT DISTINCT segment AS v FROM dim_customer WHERE segment IS NOT NULL ORDER BY segment'),
    currencies: currencies.map((c) => ({ code: c.currency, orders: c.orders })),
    defaultCurrency: currencies[0]?.currency ?? null,
    dataRange: range?.lo && range.hi ? { from: range.lo, to: range.hi } : null,
  };
}
