import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAllAnalyticsAggregates } from '../analytics/aggregates/refresh';
import { addDays } from '../analytics/scope';
import { aggregateSnapshot } from '../analytics/testing/aggregate-snapshot';
import { openWarehouse, type Db } from '../db/open';
import { runImport } from './import-run';
import { rebuildFromStaging } from './rebuild';
import type { NativeEntity } from '../../../shared/data-contract/native-format';
import { latestStaged, resentRow, writeDrop } from './testing/drops';
import { filesOfDays, generateSmallStore, type GeneratedStore } from './testing/generated-store';
import { warehouseChecksums } from './testing/warehouse-checksum';

let store: GeneratedStore;
let db: Db;

beforeAll(async () => {
  store = await generateSmallStore(5, 40);
  db = openWarehouse(path.join(store.dir, 'warehouse.sqlite'));
  await runImport(db, { kind: 'landing', source: store.landing, files: filesOfDays(store, store.days) });
});

afterAll(() => {
  db.close();
  rmSync(store.dir, { recursive: true, force: true });
});

const cents = (value: number): string => (value / 100).toFixed(2);

/** A later drop of one entity's rows, imported as its own run. */
async function importDrop(name: string, entity: NativeEntity, rows: string[][], into = { db, dir: store.dir }): Promise<Awaited<ReturnType<typeof runImport>>> {
  const files = writeDrop(path.join(into.dir, name), { [entity]: rows });
  return runImport(into.db, { kind: 'files', source: path.dirname(files[0] ?? ''), files });
}

/** An order as staged, re-sent as cancelled at the given instant. */
const cancelledOrder = (from: Db, orderId: string, cancelledAt: string): string[] =>
  resentRow('orders', latestStaged(from, 'orders', 'order_id = ?', orderId), { status: 'cancelled', cancelled_at: cancelledAt, updated_at: cancelledAt });

/** The aggregates as the run left them, then as a full rebuild makes them: they must be the same. */
function expectAggregatesAsRebuilt(): void {
  const incremental = aggregateSnapshot(db);
  rebuildAllAnalyticsAggregates(db);
  expect(aggregateSnapshot(db)).toEqual(incremental);
}

describe('what a small later run refreshes', () => {
  it('a customer re-sent with another region moves all their days, back to their first order', async () => {
    const customer = db
      .prepare<[], { customer_id: string; first: string }>(
        `SELECT c.customer_id, min(o.order_date) AS first FROM dim_customer c JOIN fct_orders o ON o.customer_key = c.customer_key
         WHERE o.is_counted = 1 GROUP BY c.customer_key HAVING count(*) >= 3 ORDER BY first LIMIT 1`,
      )
      .get();
    if (!customer) throw new Error('the store must have a customer with three orders');
    const staged = latestStaged(db, 'customers', 'customer_id = ?', customer.customer_id);
    const run = await importDrop('regrouped', 'customers', [resentRow('customers', staged, { region: 'test-north', updated_at: `${store.days.at(-1)}T23:00:00Z` })]);
    expect(run.rowsLoaded).toBe(1);
    expect(run.transform?.touchedFrom).toBe(customer.first);
    const moved = db.prepare("SELECT count(*) FROM agg_sales_daily WHERE region = 'test-north'").pluck().get() as number;
    expect(moved).toBeGreaterThan(0);
    expectAggregatesAsRebuilt();
  });

  it('a first order cancelled later hands "first" to the next order, and only those days are refreshed', async () => {
    const first = db
      .prepare<[], { order_id: string; order_date: string; customer_key: number }>(
        `SELECT o.order_id, o.order_date, o.customer_key FROM fct_orders o
         WHERE o.is_first_order = 1 AND (SELECT count(*) FROM fct_orders n WHERE n.customer_key = o.customer_key AND n.is_counted = 1 AND n.order_date > o.order_date) >= 1
         ORDER BY o.order_date DESC LIMIT 1`,
      )
      .get();
    if (!first) throw new Error('the store must have a customer with a later order');
    const next = db
      .prepare<[number, string], { order_key: number; order_date: string }>(
        'SELECT order_key, order_date FROM fct_orders WHERE customer_key = ? AND is_counted = 1 AND order_date > ? ORDER BY julianday(created_at), order_key LIMIT 1',
      )
      .get(first.customer_key, first.order_date);
    const cancelledAt = `${store.days.at(-1)}T23:30:00Z`;
    const run = await importDrop('cancelled', 'orders', [cancelledOrder(db, first.order_id, cancelledAt)]);
    expect(run.rowsLoaded).toBe(1);
    expect(db.prepare('SELECT is_first_order FROM fct_orders WHERE order_key = ?').pluck().get(next?.order_key)).toBe(1);
    // The cancelled order's day and the new first order's day; nothing earlier, nothing in between needed.
    expect(run.transform?.touchedFrom).toBe(first.order_date);
    expect(run.transform?.touchedTo).toBe(next?.order_date);
    expectAggregatesAsRebuilt();
    const facts = warehouseChecksums(db);
    rebuildFromStaging(db);
    expect(warehouseChecksums(db)).toEqual(facts);
  });
});

