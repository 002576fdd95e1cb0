import { describe, expect, it } from 'vitest';
import { freshWarehousePerTest } from '../testing/fresh-warehouse';
import { ParentKeys } from './parent-keys';

const warehouse = freshWarehousePerTest('storelens-parent-keys-');

/** An order line's typed values as the validator emits them: order_id, line_no, sku, quantity, prices. */
const line = (orderId: string, sku = 'SKU-1'): (string | number)[] => [orderId, 1, sku, 1, 100, 0, 0];

function stageOrder(orderId: string): void {
  warehouse.db
    .prepare(
      `INSERT INTO stg_orders (batch_id, source_file, source_line, ingested_at, row_hash, order_id, customer_id, channel, status, created_at,
         currency, subtotal_cents, discount_cents, tax_cents, shipping_cents, total_cents, updated_at)
       VALUES (1, 'f.csv', 2, '2024-01-01T00:00:00Z', 1, ?, 'C1', 'web', 'paid', '2024-01-01T00:00:00Z', 'USD', 0, 0, 0, 0, 0, '2024-01-01T00:00:00Z')`,
    )
    .run(orderId);
}

function stageProduct(sku: string): void {
  warehouse.db
    .prepare(
      `INSERT INTO stg_products (batch_id, source_file, source_line, ingested_at, row_hash, sku, name, category, list_price_cents, cost_cents,
         reorder_point, updated_at)
       VALUES (1, 'f.csv', 2, '2024-01-01T00:00:00Z', 1, ?, 'n', 'c', 100, 50, 5, '2024-01-01T00:00:00Z')`,
    )
    .run(sku);
}

describe('ParentKeys', () => {
  it('finds remembered parents in file order, out of order, repeated and after a jump, and refuses unknown ones', () => {
    const parents = new ParentKeys(warehouse.db);
    stageProduct('SKU-1');
    for (const id of ['O1', 'O2', 'O3', 'O4']) parents.remember('orders', [id, 'C1']);
    const missing = (orderId: string): string | null => parents.missingParent('order_items', line(orderId))?.column ?? null;
    // In order, then back, repeated, a jump forward, and the key after the jump.
    expect(['O1', 'O1', 'O2', 'O4', 'O1', 'O3', 'O4'].map(missing)).toEqual([null, null, null, null, null, null, null]);
    expect(missing('O5')).toBe('order_id');
    expect(parents.missingParent('order_items', line('O2', 'SKU-404'))).toMatchObject({ column: 'sku', code: 'unknown_parent', reason: expect.stringContaining('SKU-404') });
  });

  it('finds parents staged by an earlier run, and forgets its cache without losing them', () => {
    stageOrder('O-old');
    stageProduct('SKU-1');
    const parents = new ParentKeys(warehouse.db);
    parents.remember('orders', ['O-new', 'C1']);
    expect(parents.missingParent('order_items', line('O-old'))).toBeNull();
    expect(parents.missingParent('order_items', line('O-new'))).toBeNull();
    // The cursor sits on O-old, found in staging; the remembered key after it is still found.
    expect(parents.missingParent('order_items', line('O-old'))).toBeNull();
    parents.forgetCached();
    expect(parents.missingParent('order_items', line('O-new'))?.column).toBe('order_id');
    expect(parents.missingParent('order_items', line('O-old'))).toBeNull();
  });
  it('remembers long keys cut from a larger text (a batch), exactly, with no staging behind them', () => {
    stageProduct('SKU-1');
    const parents = new ParentKeys(warehouse.db);
    const ids = Array.from({ length: 50 }, (_, i) => `3f2b${String(i).padStart(4, '0')}-7c1e-4d2a-9b8f-0123456789ab`);
    const batchText = ids.map((id) => `${id},x,y`).join('|');
    let at = 0;
    for (const id of ids) {
      // Cut from the batch text, as unpacked values are: V8 makes these views on the whole text.
      parents.remember('orders', [batchText.slice(at, at + id.length)]);
      at += id.length + 5;
    }
    expect(ids.map((id) => parents.missingParent('order_items', line(id)))).toEqual(ids.map(() => null));
    expect(parents.missingParent('order_items', line(`${ids[0]?.slice(0, -1)}c`))).toMatchObject({ column: 'order_id', code: 'unknown_parent' });
  });
});
