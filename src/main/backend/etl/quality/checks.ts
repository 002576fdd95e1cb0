import type { Db } from '../../db/open';
import { ENTITY_FIELDS } from '../validate/entity-specs';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';

export type CheckCategory = 'nulls' | 'unique' | 'referential' | 'range' | 'reconciliation';

export interface QualityCheck {
  category: CheckCategory;
  name: string;
  tableName: string;
  columnName: string | null;
  isPassed: boolean;
  value: number;
  threshold: number | null;
  detail: string;
}

function count(db: Db, sql: string, ...params: unknown[]): number {
  return Number(db.prepare(sql).pluck().get(...params) ?? 0);
}

/** A check that passes when a count of offending rows is 0. */
function zeroCheck(db: Db, category: CheckCategory, name: string, table: string, column: string | null, sql: string, what: string): QualityCheck {
  const value = count(db, sql);
  return { category, name, tableName: table, columnName: column, isPassed: value === 0, value, threshold: 0, detail: value === 0 ? `no ${what}` : `${value.toLocaleString('en-US')} ${what}` };
}

/**
 * Null % of every staged column among the rows this run staged. Required columns must be 0 %;
 * optional ones are reported with no threshold (they pass) so a person can see the figure.
 */
export function nullChecks(db: Db, watermarks: Record<NativeEntity, number>): QualityCheck[] {
  const checks: QualityCheck[] = [];
  for (const [entity, fields] of Object.entries(ENTITY_FIELDS) as [NativeEntity, (typeof ENTITY_FIELDS)[NativeEntity]][]) {
    const table = `stg_${entity}`;
    // count(*) − count(column) is the number of NULLs, without evaluating a CASE per cell.
    const sums = fields.map((f) => `count(*) - count(${f.stagedAs}) AS "${f.stagedAs}"`).join(', ');
    const row = db.prepare(`SELECT count(*) AS n, ${sums} FROM ${table} WHERE stg_id > ?`).get(watermarks[entity]) as Record<string, number | null>;
    const rows = Number(row.n ?? 0);
    if (rows === 0) continue;
    for (const field of fields) {
      const nulls = Number(row[field.stagedAs] ?? 0);
      const percent = Math.round((nulls / rows) * 10_000) / 100;
      checks.push({
        category: 'nulls',
        name: `null % of ${entity}.${field.name}`,
        tableName: table,
        columnName: field.stagedAs,
        isPassed: field.isRequired ? nulls === 0 : true,
        value: percent,
        threshold: field.isRequired ? 0 : null,
        detail: `${nulls.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows staged by this run are empty`,
      });
    }
  }
  return checks;
}

export function uniqueChecks(db: Db): QualityCheck[] {
  return [
    // Rows beyond the first of each id, counted along the id index (count(DISTINCT) sorts them all again).
    zeroCheck(db, 'unique', 'one row per order_id', 'fct_orders', 'order_id',
      'SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM fct_orders GROUP BY order_id HAVING n > 1)', 'duplicate order ids'),
    zeroCheck(db, 'unique', 'one row per customer_id', 'dim_customer', 'customer_id',
      'SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM dim_customer GROUP BY customer_id HAVING n > 1)', 'duplicate customer ids'),
    zeroCheck(db, 'unique', 'one current version per SKU', 'dim_product', 'sku',
      'SELECT count(*) FROM (SELECT sku FROM dim_product GROUP BY sku HAVING sum(is_current) <> 1)', 'SKUs without exactly one current version'),
    zeroCheck(db, 'unique', 'orders match staged order ids', 'fct_orders', 'order_id',
      'SELECT abs((SELECT count(DISTINCT order_id) FROM stg_orders) - (SELECT count(*) FROM fct_orders))', 'orders differ between staging and facts'),
  ];
}

