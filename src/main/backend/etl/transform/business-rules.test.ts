import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../db/migrations';
import { openWarehouse, type Db } from '../../db/open';
import { runImport } from '../import-run';
import { rebuildFromStaging } from '../rebuild';
import { customer, line, order, product, writeNativeFiles } from '../testing/csv-fixture';
import { warehouseChecksums } from '../testing/warehouse-checksum';

let dir: string;
let db: Db;
let day = 0;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'storelens-rules-'));
  db = openWarehouse(path.join(dir, 'w.sqlite'));
  day = 0;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function load(files: Parameters<typeof writeNativeFiles>[1]): Promise<void> {
  day += 1;
  const written = writeNativeFiles(path.join(dir, `drop-${day}`), files);
  const result = await runImport(db, { kind: 'files', source: 'test', files: written });
  expect(result.rowsQuarantined, JSON.stringify(result.files.map((f) => f.message))).toBe(0);
}

const all = (sql: string, ...params: unknown[]): unknown[] => db.prepare(sql).all(...params);

describe('product versions (SCD-2)', () => {
  it('opens a version on a list-price change and ties each line to the version valid at order time', async () => {
    await load({
      customers: [customer('C1')],
      products: [product('S1', '10.00', '2024-01-01T00:00:00Z'), product('S1', '12.00', '2024-02-01T00:00:00+01:00'), product('S1', '12.00', '2024-02-05T00:00:00Z', { name: 'Renamed' })],
      orders: [order('O1', 'C1', '2024-01-20T10:00:00Z'), order('O2', 'C1', '2024-01-31T23:30:00Z'), order('O3', 'C1', '2024-03-01T10:00:00Z')],
      order_items: [line('O1', 1, 'S1', 1, '10.00'), line('O2', 1, 'S1', 1, '12.00'), line('O3', 1, 'S1', 2, '12.00')],
    });
    expect(all('SELECT list_price_cents, name, valid_from, valid_to, is_current FROM dim_product ORDER BY valid_from')).toEqual([
      { list_price_cents: 1000, name: 'Product S1', valid_from: '2024-01-01T00:00:00Z', valid_to: '2024-01-31T23:00:00Z', is_current: 0 },
      { list_price_cents: 1200, name: 'Renamed', valid_from: '2024-01-31T23:00:00Z', valid_to: null, is_current: 1 },
    ]);
    // O2 at 23:30Z is after the +01:00 midnight change (23:00Z): it takes the new version.
    expect(all('SELECT i.order_id, p.list_price_cents, i.cost_cents FROM fct_order_items i JOIN dim_product p USING (product_key) ORDER BY 1')).toEqual([
      { order_id: 'O1', list_price_cents: 1000, cost_cents: 100 },
      { order_id: 'O2', list_price_cents: 1200, cost_cents: 100 },
      { order_id: 'O3', list_price_cents: 1200, cost_cents: 200 },
    ]);
  });

  it('re-links earlier lines when a late product row opens a version in the past, exactly as a rebuild would', async () => {
    await load({
      customers: [customer('C1')],
      products: [product('S1', '10.00', '2024-01-01T00:00:00Z')],
      orders: [order('O1', 'C1', '2024-01-10T00:00:00Z'), order('O2', 'C1', '2024-01-20T00:00:00Z')],
      order_items: [line('O1', 1, 'S1', 1, '10.00'), line('O2', 1, 'S1', 1, '10.00')],
    });
    await load({ products: [product('S1', '9.00', '2024-01-15T00:00:00Z', { cost: '2.00' })] });
    expect(all('SELECT i.order_id, p.list_price_cents, i.cost_cents FROM fct_order_items i JOIN dim_product p USING (product_key) ORDER BY 1')).toEqual([
      { order_id: 'O1', list_price_cents: 1000, cost_cents: 100 },
      { order_id: 'O2', list_price_cents: 900, cost_cents: 200 },
    ]);
    const incremental = warehouseChecksums(db);
    rebuildFromStaging(db);
    expect(warehouseChecksums(db)).toEqual(incremental);
  });

  it('treats a same-instant price correction as a fix of that version, not a new one', async () => {
    await load({ products: [product('S1', '10.00', '2024-01-01T00:00:00Z'), product('S1', '11.00', '2024-01-01T00:00:00Z')] });
    expect(all('SELECT list_price_cents, is_current FROM dim_product')).toEqual([{ list_price_cents: 1100, is_current: 1 }]);
  });
});

