import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildAllAnalyticsAggregates } from '../analytics/aggregates/refresh';
import { aggregateSnapshot } from '../analytics/testing/aggregate-snapshot';
import { openWarehouse, type Db } from '../db/open';
import { runImport, type ImportRunResult } from './import-run';
import { rebuildFromStaging } from './rebuild';
import { filesOfDays, generateSmallStore, type GeneratedStore } from './testing/generated-store';
import { createdAtOf, independentCohorts, independentOrders } from './testing/independent-truth';
import { warehouseChecksums } from './testing/warehouse-checksum';

let store: GeneratedStore;
let db: Db;
let oneDayRun: ImportRunResult;

/** Lineage columns say when a row was loaded, so only they may differ between two warehouses. */
const LINEAGE = ['batch_id', 'ingested_at'];

beforeAll(async () => {
  store = await generateSmallStore(3, 100);
  db = openWarehouse(path.join(store.dir, 'warehouse.sqlite'));
  // Three runs, as nightly drops would: 60 days, one single day, then the rest.
  await runImport(db, { kind: 'landing', source: store.landing, files: filesOfDays(store, store.days.slice(0, 60)) });
  oneDayRun = await runImport(db, { kind: 'landing', source: store.landing, files: filesOfDays(store, store.days.slice(60, 61)) });
  await runImport(db, { kind: 'landing', source: store.landing, files: filesOfDays(store, store.days.slice(61)) });
});

afterAll(() => {
  db.close();
  rmSync(store.dir, { recursive: true, force: true });
});