export function referentialChecks(db: Db): QualityCheck[] {
  return [
    zeroCheck(db, 'referential', 'order lines have a product version', 'fct_order_items', 'product_key',
      'SELECT count(*) FROM fct_order_items i WHERE i.product_key IS NULL OR NOT EXISTS (SELECT 1 FROM dim_product p WHERE p.product_key = i.product_key)', 'lines without a product version'),
    zeroCheck(db, 'referential', 'orders have a customer', 'fct_orders', 'customer_key',
      'SELECT count(*) FROM fct_orders o WHERE o.customer_key IS NULL OR NOT EXISTS (SELECT 1 FROM dim_customer c WHERE c.customer_key = o.customer_key)', 'orders without a customer'),
    zeroCheck(db, 'referential', 'orders have a channel', 'fct_orders', 'channel_key',
      'SELECT count(*) FROM fct_orders o WHERE o.channel_key IS NULL OR NOT EXISTS (SELECT 1 FROM dim_channel c WHERE c.channel_key = o.channel_key)', 'orders without a channel'),
    zeroCheck(db, 'referential', 'stock SKUs are products', 'fct_inventory_daily', 'sku',
      'SELECT count(*) FROM (SELECT DISTINCT sku FROM fct_inventory_daily) i WHERE NOT EXISTS (SELECT 1 FROM dim_product p WHERE p.sku = i.sku)', 'stock SKUs missing from dim_product'),
    zeroCheck(db, 'referential', 'order days are in the calendar', 'fct_orders', 'order_date',
      'SELECT count(*) FROM (SELECT DISTINCT order_date FROM fct_orders) o WHERE NOT EXISTS (SELECT 1 FROM dim_date d WHERE d.date_key = o.order_date)', 'order days missing from dim_date'),
  ];
}

export function rangeChecks(db: Db): QualityCheck[] {
  return [
    zeroCheck(db, 'range', 'line quantities are positive', 'fct_order_items', 'quantity', 'SELECT count(*) FROM fct_order_items WHERE quantity <= 0', 'lines with quantity ≤ 0'),
    zeroCheck(db, 'range', 'line net is not negative', 'fct_order_items', 'net_cents', 'SELECT count(*) FROM fct_order_items WHERE net_cents < 0', 'lines whose discount exceeds their gross'),
    zeroCheck(db, 'range', 'refunds stay within the line net', 'fct_returns', 'refund_cents',
      'SELECT count(*) FROM fct_returns r JOIN fct_order_items i ON i.order_key = r.order_key AND i.line_no = r.line_no WHERE r.refund_cents < 0 OR r.refund_cents > i.net_cents', 'refunds outside 0 … line net'),
    zeroCheck(db, 'range', 'ratings are 1 to 5', 'fct_reviews', 'rating', 'SELECT count(*) FROM fct_reviews WHERE rating NOT BETWEEN 1 AND 5', 'ratings outside 1–5'),
    zeroCheck(db, 'range', 'versions are ordered', 'dim_product', 'valid_to', 'SELECT count(*) FROM dim_product WHERE valid_to IS NOT NULL AND valid_to <= valid_from', 'versions ending before they start'),
    zeroCheck(db, 'range', 'returns after the order', 'fct_returns', 'returned_at',
      'SELECT count(*) FROM fct_returns r JOIN fct_orders o ON o.order_key = r.order_key WHERE julianday(r.returned_at) < julianday(o.created_at)', 'returns dated before their order'),
  ];
}

export function reconciliationChecks(db: Db, runId: number): QualityCheck[] {
  return [
    zeroCheck(db, 'reconciliation', 'rows read = loaded + duplicates + quarantined', 'import_batches', null,
      `SELECT count(*) FROM import_batches WHERE run_id = ${Number(runId)} AND rows_read <> rows_loaded + rows_duplicate + rows_quarantined`, 'batches that do not add up'),
    zeroCheck(db, 'reconciliation', 'quarantine holds every quarantined row', 'quarantine', null,
      `SELECT abs((SELECT coalesce(sum(rows_quarantined), 0) FROM import_batches WHERE run_id = ${Number(runId)})
              - (SELECT count(*) FROM quarantine q JOIN import_batches b ON b.batch_id = q.batch_id WHERE b.run_id = ${Number(runId)}))`, 'quarantined rows missing from quarantine'),
    zeroCheck(db, 'reconciliation', 'daily revenue adds up to the orders', 'fct_revenue_daily', 'gross_cents',
      `SELECT count(*) FROM (
         SELECT currency, sum(gross_cents) AS g FROM fct_orders NOT INDEXED WHERE is_counted = 1 GROUP BY currency
         EXCEPT SELECT currency, sum(gross_cents) FROM fct_revenue_daily GROUP BY currency)`, 'currencies whose daily gross differs from their orders'),
    zeroCheck(db, 'reconciliation', 'order net = gross − discount − refunds', 'fct_orders', 'net_cents',
      'SELECT count(*) FROM fct_orders WHERE net_cents <> gross_cents - discount_cents - refund_cents', 'orders whose net breaks the formula'),
    zeroCheck(db, 'reconciliation', 'order refunds = their returns', 'fct_orders', 'refund_cents',
      'SELECT count(*) FROM fct_orders o WHERE o.refund_cents <> (SELECT coalesce(sum(r.refund_cents), 0) FROM fct_returns r WHERE r.order_key = o.order_key)', 'orders whose refund differs from their returns'),
  ];
}
