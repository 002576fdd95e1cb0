/** What a product row says about the SKU, shared by the staged row and the SCD-2 version. */
interface ProductAttributes {
  sku: string;
  name: string;
  category: string;
  brand: string | null;
  supplier: string | null;
  cost_cents: number;
  list_price_cents: number;
  reorder_point: number;
}

/** A staged product row, with updated_at normalised to UTC so rows from different offsets sort correctly. */
export interface StagedProduct extends ProductAttributes {
  stg_id: number;
  updated_utc: string;
}

export interface ProductVersion extends ProductAttributes {
  product_key: number;
  is_product: number;
  valid_from: string;
  valid_to: string | null;
  is_current: number;
}

/** Fees, postage and manual lines (UCI codes POST, D, M, C2, DOT, BANK CHARGES…) are not products; the formats module marks them with the category 'Fees & postage'. */
const NON_PRODUCT_CATEGORIES = new Set(['__non_product__', 'fees & postage', 'fee', 'fees', 'postage', 'shipping', 'discount', 'manual', 'adjustment', 'non-product']);

/**
 * SCD-2 from a SKU's rows in (updated_at, stg_id) order: a change of list price or cost opens a
 * new version valid from that row's updated_at (valid_to is exclusive); any other change
 * (name, category, reorder point…) updates the version it falls in. The version key is the
 * stg_id of the row that opened it, so rebuilding from staging reproduces the same keys.
 */
export function buildProductVersions(rows: readonly StagedProduct[]): ProductVersion[] {
  const versions: ProductVersion[] = [];
  let current: ProductVersion | null = null;
  for (const row of rows) {
    const isNewSku = current === null || current.sku !== row.sku;
    // A price change stamped with the same instant as the version it would close replaces that version's prices instead.
    const isPriceChange =
      !isNewSku &&
      current !== null &&
      current.valid_from !== row.updated_utc &&
      (current.list_price_cents !== row.list_price_cents || current.cost_cents !== row.cost_cents);
    if (isNewSku || isPriceChange) {
      if (current !== null && !isNewSku) {
        current.valid_to = row.updated_utc;
        current.is_current = 0;
      }
      current = {
        product_key: row.stg_id,
        sku: row.sku,
        name: row.name,
        category: row.category,
        brand: row.brand,
        supplier: row.supplier,
        cost_cents: row.cost_cents,
        list_price_cents: row.list_price_cents,
        reorder_point: row.reorder_point,
        is_product: NON_PRODUCT_CATEGORIES.has(row.category.toLowerCase()) ? 0 : 1,
        valid_from: row.updated_utc,
        valid_to: null,
        is_current: 1,
      };
      versions.push(current);
    } else if (current !== null) {
      current.cost_cents = row.cost_cents;
      current.list_price_cents = row.list_price_cents;
      current.name = row.name;
      current.category = row.category;
      current.brand = row.brand;
      current.supplier = row.supplier;
      current.reorder_point = row.reorder_point;
      current.is_product = NON_PRODUCT_CATEGORIES.has(row.category.toLowerCase()) ? 0 : 1;
    }
  }
  return versions;
}