describe('daily revenue: new and repeat customers', () => {
  it('counts a customer whose first two orders share a day as new and as repeat', async () => {
    await load({
      customers: [customer('C1'), customer('C2')],
      products: [product('S1', '10.00', '2024-01-01T00:00:00Z')],
      orders: [order('O1', 'C1', '2024-01-10T10:00:00Z'), order('O2', 'C1', '2024-01-10T15:00:00Z'), order('O3', 'C2', '2024-01-10T16:00:00Z')],
      order_items: [line('O1', 1, 'S1', 1, '10.00'), line('O2', 1, 'S1', 1, '10.00'), line('O3', 1, 'S1', 1, '10.00')],
    });
    expect(all('SELECT date_key, orders, new_customers, repeat_customers FROM fct_revenue_daily')).toEqual([
      { date_key: '2024-01-10', orders: 3, new_customers: 2, repeat_customers: 1 },
    ]);
    // A warehouse loaded before the rule changed holds customers − new (0 here); migration 0014
    // recounts it to what a rebuild from staging gives.
    const rebuilt = warehouseChecksums(db);
    db.exec('UPDATE fct_revenue_daily SET repeat_customers = 0');
    db.exec(loadMigrations().find((m) => m.version === 14)!.sql);
    expect(warehouseChecksums(db)).toEqual(rebuilt);
  });
});

describe('orders: latest ingestion wins', () => {
  it('replaces a re-sent order everywhere downstream, including the day it left and first-order flags', async () => {
    await load({
      customers: [customer('C1'), customer('C2')],
      products: [product('S1', '10.00', '2024-01-01T00:00:00Z')],
      orders: [order('O1', 'C1', '2024-01-10T10:00:00Z'), order('O2', 'C1', '2024-01-12T10:00:00Z')],
      order_items: [line('O1', 1, 'S1', 2, '10.00', '1.00', '2.00'), line('O2', 1, 'S1', 1, '10.00')],
    });
    expect(all('SELECT date_key, gross_cents, discount_cents, net_cents, orders, new_customers, repeat_customers FROM fct_revenue_daily ORDER BY 1')).toEqual([
      { date_key: '2024-01-10', gross_cents: 2000, discount_cents: 100, net_cents: 1900, orders: 1, new_customers: 1, repeat_customers: 0 },
      { date_key: '2024-01-12', gross_cents: 1000, discount_cents: 0, net_cents: 1000, orders: 1, new_customers: 0, repeat_customers: 1 },
    ]);
    // O1 is re-sent cancelled: it stops counting, and O2 becomes C1's first order.
    await load({ orders: [order('O1', 'C1', '2024-01-10T10:00:00Z', { status: 'cancelled', cancelled_at: '2024-01-10T11:00:00Z' })] });
    expect(all('SELECT order_id, status, is_counted, is_first_order FROM fct_orders ORDER BY 1')).toEqual([
      { order_id: 'O1', status: 'cancelled', is_counted: 0, is_first_order: 0 },
      { order_id: 'O2', status: 'paid', is_counted: 1, is_first_order: 1 },
    ]);
    expect(all('SELECT date_key, net_cents, orders, new_customers, repeat_customers FROM fct_revenue_daily ORDER BY 1')).toEqual([
      { date_key: '2024-01-12', net_cents: 1000, orders: 1, new_customers: 1, repeat_customers: 0 },
    ]);
    expect(all("SELECT first_order_date, last_order_date FROM dim_customer WHERE customer_id = 'C1'")).toEqual([{ first_order_date: '2024-01-12', last_order_date: '2024-01-12' }]);
    // Moved to another customer: C2 gets it, C1's dates follow.
    await load({ orders: [order('O2', 'C2', '2024-01-12T10:00:00Z')] });
    expect(all("SELECT c.customer_id, o.is_first_order FROM fct_orders o JOIN dim_customer c USING (customer_key) WHERE o.order_id = 'O2'")).toEqual([{ customer_id: 'C2', is_first_order: 1 }]);
    expect(all("SELECT first_order_date FROM dim_customer WHERE customer_id = 'C1'")).toEqual([{ first_order_date: null }]);
    const incremental = warehouseChecksums(db);
    rebuildFromStaging(db);
    expect(warehouseChecksums(db)).toEqual(incremental);
  });
});