describe('import pipeline on a generated store', () => {
  it('reproduces the manifest totals exactly, per day and currency and overall', () => {
    const rows = db
      .prepare('SELECT date_key, currency, gross_cents, discount_cents, tax_cents, shipping_cents, refund_cents, net_cents, orders, units FROM fct_revenue_daily')
      .all() as Record<string, number | string>[];
    const byKey = new Map(rows.map((r) => [`${r.date_key}|${r.currency}`, r]));
    expect(rows.length).toBe(store.manifest.totals.perDay.length);
    for (const day of store.manifest.totals.perDay) {
      const got = byKey.get(`${day.date}|${day.currency}`);
      expect(got, `${day.date} ${day.currency}`).toEqual({
        date_key: day.date, currency: day.currency, gross_cents: day.grossCents, discount_cents: day.discountCents, tax_cents: day.taxCents,
        shipping_cents: day.shippingCents, refund_cents: day.refundCents, net_cents: day.netCents, orders: day.orders, units: day.units,
      });
    }
    for (const [currency, totals] of Object.entries(store.manifest.totals.overallByCurrency)) {
      const sum = db.prepare('SELECT sum(gross_cents) g, sum(discount_cents) d, sum(refund_cents) r, sum(net_cents) n, sum(orders) o FROM fct_revenue_daily WHERE currency = ?').get(currency);
      expect(sum).toEqual({ g: totals.grossCents, d: totals.discountCents, r: totals.refundCents, n: totals.netCents, o: totals.orders });
    }
    expect(db.prepare('SELECT count(*) AS all_orders, sum(is_counted) AS counted FROM fct_orders').get()).toEqual({
      all_orders: store.manifest.totals.orders.all,
      counted: store.manifest.totals.orders.counted,
    });
    expect(db.prepare('SELECT count(DISTINCT customer_key) FROM fct_orders WHERE is_counted = 1').pluck().get()).toBe(store.manifest.totals.customers);
    const returns = Object.fromEntries((db.prepare('SELECT refund_rule, count(*) AS n FROM fct_returns GROUP BY 1').all() as { refund_rule: string; n: number }[]).map((r) => [r.refund_rule, r.n]));
    expect(returns).toEqual({
      within_30_days: store.manifest.totals.returns.within30Days,
      after_30_days: store.manifest.totals.returns.after30Days,
      not_delivered: store.manifest.totals.returns.notDelivered,
    });
  });

  it('accounts for every row: read = loaded + duplicates + quarantined, and the injected noise is all caught', () => {
    const batches = db.prepare('SELECT rows_read, rows_loaded, rows_duplicate, rows_quarantined, sha256 FROM import_batches').all() as Record<string, number>[];
    // Every file is a batch, or byte-identical to one (header-only files repeat) and so skipped.
    const fileHashes = new Set(filesOfDays(store, store.days).map((f) => createHash('sha256').update(readFileSync(f)).digest('hex')));
    expect(new Set(batches.map((b) => b.sha256))).toEqual(fileHashes);
    expect(batches.length).toBe(fileHashes.size);
    for (const b of batches) expect(b.rows_read).toBe((b.rows_loaded ?? 0) + (b.rows_duplicate ?? 0) + (b.rows_quarantined ?? 0));
    const quarantined = Number(db.prepare('SELECT count(*) FROM quarantine').pluck().get());
    expect(quarantined).toBe(store.manifest.injected.invalid.total);
    expect(Number(db.prepare('SELECT sum(rows_duplicate) FROM import_batches').pluck().get())).toBe(store.manifest.injected.duplicates.byKind.exact_repeat);
    const validRows = Object.values(store.manifest.rows.valid).reduce((a, b) => a + b, 0);
    expect(Number(db.prepare('SELECT sum(rows_read) FROM import_batches').pluck().get())).toBe(validRows + store.manifest.rows.invalid);
  });

  it('computes net revenue of 10 random orders as the formula does from the CSVs', () => {
    const truth = independentOrders(store);
    const counted = [...truth.values()].filter((o) => o.isCounted && o.refundCents > 0);
    const plain = [...truth.values()].filter((o) => o.isCounted && o.refundCents === 0);
    // A seeded pick, half of them with refunds so the return rule is exercised.
    const picks = [...counted.filter((_, i) => i % 7 === 3).slice(0, 5), ...plain.filter((_, i) => i % 13 === 5).slice(0, 5)];
    expect(picks.length).toBe(10);
    for (const order of picks) {
      const row = db.prepare('SELECT gross_cents, discount_cents, refund_cents, net_cents FROM fct_orders WHERE order_id = ?').get(order.orderId);
      expect(row, order.orderId).toEqual({ gross_cents: order.grossCents, discount_cents: order.discountCents, refund_cents: order.refundCents, net_cents: order.netCents });
    }
  });

  it('builds LTV and retention for at least 3 cohorts, matching an independent computation', () => {
    const cohorts = db.prepare('SELECT cohort_month, currency, window_days, customers, retained_customers, revenue_cents, ltv_cents, is_complete FROM fct_cohort_ltv').all() as Record<string, number | string>[];
    const months = new Set(cohorts.map((c) => c.cohort_month));
    expect(months.size).toBeGreaterThanOrEqual(3);
    const expected = independentCohorts(independentOrders(store), createdAtOf(store));
    expect(cohorts.length).toBe(expected.length);
    for (const e of expected) {
      const got = cohorts.find((c) => c.cohort_month === e.cohortMonth && c.currency === e.currency && c.window_days === e.windowDays);
      expect(got, `${e.cohortMonth} ${e.currency} ${e.windowDays}`).toMatchObject({
        customers: e.customers, retained_customers: e.retained, revenue_cents: e.revenueCents, ltv_cents: Math.round(e.revenueCents / e.customers),
      });
    }
    // 100 days of data: the last month's 90-day window is incomplete, January's 7-day window complete.
    const lastMonth = [...months].sort().at(-1);
    expect(cohorts.filter((c) => c.window_days === 90 && c.cohort_month === lastMonth).every((c) => c.is_complete === 0)).toBe(true);
    expect(cohorts.filter((c) => c.window_days === 7 && c.cohort_month === '2024-01').every((c) => c.is_complete === 1)).toBe(true);
  });

  it('fires inventory alerts at the right thresholds, as the manifest planted them', () => {
    const alerts = db.prepare('SELECT sku, raised_date, on_hand, allocated, reorder_point FROM inventory_alerts ORDER BY sku, raised_date').all() as
      { sku: string; raised_date: string; on_hand: number; allocated: number; reorder_point: number }[];
    const skus = new Set(alerts.map((a) => a.sku));
    expect(skus.size).toBeGreaterThanOrEqual(5);
    expect(alerts.length).toBe(store.manifest.inventory.alerts);
    for (const planted of store.manifest.inventory.atRiskSkus) {
      const mine = alerts.filter((a) => a.sku === planted.sku);
      expect(mine.length, planted.sku).toBe(planted.alerts);
      expect(mine[0]?.raised_date).toBe(planted.firstDate);
    }
    for (const alert of alerts) {
      expect(alert.on_hand - alert.allocated).toBeLessThan(alert.reorder_point);
      const before = db.prepare("SELECT on_hand - allocated - reorder_point AS gap FROM fct_inventory_daily WHERE sku = ? AND date_key = date(?, '-1 day')").get(alert.sku, alert.raised_date) as { gap: number } | undefined;
      if (before) expect(before.gap).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps the analytics aggregates equal to a full rebuild across the three runs, refreshing only the days a run changed', () => {
    const incremental = aggregateSnapshot(db);
    rebuildAllAnalyticsAggregates(db);
    expect(aggregateSnapshot(db)).toEqual(incremental);
    expect(incremental.agg_sales_daily?.length).toBeGreaterThan(100);
    // The one-day run re-sends orders of earlier days (status changes, returns) and brings orders of
    // customers with long histories: it reaches back to the oldest order it changed, not to every
    // day those customers ever bought on (which made a nightly import refresh all of history).
    const batches = oneDayRun.files.map((f) => f.batchId ?? 0);
    const oldestChanged = db
      .prepare<[{ batches: string }], string>(
        `SELECT min(o.order_date) FROM fct_orders o WHERE o.order_id IN (
           SELECT order_id FROM stg_orders WHERE batch_id IN (SELECT value FROM json_each(@batches))
           UNION SELECT order_id FROM stg_order_items WHERE batch_id IN (SELECT value FROM json_each(@batches))
           UNION SELECT order_id FROM stg_returns WHERE batch_id IN (SELECT value FROM json_each(@batches)))`,
      )
      .pluck()
      .get({ batches: JSON.stringify(batches) });
    expect(oneDayRun.transform?.touchedFrom).toBe(oldestChanged);
  });

  it('is idempotent: the same files again change nothing, and a rebuild from staging gives identical tables', async () => {
    const first = warehouseChecksums(db);
    const again = await runImport(db, { kind: 'files', source: store.landing, files: filesOfDays(store, store.days) });
    expect(again.status).toBe('skipped');
    expect(again.runId).toBeNull();
    const second = warehouseChecksums(db);
    rebuildFromStaging(db);
    const third = warehouseChecksums(db);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(db.prepare('SELECT count(*) - count(DISTINCT order_id) FROM fct_orders').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM (SELECT sku FROM dim_product GROUP BY sku HAVING sum(is_current) <> 1)').pluck().get()).toBe(0);
  });

  it('gives the same facts when everything is imported in one run into a fresh warehouse', async () => {
    const fresh = openWarehouse(path.join(store.dir, 'fresh.sqlite'));
    try {
      await runImport(fresh, { kind: 'files', source: store.landing, files: filesOfDays(store, store.days) });
      expect(warehouseChecksums(fresh, LINEAGE)).toEqual(warehouseChecksums(db, LINEAGE));
    } finally {
      fresh.close();
    }
  });

  it('ties order lines to the product version valid at order time', () => {
    const changed = db.prepare('SELECT sku FROM dim_product GROUP BY sku HAVING count(*) > 1 LIMIT 1').pluck().get() as string | undefined;
    expect(changed).toBeDefined();
    const mismatches = db
      .prepare(
        `SELECT count(*) FROM fct_order_items i JOIN fct_orders o ON o.order_key = i.order_key JOIN dim_product p ON p.product_key = i.product_key
         WHERE NOT (strftime('%Y-%m-%dT%H:%M:%SZ', o.created_at) >= p.valid_from OR p.valid_from = (SELECT min(valid_from) FROM dim_product q WHERE q.sku = p.sku))
            OR (p.valid_to IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%SZ', o.created_at) >= p.valid_to)`,
      )
      .pluck()
      .get();
    expect(mismatches).toBe(0);
    // Each planted price change that really changes the list price opens one version.
    const firstPrices = new Map(
      (db.prepare('SELECT sku, list_price_cents FROM dim_product p WHERE valid_from = (SELECT min(valid_from) FROM dim_product q WHERE q.sku = p.sku)').all() as
        { sku: string; list_price_cents: number }[]).map((r) => [r.sku, r.list_price_cents]),
    );
    let realChanges = 0;
    for (const change of store.manifest.catalog.priceChanges) {
      const cents = Math.round(change.listPrice * 100);
      if (firstPrices.get(change.sku) !== cents) realChanges += 1;
      firstPrices.set(change.sku, cents);
    }
    const versions = Number(db.prepare('SELECT count(*) - count(DISTINCT sku) FROM dim_product').pluck().get());
    expect(versions).toBe(realChanges);
    expect(realChanges).toBeGreaterThan(0);
  });

  it('stores a passing quality run with figures after each import', () => {
    const runs = db.prepare('SELECT checks, failed, is_passed FROM quality_runs').all() as { checks: number; failed: number; is_passed: number }[];
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const run of runs) expect(run).toMatchObject({ failed: 0, is_passed: 1 });
    const categories = db.prepare('SELECT DISTINCT category FROM quality_checks ORDER BY 1').pluck().all();
    expect(categories).toEqual(['nulls', 'range', 'reconciliation', 'referential', 'unique']);
  });
});
