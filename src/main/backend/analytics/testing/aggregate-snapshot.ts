import type { Db } from '../../db/open';

export const AGGREGATE_TABLES = [
  'agg_sales_daily', 'agg_returns_daily', 'agg_sales_monthly', 'agg_returns_monthly', 'agg_day_sets', 'agg_customer_lifetime', 'agg_product_daily',
  'agg_month_sets', 'agg_customer_cohort', 'agg_customer_cohort_category',
] as const;

/** Every row of every analytics aggregate, in an order set by all its columns, to compare two states whole. */
export function aggregateSnapshot(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(
    AGGREGATE_TABLES.map((t) => {
      const columns = db.prepare(`SELECT count(*) FROM pragma_table_info('${t}')`).pluck().get() as number;
      return [t, db.prepare(`SELECT * FROM ${t} ORDER BY ${Array.from({ length: columns }, (_, i) => i + 1).join(', ')}`).all()];
    }),
  );
}