describe('returns and refunds', () => {
  it('refunds the net line amount pro rata within 30 days of delivery, 0 after or when never delivered', async () => {
    const delivered = { status: 'delivered', delivered_at: '2024-01-05T12:00:00Z' };
    await load({
      customers: [customer('C1')],
      products: [product('S1', '10.00', '2024-01-01T00:00:00Z')],
      orders: [order('O1', 'C1', '2024-01-01T10:00:00Z', delivered), order('O2', 'C1', '2024-01-02T10:00:00Z')],
      order_items: [line('O1', 1, 'S1', 3, '10.00', '1.00'), line('O1', 2, 'S1', 1, '10.00'), line('O2', 1, 'S1', 1, '10.00')],
      returns: [
        { order_id: 'O1', line_no: 1, quantity: 1, returned_at: '2024-02-04T12:00:00Z', reason: 'too small' },
        { order_id: 'O1', line_no: 2, quantity: 1, returned_at: '2024-02-04T12:00:01Z' },
        { order_id: 'O2', line_no: 1, quantity: 1, returned_at: '2024-01-03T00:00:00Z' },
      ],
    });
    // Line 1: net 29.00 for 3 units, 1 returned exactly 30 days after delivery → round(2900 / 3) = 967.
    expect(all('SELECT order_id, line_no, refund_cents, refund_rule, days_since_delivery, return_date FROM fct_returns ORDER BY 1, 2')).toEqual([
      { order_id: 'O1', line_no: 1, refund_cents: 967, refund_rule: 'within_30_days', days_since_delivery: 30, return_date: '2024-02-04' },
      { order_id: 'O1', line_no: 2, refund_cents: 0, refund_rule: 'after_30_days', days_since_delivery: 30, return_date: '2024-02-04' },
      { order_id: 'O2', line_no: 1, refund_cents: 0, refund_rule: 'not_delivered', days_since_delivery: null, return_date: '2024-01-03' },
    ]);
    expect(all("SELECT gross_cents, discount_cents, refund_cents, net_cents FROM fct_orders WHERE order_id = 'O1'")).toEqual([
      { gross_cents: 4000, discount_cents: 100, refund_cents: 967, net_cents: 2933 },
    ]);
    // Refunds are booked on the return date.
    expect(all("SELECT date_key, refund_cents, net_cents FROM fct_revenue_daily WHERE date_key = '2024-02-04'")).toEqual([{ date_key: '2024-02-04', refund_cents: 967, net_cents: -967 }]);
  });
});

describe('inventory', () => {
  it('keeps end-of-day stock per day, recomputes from late movements, and raises one alert per transition into risk', async () => {
    const move = (at: string, kind: string, quantity: number) => ({ sku: 'S1', moved_at: at, kind, quantity });
    await load({
      products: [product('S1', '10.00', '2024-01-01T00:00:00Z', { reorder_point: 10 })],
      inventory_movements: [move('2024-01-01T06:00:00Z', 'receipt', 20), move('2024-01-02T06:00:00Z', 'allocation', 8), move('2024-01-03T06:00:00Z', 'sale', -8), move('2024-01-03T06:00:01Z', 'release', -8)],
    });
    expect(all('SELECT date_key, on_hand, allocated, is_at_risk FROM fct_inventory_daily ORDER BY 1')).toEqual([
      { date_key: '2024-01-01', on_hand: 20, allocated: 0, is_at_risk: 0 },
      { date_key: '2024-01-02', on_hand: 20, allocated: 8, is_at_risk: 0 },
      { date_key: '2024-01-03', on_hand: 12, allocated: 0, is_at_risk: 0 },
    ]);
    await load({ inventory_movements: [move('2024-01-05T06:00:00Z', 'sale', -5), move('2024-01-07T06:00:00Z', 'receipt', 10)] });
    // A late adjustment for Jan 2 arrives after Jan 7 was loaded: every later day follows.
    await load({ inventory_movements: [move('2024-01-02T09:00:00Z', 'adjustment', -1)] });
    expect(all('SELECT date_key, on_hand, allocated, is_at_risk FROM fct_inventory_daily ORDER BY 1')).toEqual([
      { date_key: '2024-01-01', on_hand: 20, allocated: 0, is_at_risk: 0 },
      { date_key: '2024-01-02', on_hand: 19, allocated: 8, is_at_risk: 0 },
      { date_key: '2024-01-03', on_hand: 11, allocated: 0, is_at_risk: 0 },
      { date_key: '2024-01-04', on_hand: 11, allocated: 0, is_at_risk: 0 },
      { date_key: '2024-01-05', on_hand: 6, allocated: 0, is_at_risk: 1 },
      { date_key: '2024-01-06', on_hand: 6, allocated: 0, is_at_risk: 1 },
      { date_key: '2024-01-07', on_hand: 16, allocated: 0, is_at_risk: 0 },
    ]);
    expect(all('SELECT sku, raised_date, on_hand, allocated, reorder_point, resolved_date, status FROM inventory_alerts')).toEqual([
      { sku: 'S1', raised_date: '2024-01-05', on_hand: 6, allocated: 0, reorder_point: 10, resolved_date: '2024-01-07', status: 'resolved' },
    ]);
    const incremental = warehouseChecksums(db);
    rebuildFromStaging(db);
    expect(warehouseChecksums(db)).toEqual(incremental);
  });
});
