import type { Db } from '../../db/open';

export interface ProductLabel {
  name: string | null;
  category: string | null;
}

/** Current name and category of each SKU (SCD-2: the is_current version). */
export function productLabels(db: Db, skus: readonly string[]): Map<string, ProductLabel> {
  if (skus.length === 0) return new Map();
  const rows = db
    .prepare<[string], { sku: string; name: string | null; category: string | null }>(
      'SELECT sku, name, category FROM dim_product WHERE is_current = 1 AND sku IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify([...new Set(skus)]));
  return new Map(rows.map((r) => [r.sku, { name: r.name, category: r.category }]));
}
