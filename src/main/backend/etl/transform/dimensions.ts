import type { Db } from '../../db/open';
import { addChangedDays } from './aggregate-days';
import { buildProductVersions, type StagedProduct } from './product-versions';

/** Each touched customer's first and latest staged row ids (latest ingestion wins). */
const STAGED_CUSTOMER_ROWS = `(SELECT customer_id, min(stg_id) AS first_id, max(stg_id) AS last_id
  FROM stg_customers WHERE customer_id IN (SELECT customer_id FROM t_customers) GROUP BY customer_id)`;

/** Channel codes that are initialisms: "pos" reads "POS", not "Pos". */
const INITIALISM_CHANNELS = ['pos', 'b2b', 'b2c', 'sms', 'api', 'tv'] as const;

/** A channel's label from its code: "mobile_app" → "Mobile app", "pos" → "POS". */
export const CHANNEL_LABEL_SQL = `CASE WHEN lower(channel) IN (${INITIALISM_CHANNELS.map((c) => `'${c}'`).join(', ')}) THEN upper(channel)
  ELSE upper(substr(channel, 1, 1)) || replace(substr(channel, 2), '_', ' ') END`;

/** New channel codes, keyed in order of first appearance, so a rebuild assigns the same keys. */
export function upsertChannels(db: Db, ordersWatermark: number): number {
  return db
    .prepare(
      // DISTINCT keeps a handful of codes as it scans; GROUP BY sorted every staged order row.
      `INSERT INTO dim_channel (channel_code, label)
       SELECT channel, ${CHANNEL_LABEL_SQL}
       FROM (SELECT DISTINCT channel FROM stg_orders WHERE stg_id > @watermark AND channel NOT IN (SELECT channel_code FROM dim_channel)) fresh
       ORDER BY (SELECT s.stg_id FROM stg_orders s WHERE s.stg_id > @watermark AND s.channel = fresh.channel ORDER BY s.stg_id LIMIT 1)`,
    )
    .run({ watermark: ordersWatermark }).changes;
}

/**
 * The days of every order of a customer whose region or segment the run changes go to t_dates:
 * the analytics aggregates file sales under those (line-pass-context.ts, customer-aggregates.ts),
 * so all of that customer's days move. Call before upsertCustomers, while dim_customer is as it was.
 */
export function addDaysOfRegroupedCustomers(db: Db): void {
  addChangedDays(db, `
      SELECT DISTINCT o.order_date
      FROM ${STAGED_CUSTOMER_ROWS} k
      JOIN stg_customers s ON s.stg_id = k.last_id
      JOIN dim_customer c ON c.customer_id = s.customer_id
      JOIN fct_orders o ON o.customer_key = c.customer_key
      WHERE c.region IS NOT s.region OR c.segment IS NOT s.segment`);
}

/**
 * Touched customers from their latest staged row (latest ingestion wins). The surrogate key is
 * the customer's first staging row id: stable across re-imports and rebuilds.
 */
export function upsertCustomers(db: Db): number {
  return db
    .prepare(
      `INSERT INTO dim_customer (customer_key, customer_id, email, name, region, country, city, signup_date, segment, acquisition_channel, is_guest)
       SELECT k.first_id, s.customer_id, s.email, s.name, s.region, s.country, s.city, s.signup_date, s.segment, s.acquisition_channel,
              CASE WHEN lower(s.customer_id) LIKE 'guest%' THEN 1 ELSE 0 END
       FROM ${STAGED_CUSTOMER_ROWS} k
       JOIN stg_customers s ON s.stg_id = k.last_id
       WHERE true
       ON CONFLICT (customer_key) DO UPDATE SET
         email = excluded.email, name = excluded.name, region = excluded.region, country = excluded.country, city = excluded.city,
         signup_date = excluded.signup_date, segment = excluded.segment, acquisition_channel = excluded.acquisition_channel, is_guest = excluded.is_guest`,
    )
    .run().changes;
}

/** First and last counted order dates of touched customers, once the order facts are rebuilt. */
export function refreshCustomerOrderDates(db: Db): void {
  db.exec(`
    UPDATE dim_customer SET
      first_order_date = (SELECT min(o.order_date) FROM fct_orders o WHERE o.customer_key = dim_customer.customer_key AND o.is_counted = 1),
      last_order_date = (SELECT max(o.order_date) FROM fct_orders o WHERE o.customer_key = dim_customer.customer_key AND o.is_counted = 1)
    WHERE customer_id IN (SELECT customer_id FROM t_customers)`);
}

/** Rebuilds the SCD-2 versions of touched SKUs from all their staged rows. */
export function rebuildProducts(db: Db): number {
  const rows = db
    .prepare<[], StagedProduct>(
      `SELECT stg_id, sku, name, category, brand, supplier, cost_cents, list_price_cents, reorder_point,
              strftime('%Y-%m-%dT%H:%M:%SZ', updated_at) AS updated_utc
       FROM stg_products WHERE sku IN (SELECT sku FROM t_skus) ORDER BY sku, updated_utc, stg_id`,
    )
    .all();
  db.exec('DELETE FROM dim_product WHERE sku IN (SELECT sku FROM t_skus)');
  const insert = db.prepare(
    `INSERT INTO dim_product (product_key, sku, name, category, brand, supplier, cost_cents, list_price_cents, reorder_point, is_product, valid_from, valid_to, is_current)
     VALUES (@product_key, @sku, @name, @category, @brand, @supplier, @cost_cents, @list_price_cents, @reorder_point, @is_product, @valid_from, @valid_to, @is_current)`,
  );
  const versions = buildProductVersions(rows);
  for (const version of versions) insert.run(version);
  return versions.length;
}