describe('a run that only moves old orders on and refunds them', () => {
  it('rebuilds no old line cells, only the returns and the customers, and still equals a rebuild', async () => {
    // A delivered order from the middle of the store, with no return yet.
    const order = db
      .prepare<[string, string], { order_id: string; order_date: string; delivered_at: string; line_no: number }>(
        `SELECT o.order_id, o.order_date, o.delivered_at, min(i.line_no) AS line_no FROM fct_orders o JOIN fct_order_items i ON i.order_key = o.order_key
         WHERE o.is_counted = 1 AND o.delivered_at IS NOT NULL AND o.order_date BETWEEN ? AND ? AND o.refund_cents = 0
           AND NOT EXISTS (SELECT 1 FROM fct_returns r WHERE r.order_key = o.order_key)
         GROUP BY o.order_key ORDER BY o.order_date LIMIT 1`,
      )
      .get(store.days[15] ?? '', store.days[20] ?? '');
    if (!order) throw new Error('the store must have a delivered order without returns in its middle');
    const returnedAt = new Date(Date.parse(order.delivered_at) + 3 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const staged = latestStaged(db, 'orders', 'order_id = ?', order.order_id);
    // And an order of the first and of the last day cancelled: the line pass then rebuilds those
    // two days only, and the refunded order's day lies between them, not rebuilt.
    const lastDay = store.days.at(-1) ?? '';
    const firstOrderOf = (day: string): string =>
      db.prepare('SELECT order_id FROM fct_orders WHERE order_date = ? AND is_counted = 1 AND is_first_order = 0 ORDER BY order_key LIMIT 1').pluck().get(day) as string;
    const files = writeDrop(path.join(store.dir, 'returned'), {
      orders: [
        resentRow('orders', staged, { status: 'returned', updated_at: returnedAt }),
        cancelledOrder(db, firstOrderOf(store.days[1] ?? ''), `${lastDay}T23:58:00Z`),
        cancelledOrder(db, firstOrderOf(lastDay), `${lastDay}T23:59:00Z`),
      ],
      returns: [[order.order_id, String(order.line_no), '1', returnedAt, 'too small', '']],
    });
    const salesOfDay = db.prepare('SELECT count(*), sum(gross_cents) FROM agg_sales_daily WHERE date_key = ?').raw();
    const salesBefore = salesOfDay.get(order.order_date);
    const run = await runImport(db, { kind: 'files', source: path.join(store.dir, 'returned'), files });
    expect(run.rowsLoaded).toBe(4);
    expect(db.prepare('SELECT refund_cents FROM fct_orders WHERE order_id = ?').pluck().get(order.order_id)).toBeGreaterThan(0);
    // The refunded order's day is a fact day, inside the days the aggregates cover, but not one
    // the line pass rebuilds: only its customer cells are rewritten.
    expect(run.transform?.aggregateFrom).toBe(store.days[1]);
    expect(run.transform?.aggregateTo).toBe(lastDay);
    expect(run.transform?.refundOnlyDays).toBe(1);
    expect(salesOfDay.get(order.order_date)).toEqual(salesBefore);
    expectAggregatesAsRebuilt();
    const facts = warehouseChecksums(db);
    rebuildFromStaging(db);
    expect(warehouseChecksums(db)).toEqual(facts);
  });
});

describe('a late product row changes the lines it covers', () => {
  /** A SKU sold on many days, its latest staged row, and an instant in the middle of its sales. */
  function soldSku(offset: number): { row: Record<string, unknown>; middle: string } {
    const sku = db
      .prepare<[number], { sku: string; first: string; last: string }>(
        `SELECT i.sku, min(o.created_at) AS first, max(o.created_at) AS last FROM fct_order_items i JOIN fct_orders o ON o.order_key = i.order_key
         WHERE o.is_counted = 1 GROUP BY i.sku HAVING count(DISTINCT o.order_date) >= 5 ORDER BY count(*) DESC LIMIT 1 OFFSET ?`,
      )
      .get(offset);
    if (!sku) throw new Error('the store must have SKUs sold on five days');
    const row = latestStaged(db, 'products', 'sku = ?', sku.sku);
    const middle = new Date((Date.parse(sku.first) + Date.parse(sku.last)) / 2).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return { row, middle };
  }


  it('a new category for the version sold then moves those sales to it', async () => {
    const { row, middle } = soldSku(0);
    const run = await importDrop('recategorised', 'products', [resentRow('products', row, { category: 'Test Category', updated_at: middle })]);
    expect(run.rowsLoaded).toBe(1);
    expect(db.prepare("SELECT count(*) FROM agg_sales_daily WHERE category = 'Test Category'").pluck().get()).toBeGreaterThan(0);
    expectAggregatesAsRebuilt();
  });

  it('a cost change dated before some sales re-costs them', async () => {
    const { row, middle } = soldSku(1);
    const run = await importDrop('recosted', 'products', [resentRow('products', row, { cost: cents(Number(row.cost_cents) + 111), updated_at: middle })]);
    expect(run.rowsLoaded).toBe(1);
    expectAggregatesAsRebuilt();
  });
});

describe('a later run into a store older than the cohort windows', () => {
  let older: GeneratedStore;
  let warehouse: Db;

  beforeAll(async () => {
    older = await generateSmallStore(8, 300);
    warehouse = openWarehouse(path.join(older.dir, 'warehouse.sqlite'));
    await runImport(warehouse, { kind: 'landing', source: older.landing, files: filesOfDays(older, older.days.slice(0, 290)) });
  });

  afterAll(() => {
    warehouse.close();
    rmSync(older.dir, { recursive: true, force: true });
  });

  it('leaves the cohort rows of customers first seen 90+ days before its changes as a rebuild has them', async () => {
    const run = await runImport(warehouse, { kind: 'landing', source: older.landing, files: filesOfDays(older, older.days.slice(290)) });
    const from = run.transform?.touchedFrom;
    if (!from) throw new Error('the run must change some days');
    // The case the shortcut is for must be present: customers with an order in the refreshed
    // days whose first order lies 90 or more days before them.
    const skipped = warehouse
      .prepare<[string, string], number>(
        `SELECT count(DISTINCT o.customer_key) FROM fct_orders o JOIN dim_customer c ON c.customer_key = o.customer_key
         WHERE o.order_date >= ? AND c.first_order_date <= date(?, '-90 days')`,
      )
      .pluck()
      .get(from, from);
    expect(skipped).toBeGreaterThan(5);
    const incremental = aggregateSnapshot(warehouse);
    rebuildAllAnalyticsAggregates(warehouse);
    expect(aggregateSnapshot(warehouse)).toEqual(incremental);
    // Cohort LTV is recomputed from 89 days before the run's changes on: the rest must still match.
    const facts = warehouseChecksums(warehouse);
    rebuildFromStaging(warehouse);
    expect(warehouseChecksums(warehouse)).toEqual(facts);
  });

  it('recomputes the cohort of a first order 60 days before a changed repeat order', async () => {
    const repeat = warehouse
      .prepare<[], { order_id: string; first_month: string }>(
        `SELECT o.order_id, substr(c.first_order_date, 1, 7) AS first_month FROM fct_orders o JOIN dim_customer c ON c.customer_key = o.customer_key
         WHERE o.is_counted = 1 AND o.is_first_order = 0 AND o.order_date BETWEEN date(c.first_order_date, '+55 days') AND date(c.first_order_date, '+85 days')
           AND substr(o.order_date, 1, 7) > substr(date(c.first_order_date, '+31 days'), 1, 7)
         ORDER BY o.order_date DESC LIMIT 1`,
      )
      .get();
    if (!repeat) throw new Error('the store must have a repeat order 55 to 85 days after a first order');
    const run = await importDrop('late-cancel', 'orders', [cancelledOrder(warehouse, repeat.order_id, `${older.days.at(-1)}T23:30:00Z`)], { db: warehouse, dir: older.dir });
    expect(run.rowsLoaded).toBe(1);
    const facts = warehouseChecksums(warehouse);
    rebuildFromStaging(warehouse);
    expect(warehouseChecksums(warehouse)).toEqual(facts);
  });

  it('re-derives the completeness of cohorts it does not recompute when the last day jumps months ahead', async () => {
    const gapped = openWarehouse(path.join(older.dir, 'gapped.sqlite'));
    try {
      await runImport(gapped, { kind: 'landing', source: older.landing, files: filesOfDays(older, older.days.slice(0, 150)) });
      const incompleteBefore = gapped.prepare('SELECT count(*) FROM fct_cohort_ltv WHERE window_days = 90 AND is_complete = 0').pluck().get() as number;
      expect(incompleteBefore).toBeGreaterThan(0);
      const run = await runImport(gapped, { kind: 'landing', source: older.landing, files: filesOfDays(older, older.days.slice(290)) });
      const from = run.transform?.touchedFrom;
      if (!from) throw new Error('the run must change some days');
      // The case: a cohort that was incomplete lies before the months the run recomputes.
      const firstRecomputed = addDays(from, -89).slice(0, 7);
      expect((older.days[149] ?? '').slice(0, 7) < firstRecomputed).toBe(true);
      const facts = warehouseChecksums(gapped);
      rebuildFromStaging(gapped);
      expect(warehouseChecksums(gapped)).toEqual(facts);
    } finally {
      gapped.close();
    }
  });
});
