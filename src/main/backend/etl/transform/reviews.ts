import type { Db } from '../../db/open';

/** fct_reviews for touched reviews (latest staged row wins), tied to the product version valid on the review date. */
export function rebuildReviews(db: Db): number {
  db.exec('DELETE FROM fct_reviews WHERE review_id IN (SELECT review_id FROM t_reviews)');
  return db
    .prepare(
      `INSERT INTO fct_reviews (review_id, sku, product_key, customer_key, rating, body, review_date)
       SELECT s.review_id, s.sku,
         COALESCE(
           (SELECT p.product_key FROM dim_product p WHERE p.sku = s.sku AND p.valid_from <= strftime('%Y-%m-%dT%H:%M:%SZ', s.reviewed_at) ORDER BY p.valid_from DESC LIMIT 1),
           (SELECT p.product_key FROM dim_product p WHERE p.sku = s.sku ORDER BY p.valid_from LIMIT 1)),
         c.customer_key, s.rating, s.text, substr(s.reviewed_at, 1, 10)
       FROM (SELECT review_id, max(stg_id) AS last_id FROM stg_reviews WHERE review_id IN (SELECT review_id FROM t_reviews) GROUP BY review_id) k
       JOIN stg_reviews s ON s.stg_id = k.last_id
       LEFT JOIN dim_customer c ON c.customer_id = s.customer_id
       ORDER BY s.review_id`,
    )
    .run().changes;
}
